"""A town's name, then "City" and an office's capitalised word, names the town's council or
schools: the place is the town; a region's "X City" stays whole."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_town_city_council_member_is_the_town(parse):
    text = "A Santa Rosa City Councilman resigned in March over the vote."
    assert names_of(parse, text) == ["Santa Rosa"]


def test_a_town_city_council_is_the_town(parse):
    assert "Pasadena" in names_of(parse, "The Pasadena City Council approved the budget.")


def test_a_city_named_after_a_region_stays_whole(parse):
    assert "Kansas City" in names_of(parse, "The Kansas City Council voted on the budget.")
