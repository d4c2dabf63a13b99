"""A class word that is itself an office's word ("Highway", "District"), followed by an
office's capitalised head, names an office: the place is the name before it. A county's
council stays the county's."""

from __future__ import annotations


def _names(parse, text):
    return [m.name for m in parse(text)]


def test_a_state_highway_patrol_is_the_state(parse):
    names = _names(parse, "A trooper of the Nevada Highway Patrol stopped the truck at dawn.")
    assert names == ["Nevada"]


def test_a_county_council_keeps_the_county(parse):
    assert "Boone County" in _names(parse, "The Boone County Council met on Tuesday night.")
