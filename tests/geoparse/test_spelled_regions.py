"""A province the text names in a spelling the gazetteer lacks still tells a village from its
namesakes: the region's name is compared as letters without vowels or doubled letters."""

from __future__ import annotations

from geomap.geoparse.context import Containment
from geomap.geoparse.regions import region_key, spelled_regions, spells_region
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense


def test_common_spellings_of_one_region_share_a_key():
    assert region_key("Qarvazjan Province") == region_key("Qorvozjan")
    assert spells_region(spelled_regions("Shots near Sorvik, Upper Tebele."), "Upper Tabeelle")


def test_regions_that_differ_by_a_qualifier_keep_apart():
    assert region_key("Upper Tabeelle") != region_key("Lower Tabeelle")


def test_a_region_of_ordinary_words_only_has_no_key():
    assert region_key("North West") == ("", 0)
    assert region_key("Central") == ("", 0)


def test_the_text_spells_a_region_in_a_run_of_capitalised_words():
    keys = spelled_regions("Gunmen raided Sorvik, Upper Tebele, on Monday.")
    assert spells_region(keys, "Upper Tabeelle")
    assert not spells_region(keys, "Lower Tabeelle")


def test_only_a_container_s_place_is_read():
    assert not spells_region(spelled_regions("Upper Tebele spoke to us."), "Upper Tabeelle")


def test_a_much_shorter_word_of_the_same_consonants_is_no_spelling():
    assert not spells_region(spelled_regions("They met at the cafe, Mane St."), "Minnesota")


def test_a_name_the_gazetteer_knows_spells_no_region():
    keys = spelled_regions("Gunmen raided Sorvik, Upper Tebele.",
                           known=lambda phrase: phrase == "Upper Tebele")
    assert not spells_region(keys, "Upper Tabeelle")


def test_the_town_named_like_its_region_gains_nothing_from_the_spelling():
    keys = spelled_regions("Shots near Sorvik (Tebellorsk).")
    assert spells_region(keys, "Tebelorsk", "Korvik")
    assert not spells_region(keys, "Tebelorsk", "Tebelorsk")


def _choice(text):
    upper = sense("Sorvik", geonameid=1, lat=2.0, lon=45.0, country="XQ", region="01",
                  region_name="Upper Tabeelle")
    lower = sense("Sorvik", geonameid=2, lat=1.5, lon=44.5, country="XQ", region="02",
                  region_name="Lower Tabeelle")
    group = NameGroup("sorvik", [0], [lower, upper])
    context = DocumentContext()
    context.spelled_regions = spelled_regions(text)
    Resolver(lambda s: s.lower()).resolve([group], Containment(), [0], context)
    return group.chosen.geonameid


def test_the_namesake_in_the_spelled_region_wins_a_tie():
    assert _choice("Gunmen raided Sorvik, Upper Tebele, on Monday.") == 1


def test_without_the_region_the_first_ranked_namesake_stands():
    assert _choice("Gunmen raided Sorvik on Monday.") == 2
