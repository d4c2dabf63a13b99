"""Recognition rules: which capitalised words are places, and of which kind."""

from __future__ import annotations

import pytest

from geomap.geoparse.recognize import pattern_spans, tokenize


def names(mentions):
    return [m.name for m in mentions]


def kinds(mentions):
    return {m.name: m.kind for m in mentions}


def test_multiword_and_transliterated_names(parse):
    text = "Shelling hit Deir ez-Zor and rebel-held east Aleppo, then Ras al-Ain."
    found = names(parse(text))
    assert "Deir ez-Zor" in found
    assert "Aleppo" in found


@pytest.mark.parametrize("text, person", [
    ("Secretary of State John Kerry flew home.", "Kerry"),
    ("President Obama spoke.", "Obama"),
    ("The photographer Abdalrhman Ismail took it.", "Ismail"),
    ("The Obama administration said no.", "Obama"),
    ("Gen. Igor Konashenkov spoke in Moscow.", "Konashenkov"),
])
def test_person_names_are_not_places(parse, text, person):
    assert person not in names(parse(text))


def test_a_surname_seen_with_a_first_name_stays_a_person(parse):
    text = "Jessica Tyler was arrested. Police said Tyler, 32, had a knife. Tyler denied it."
    assert "Tyler" not in names(parse(text))


def test_days_months_and_agencies_are_not_places(parse):
    text = "On Monday, March 3, Reuters and AFP reported from Damascus."
    assert names(parse(text)) == ["Damascus"]


@pytest.mark.parametrize("word", ["Of", "Along", "Police", "Many", "Most"])
def test_common_words_at_sentence_start_are_not_places(parse, word):
    text = f"{word} the residents left. Nobody stayed in Homs."
    assert word not in names(parse(text))


def test_capitalisation_decides_lowercase_words_are_not_names(parse):
    assert parse("syria aleppo kerry moscow") == []


@pytest.mark.parametrize("text, name, kind", [
    ("an aide told the Washington Post in an interview", "Washington", "embedded"),
    ("Watch the US Navy test a ship", "US", "embedded"),
    ("the US decided to suspend ties with Moscow", "Moscow", "metonym"),
    ("Damascus accused the rebels of shelling", "Damascus", "metonym"),
    ("Syrian troops advanced", "Syrian", "demonym"),
    ("Airstrikes hit Aleppo on Tuesday", "Aleppo", "literal"),
])
def test_kinds(parse, text, name, kind):
    assert kinds(parse(text)).get(name) == kind


def test_islamic_state_is_no_place(parse):
    assert names(parse("The strike was meant to target the Islamic State.")) == []


def test_possessive_does_not_hide_a_name(parse):
    found = parse("Russia's role in Syria's war")
    assert names(found) == ["Russia", "Syria"]
    assert found[0].kind == "metonym"


def test_place_like_spans_the_gazetteer_lacks(parse):
    text = "Sheriffs in Zzyzxville County and the village of Qqabbar saw no unrest."
    found = names(parse(text))
    assert "Zzyzxville County" in found
    assert "Qqabbar" in found


def test_pattern_spans_follow_token_boundaries():
    text = "the village of Kafr Nubl and Boone County, near Main Street and Highway 19"
    spans = pattern_spans(text, tokenize(text))
    assert {text[s.start:s.end] for s in spans} >= {"Kafr Nubl", "Boone County", "Main Street",
                                                   "Highway 19"}


def test_tokenizer_splits_possessives_hyphens_and_sentence_ends():
    text = "Russia's Fargo-Moorhead. U.S. forces"
    words = [t.text for t in tokenize(text)]
    assert words == ["Russia", "'s", "Fargo", "-", "Moorhead", ".", "U.S.", "forces"]
    assert [t.sentence_initial for t in tokenize(text)][0]


@pytest.mark.parametrize("text, absent", [
    ("An outbreak of the Marburg virus spread.", "Marburg"),
    ("Cases of Salmonella Litchfield rose.", "Litchfield"),
    ("Tickets now cost US$2,500 each.", "US"),
    ("She bought a tent at Wal-Mart last week.", "Mart"),
    ("Two officers, including the veteran Chad Walker, arrived at the scene on foot.", "Chad"),
    ("NATO ministers met on Monday.", "NATO"),
])
def test_names_that_are_something_else(parse, text, absent):
    assert absent not in names(parse(text))


def test_a_state_abbreviation_is_a_mention_and_pins_the_town(parse):
    found = parse("A Rock Hill, S.C., woman was injured, S.C. troopers said.")
    by_name = {m.name: m for m in found}
    assert by_name["S.C."].place.admin1 == "South Carolina"
    assert by_name["Rock Hill"].place.admin1 == "South Carolina"


