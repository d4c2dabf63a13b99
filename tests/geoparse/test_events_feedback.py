"""Behaviour the events stage relies on: whole names, clean spans, the city-or-province choice,
nationality modifiers, container restriction, armed groups and readable display names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.geodesy import haversine_km
from geomap.geoparse import geoparse


def only(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, f"{name!r} not among {[m.name for m in mentions]}"
    return found


@pytest.mark.parametrize("text, whole, fragment", [
    ("A car bomb went off in Puli Alam on Sunday, police said.", "Puli Alam", "Puli"),
    ("Gunmen attacked a checkpoint near Charkh Ab village overnight.", "Charkh Ab", "Charkh"),
    ("Troops moved into Dasht-e-Abdan after the clashes.", "Dasht-e-Abdan", "Dasht"),
])
def test_a_known_prefix_of_a_longer_name_is_not_resolved_alone(parse, text, whole, fragment):
    mentions = parse(text)
    assert not [m for m in mentions if m.name == fragment]
    assert only(mentions, whole)[0].place is None  # the gazetteer lacks it: fallback's job


def test_a_fragment_before_an_unknown_name_without_place_context_is_dropped(parse):
    mentions = parse("The farmer Puli Alam told reporters that the harvest was poor.")
    assert not [m for m in mentions if m.name.startswith("Puli")
                and m.place is not None and m.place.country != "AF"]


def test_a_place_before_a_known_word_keeps_its_own_span(parse):
    mentions = parse("Officers from the Moorhead Police Department searched the house.")
    assert [m.name for m in mentions if "Moorhead" in m.name] == ["Moorhead"]


def test_a_whole_name_the_gazetteer_knows_resolves(parse):
    place = only(parse("Two shops burned in Bati Kot on Monday."), "Bati Kot")[0].place
    assert place is not None and place.country == "AF"


@pytest.mark.parametrize("text, name", [
    ("Rebels withdrew from Palmyra.The army moved in on Sunday.", "Palmyra"),
    ("Islamic State fighters were pushed back towards Palmyra.", "Palmyra"),
])
def test_a_sentence_full_stop_never_ends_a_name(parse, text, name):
    found = only(parse(text), name)
    assert all(text[m.start:m.end] == name for m in found)


_ABBREVIATION = re.compile(r"(?:\b\w{1,2}(?:\.\w{1,3})+\.|\b[A-Z][a-z]{1,4}\.)$")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Palmyra", "Aleppo", ".", ",", "The", "in", "U.S.", "Main",
                                 "St.", "Ill.", "Springfield", "’", "'", "-", "Peoples’",
                                 "camp", "County", "Boone", "\n"]), max_size=30))
def test_names_end_in_a_letter_or_an_abbreviation_dot(words):
    text = " ".join(words)
    for mention in geoparse(text):
        last = mention.name[-1]
        assert last.isalnum() or (last == "." and _ABBREVIATION.search(mention.name)), mention


@pytest.mark.parametrize("text, name, feature_class", [
    ("Russia keeps its naval base in Tartus, on the Syrian coast.", "Tartus", "P"),
    ("A car bomb exploded in Kandahar city on Friday.", "Kandahar", "P"),
    ("Troops were sent to the city of Tartus last week.", "Tartus", "P"),
    ("Airstrikes hit villages across Tartus governorate.", "Tartus", "A"),
    ("Fighting spread across Kandahar province on Friday.", "Kandahar", "A"),
])
def test_city_or_province_follows_the_words_around_a_shared_name(parse, text, name,
                                                                   feature_class):
    place = only(parse(text), name)[0].place
    assert place is not None and place.feature_class == feature_class


def test_city_and_province_of_one_name_are_two_places_in_one_article(parse):
    mentions = parse("A bomb hit Kandahar city, the capital of Kandahar province.")
    assert [m.place.feature_class for m in only(mentions, "Kandahar")] == ["P", "A"]


@pytest.mark.parametrize("text", [
    "U.S. diplomats called the talks stalled.",
    "U.S. troops withdrew from the base on Tuesday.",
    "Fighters of the U.S.-backed alliance advanced on the town.",
])
def test_a_country_name_modifying_a_noun_is_not_a_literal_place(parse, text):
    mention = only(parse(text), "U.S.")[0]
    assert mention.kind == "demonym"
    assert mention.place is not None and mention.place.country == "US"


def test_a_country_name_as_a_place_stays_literal(parse):
    mention = only(parse("Thousands of refugees have settled in the U.S. since May."),
                   "U.S.")[0]
    assert mention.kind == "literal"


@pytest.mark.parametrize("text", [
    "Shelling damaged houses in Borova, Kharkiv, on Monday.",
    "Shelling damaged houses in Borova in Kharkiv oblast on Monday.",
])
def test_a_following_container_restricts_a_village_namesake(parse, text):
    place = only(parse(text), "Borova")[0].place
    assert place is not None and place.country == "UA"
    assert "Kharkiv" in place.admin1


def test_without_a_container_the_village_namesake_is_free(parse):
    place = only(parse("Shelling damaged houses in Borova on Monday."), "Borova")[0].place
    assert place is not None and "Kharkiv" not in place.admin1


@pytest.mark.parametrize("text, group", [
    ("Taliban fighters attacked a police post overnight.", "Taliban"),
    ("The Taliban said they had taken the district.", "Taliban"),
    ("Boko Haram gunmen raided the village.", "Boko Haram"),
    ("Hamas and Hezbollah issued statements.", "Hezbollah"),
    ("Al-Shabaab claimed responsibility.", "Al-Shabaab"),
])
def test_armed_group_names_are_never_places(parse, text, group):
    mentions = parse(text)
    start = text.index(group)
    assert not [m for m in mentions if m.start < start + len(group) and start < m.end]


def test_a_country_inside_a_group_name_is_embedded(parse):
    mentions = parse("A statement by Hayat Tahrir al-Sham was read in Idlib.")
    assert all(m.kind == "embedded" for m in mentions if m.name == "al-Sham")
    assert only(mentions, "Idlib")[0].kind == "literal"


def test_gold_span_on_a_group_name_gets_no_place(parser):
    text = "Taliban fighters attacked a police post."
    [mention] = parser.resolve_spans(text, [(0, 7)])
    assert mention.place is None and mention.kind != "literal"


@pytest.mark.parametrize("text, name, display", [
    ("Russia keeps its naval base in Tartus.", "Tartus", "Tartus"),
    ("A car bomb exploded in Kandahar city.", "Kandahar", "Kandahar"),
])
def test_display_names_are_readable_ascii(parse, text, name, display):
    place = only(parse(text), name)[0].place
    assert place.name == display
    assert place.admin1 is None or place.admin1.isascii()


def test_display_name_keeps_coordinates(parse):
    place = only(parse("Russia keeps its naval base in Tartus."), "Tartus")[0].place
    assert haversine_km(place.lat, place.lon, 34.89, 35.89) < 10
