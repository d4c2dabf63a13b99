"""Short abbreviations: a mixed-case one ("LoC", "GoI") names no hamlet that happens to be spelt
like it, and a region's initials ("AJK") stand for the region."""

from __future__ import annotations

from geomap.geoparse.filters import NameFacts, acronym_names_an_area

from .sense_fixtures import sense


def _kept(name, candidates):
    # (the rule reads the name alone, no cache)
    return acronym_names_an_area(candidates, NameFacts(name, (None,), False, None))


def test_a_mixed_case_abbreviation_keeps_no_hamlet():
    hamlet = sense("Loc", population=40)
    region = sense("Loc Region", code="ADM1", geonameid=2)
    assert _kept("LoC", [hamlet]) == []
    assert _kept("LoC", [hamlet, region]) == [region]


def test_a_short_word_or_name_is_no_abbreviation():
    hamlet = sense("Loc", population=40)
    for name in ("Loc", "Ada"):
        assert _kept(name, [hamlet]) == [hamlet]


def test_a_regions_initials_stand_for_it(parse):
    mentions = parse("Troops exchanged fire near Kotli Sattian, Haveli district, AJK, on Friday.")
    found = [m for m in mentions if m.name == "AJK"]
    assert found and found[0].place is not None and found[0].place.name == "Azad Kashmir"


def test_initials_joined_by_an_ampersand_stand_for_the_region(parse):
    for text in ("Shelling hit Zendrak village (Poonch district, J&K) at dawn.",
                 "Shelling hit Zendrak village (Poonch district, J & K) at dawn."):
        found = [m for m in parse(text) if m.name.replace(" ", "") == "J&K"]
        assert found and found[0].place is not None
        assert found[0].place.name == "Jammu and Kashmir"
