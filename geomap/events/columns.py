"""A field of many events (or reports) as a numpy array, each distinct value converted once.

Dedup reads a few fields of a million events; their values repeat (a few thousand days, a
dozen types, a handful of precisions), so a table of the distinct values, filled in Python and
read back through C (``dict.fromkeys``, ``map``), costs a fraction of a comprehension that
calls a function per event.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import numpy as np


def converted(values: Sequence[Hashable], convert: Callable[[Hashable], int | bool],
              dtype: type = np.int64) -> np.ndarray:
    """``[convert(value) for value in values]`` as an array, convert called once per distinct
    value."""
    table = {value: convert(value) for value in dict.fromkeys(values)}
    return np.fromiter(map(table.__getitem__, values), dtype, len(values))


def converted_rows(values: Sequence[Hashable], convert: Callable[[Hashable], tuple],
                   width: int) -> np.ndarray:
    """converted for a convert that gives ``width`` ints: an array of shape (len, width), the
    column read once for all of them."""
    table = {value: convert(value) for value in dict.fromkeys(values)}
    return np.fromiter(map(table.__getitem__, values), np.dtype((np.int64, width)),
                       len(values)).reshape(len(values), width)


def coded(values: Sequence[Hashable], codes: dict) -> np.ndarray:
    """Each value's number in ``codes`` (new values numbered on from the last; a value coded
    before keeps its number, so several fields can share one table)."""
    return converted(values, lambda value: codes.setdefault(value, len(codes) - 1))


def distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-d int array, by one sort: numpy's unique (hashing, then
    sorting) takes a hundred times longer on a million ints."""
    ordered = np.sort(values)
    if not len(ordered):
        return ordered
    return ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])]

