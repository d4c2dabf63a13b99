"""The sorted distinct values dedup finds its candidate pairs with are numpy's unique ones."""

import numpy as np

from geomap.events.columns import distinct


def test_distinct_equals_numpy_unique():
    rng = np.random.default_rng(3)
    for size in (0, 1, 2, 50, 5000):
        values = rng.integers(-20, 20 + size, size)
        assert np.array_equal(distinct(values), np.unique(values))
        assert distinct(values).dtype == values.dtype

