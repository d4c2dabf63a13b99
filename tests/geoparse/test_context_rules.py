"""General recognition and resolution rules: lists, unions, resident names, facilities, local
namesakes of countries."""

from __future__ import annotations

import pytest


def only(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, f"{name!r} not among {[m.name for m in mentions]}"
    return found


def test_an_item_of_a_list_of_provinces_is_a_province(parse):
    text = ("Wildfires burned in Saskatchewan, Alberta, Quebec, Ontario and New Brunswick "
            "this summer.")
    mentions = parse(text)
    for name in ("Ontario", "New Brunswick"):
        place = only(mentions, name)[0].place
        assert place.country == "CA" and place.feature_code == "ADM1", name


def test_a_list_of_states_is_not_a_chain_of_containers(parse):
    text = "Cases were reported in Colorado, Georgia, Illinois, Missouri and New Jersey."
    place = only(parse(text), "Illinois")[0].place
    assert place.feature_code == "ADM1" and place.country == "US"


@pytest.mark.parametrize("text, name", [
    ("The EU said the new rules would apply from May.", "EU"),
    ("Ministers of the European Union met on Monday.", "European Union"),
])
def test_the_european_union_is_recognised_and_placed_in_europe(parse, text, name):
    place = only(parse(text), name)[0].place
    assert place is not None and place.feature_code == "CONT"


def test_european_before_union_is_not_a_separate_demonym(parse):
    mentions = parse("Ministers of the European Union met on Monday.")
    assert [m.name for m in mentions] == ["European Union"]


@pytest.mark.parametrize("text, name, region", [
    ("Every Iowan deserves broadband, she said.", "Iowan", "Iowa"),
    ("The tax will cost Manitobans about $300 a year.", "Manitobans", "Manitoba"),
])
def test_residents_of_a_region_are_a_demonym_of_it(parse, text, name, region):
    mention = only(parse(text), name)[0]
    assert mention.kind == "demonym"
    assert mention.place is not None and mention.place.name == region


@pytest.mark.parametrize("text, name, country", [
    ("Many South Koreans voted early.", "South Koreans", "KR"),
    ("Enslaved African Americans built the levee.", "African Americans", "US"),
])
def test_compound_nationality_words_are_one_demonym(parse, text, name, country):
    mention = only(parse(text), name)[0]
    assert mention.kind == "demonym" and mention.place.country == country


def test_a_sentence_article_is_not_part_of_a_name(parse):
    mentions = parse("Talks stalled. The Korean Peninsula remains tense.")
    assert [m.name for m in mentions] == ["Korean Peninsula"]


def test_a_place_whose_name_begins_with_the_keeps_it(parse):
    assert [m.name for m in parse("Judges in The Hague ruled on Friday.")] == ["The Hague"]


def test_a_named_facility_after_a_preposition_is_one_span(parse):
    text = "Parents gathered at Walt Whitman High School on Monday."
    assert [m.name for m in parse(text)] == ["Walt Whitman High School"]


def test_a_facility_named_after_a_town_keeps_the_town(parse):
    mentions = parse("Volunteers met at the Marksville Fire Station on Monday.")
    assert [m.name for m in mentions] == ["Marksville"]


def test_a_country_named_town_among_nearby_towns_is_the_town(parse):
    text = ("A reunion is planned at the park in Lebanon. He grew up in Hershey and Annville "
            "and often drove to Palmyra.")
    place = only(parse(text), "Lebanon")[0].place
    assert place.country == "US" and place.admin1 == "Pennsylvania"


def test_a_country_alone_stays_the_country(parse):
    place = only(parse("Refugees crossed into Lebanon on Monday."), "Lebanon")[0].place
    assert place.feature_code.startswith("PCL")


def test_a_country_name_before_a_person_noun_is_a_town(parse):
    place = only(parse("Police said a Lebanon woman was charged on Friday."), "Lebanon")[0].place
    assert place.feature_class == "P"


@pytest.mark.parametrize("text, town, region_code, country", [
    ("He was born in Atlanta, Georgia, in 1970.", "Atlanta", "ADM1", "US"),
    ("Clashes were reported in Gori, Georgia, overnight.", "Gori", "PCLI", "GE"),
])
def test_a_container_takes_the_sense_that_holds_the_place_put_in_it(parse, text, town,
                                                                    region_code, country):
    mentions = parse(text)
    assert only(mentions, town)[0].place.country == country
    assert only(mentions, "Georgia")[0].place.feature_code == region_code


def test_a_country_beats_its_own_first_level_namesake(parse):
    place = only(parse("Flights from Mexico were halted on Monday."), "Mexico")[0].place
    assert place.feature_code == "PCLI"


def test_named_waters_beat_namesake_regions_and_are_never_outside_a_country():
    from geomap.geoparse import geoparse

    sea = geoparse("Houthi forces attacked a tanker in the Red Sea on Monday.")
    assert [(m.name, m.place.feature_code) for m in sea] == [("Red Sea", "SEA")]
    strait = {m.name: m.place for m in geoparse("Ships were seized in the Strait of Hormuz "
                                                "near Iran.")}
    assert strait["Strait of Hormuz"] is not None
    assert strait["Strait of Hormuz"].feature_code == "STRT"
    governorate = geoparse("The governor of Red Sea governorate in Egypt said so.")
    assert governorate[0].place.feature_code == "ADM1" and governorate[0].place.country == "EG"


def test_a_unit_word_only_one_country_uses_points_to_that_country(parse):
    mentions = parse("Bandits raided a farm in Mangu LGA (Plateau) overnight.")
    places = {m.name: m.place for m in mentions if m.place is not None}
    assert places["Plateau"].country == "NG"  # not Benin's Plateau department
    assert places["Mangu"].country == "NG"  # GeoNames also lists "Mangu" as a name of Bangkok


def test_a_country_before_in_and_a_town_is_not_read_as_inside_the_town(parse):
    mentions = parse("Students angry at the banking system in Lebanon in Sidon marched.")
    places = {m.name: m.place for m in mentions if m.place is not None}
    assert places["Lebanon"].feature_code == "PCLI" and places["Sidon"].country == "LB"


def test_an_embassy_of_a_country_is_an_organisation(parse):
    mentions = parse("A small crowd gathered by the Embassy of Belarus in Vilnius.")
    assert [m.kind for m in mentions if m.name == "Belarus"] == ["embedded"]


def test_a_name_listed_among_cities_is_the_city(parse):
    mentions = parse("On a tour of Washington, New York and Chicago, the senator spoke twice.")
    new_york = [m.place for m in mentions if m.name == "New York"]
    assert new_york and new_york[0].feature_class == "P"


def test_a_name_listed_among_states_is_still_the_state(parse):
    mentions = parse("Storms hit Texas, New York and Ohio on Monday.")
    assert [m.place.feature_code for m in mentions if m.name == "New York"] == ["ADM1"]
