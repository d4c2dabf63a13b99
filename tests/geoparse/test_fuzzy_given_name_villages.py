"""Villages bear given names ("Ahmad Abad", "Hassan Khel"). A name of several words that holds
one is searched approximately among the names of a province the text names; elsewhere a given
name still keeps a name out of the approximate search (it is as often a person)."""

from __future__ import annotations


def test_a_respelt_name_holding_a_given_name_is_found_in_its_named_province(parser):
    for name, province, meant in (("Mason Citty", ("US", "IA"), "Mason City"),
                                  ("Marion Oakes", ("US", "FL"), "Marion Oaks")):
        found = parser.fuzzy.match(name, [], provinces=[province])
        assert found is not None and found.name == meant and found.source == "fuzzy"


def test_a_name_holding_a_given_name_is_not_searched_country_wide(parser):
    assert parser.fuzzy.match("Mason Citty", ["US"]) is None
    assert not parser.fuzzy.fuzzable("Mason Citty")


def test_a_single_given_name_is_never_searched(parser):
    assert not parser.fuzzy.fuzzable("Marion", in_province=True)