def test_compass_words_join_region_names(parse):
    assert "West Africa" in names(parse("Cholera spread across West Africa in May."))


def test_a_dateline_in_capitals_is_a_place(parse):
    found = parse("DAMASCUS (Reuters) - Shelling resumed.")
    assert [m.name for m in found] == ["DAMASCUS"]
    assert found[0].place.country == "SY"


def test_the_text_calling_a_name_a_town_overrides_the_person_rules(parse):
    found = parse("Laura is a small town in Queensland. Laura has a pub.")
    assert [m.name for m in found].count("Laura") == 2


@pytest.mark.parametrize("text, name", [
    ("A suicide bombing killed 11 people in Djakana on Thursday.", "Djakana"),
    ("Troops shot dead two gunmen in Qarmashin on Sunday.", "Qarmashin"),
    ("Two farmers were shot dead near Baqouba.", "Baqouba"),
])
def test_unknown_names_after_a_locative_preposition_are_places(parse, text, name):
    found = [m for m in parse(text) if m.name == name]
    assert found and found[0].kind == "literal"


@pytest.mark.parametrize("text, absent", [
    ("The report was published in English and in Arabic.", ("English", "Arabic")),
    ("She worked at Reuters in January before moving to the Ministry.", ("Reuters", "January")),
    ("Youths rioted in Tel Aviv's Jaffa district.", ("Tel Aviv's Jaffa",)),
    ("A fair took place in Lagos de Moreno, Jalisco, last spring.", ("Lagos de",)),
])
def test_the_locative_pattern_keeps_away_from_other_words(parse, text, absent):
    names = {m.name for m in parse(text) if m.kind == "literal"}
    assert not names & set(absent)


@pytest.mark.parametrize("text, not_literal", [
    ("Islamic State of Iraq and Al-Sham (ISIS) fighters mined a road near Palmyra.",
     {"Al-Sham", "Iraq"}),
    ("Gunmen raided the Shiite Kurdish town of Qaratepe.", {"Shiite Kurdish"}),
    ("Rebels overran the Islamist-controlled town of Kafr Nasih.",
     {"Islamist-controlled"}),
])
def test_group_names_and_communities_are_not_places(parse, text, not_literal):
    literal = {m.name for m in parse(text) if m.kind == "literal"}
    assert not literal & not_literal


def test_a_name_the_text_calls_by_a_title_is_a_person_there_and_later(parse):
    text = ("Gunmen fired at the car of Odongo Kabirizi, the Ugandan Minister of Water, in "
            "Kampala. Kabirizi was unhurt.")
    assert {m.name for m in parse(text) if m.kind == "literal"} == {"Kampala"}



def test_a_person_holding_a_village_office_is_not_called_a_village(parse):
    mentions = parse("Gunmen killed Rasul Tamano, a village councilor, in Cotabato City.")
    assert {m.name for m in mentions if m.kind == "literal"} == {"Cotabato City"}


@pytest.mark.parametrize("state", ["New Jersey", "North Carolina", "Ohio"])
def test_a_given_name_before_a_comma_and_a_state_is_a_town(parse, state):
    mentions = parse(f"Officers defused two devices near a bus depot in Elizabeth, {state}.")
    assert "Elizabeth" in {m.name for m in mentions if m.kind == "literal"}


def test_a_possessive_owner_is_not_part_of_the_neighbourhood_it_owns(parse):
    mentions = parse("Police dispersed a crowd at Jerusalem's Bet Shemesh district on Friday.")
    places = {m.name: m.place for m in mentions if m.place is not None}
    assert places["Bet Shemesh"].country == "IL" and "Jerusalem" in places


def test_a_sentence_opening_locative_marks_a_name_the_gazetteer_lacks(parse):
    mentions = parse("In Qaryat Hasnawi, west of the capital, a policeman was shot.")
    assert "Qaryat Hasnawi" in {m.name for m in mentions if m.kind == "literal"}


def test_a_name_before_area_is_a_place_the_gazetteer_may_lack(parse):
    mentions = parse("A boy was hurt by a stray bullet in the Sarbulaq area of Kushk district.")
    assert "Sarbulaq" in {m.name for m in mentions if m.kind == "literal"}


def test_a_named_facility_after_an_attack_verb_is_one_span(parse):
    mentions = parse("Fighters stormed the strategic Zamalka Dam on Friday.")
    assert "Zamalka Dam" in {m.name for m in mentions}
