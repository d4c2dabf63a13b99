"""A class word that is itself an office's word ("Highway", "District"), followed by an
office's capitalised head, names an office: the place is the name before it. A county's
council stays the county's."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_state_highway_patrol_is_the_state(parse):
    names = names_of(parse, "A trooper of the Nevada Highway Patrol stopped the truck at dawn.")
    assert names == ["Nevada"]


def test_a_county_council_keeps_the_county(parse):
    assert "Boone County" in names_of(parse, "The Boone County Council met on Tuesday night.")
