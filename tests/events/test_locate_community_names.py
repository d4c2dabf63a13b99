"""The span task reads the names the geoparser marks but cannot place: a people, a faith or
their adjective ("Kurdish", "Serbs", "X-held") names who, not where, and an owner's name keeps
no "'s" ("in X's province of Y")."""

from __future__ import annotations

from event_fixtures import build_mentions, verb_place

from geomap.model import Mention


def _unplaced(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, "literal", None, 0.5)


def test_a_community_adjective_is_no_place():
    text = "On Monday the Marvish quarter was shelled, residents said."
    assert verb_place(text, "shelled", [_unplaced(text, "Marvish")]) is None


def test_a_people_is_no_place():
    text = "They were shooting at Serbs from the ridge."
    assert verb_place(text, "shooting", [_unplaced(text, "Serbs")]) is None


def test_the_place_a_holder_qualifies_wins_over_the_holder():
    text = "Gunships were patrolling the Varn-held area of Aleppo on Tuesday."
    mentions = sorted([_unplaced(text, "Varn-held"), *build_mentions(text)],
                      key=lambda m: m.start)
    assert verb_place(text, "patrolling", mentions) == "Aleppo"


def test_an_unplaced_name_of_its_own_stays_a_place():
    text = "Five people were killed in Dorvash on Friday."
    assert verb_place(text, "killed", [_unplaced(text, "Dorvash")]) == "Dorvash"


def test_an_owner_keeps_no_owner_mark():
    text = "Militants detonated a bomb in Upper Varnia's province of Aleppo on Monday."
    mentions = sorted([_unplaced(text, "Upper Varnia's"), *build_mentions(text)],
                      key=lambda m: m.start)
    assert verb_place(text, "detonated", mentions) == "Aleppo"


def test_a_name_that_owns_a_car_is_a_person():
    text = "A driver was shot as he sat in Aleppo's car outside a bakery in Homs."
    assert verb_place(text, "shot") == "Homs"


def test_a_name_that_owns_a_car_park_is_still_a_place():
    text = "A driver was shot in Aleppo's car park on Monday."
    assert verb_place(text, "shot") == "Aleppo"



def test_a_holiday_is_no_place():
    text = "Two men were shot at a Tartus Day rally in Homs on Monday."
    assert verb_place(text, "shot") == "Homs"
