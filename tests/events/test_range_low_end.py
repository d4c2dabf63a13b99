"""The low end of a casualty range takes every count word the high end does: the range pattern
renames the count's group for its low end, and that renaming must not touch the words."""

from __future__ import annotations

import pytest

from geomap.events.casualties import parse_casualties


@pytest.mark.parametrize("low_word", ["several", "numerous"])
def test_a_vague_low_end_keeps_the_range_and_the_conservative_figure(low_word):
    toll = parse_casualties(f"Between {low_word} and 20 villagers were killed in the raid.")
    assert (toll.fatalities_low, toll.fatalities_high) == (toll.fatalities, 20)
    assert toll.fatalities < 20  # ACLED: the most conservative figure of a range
