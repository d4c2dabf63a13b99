"""A name in an appositive that gives a person's role or standing, set off by commas right
before the verb ("X, the group's commander in Y, was killed"), says where the person serves or
comes from, not where the event happened (span task). An appositive that places a thing
("the bomb, planted near a school in Y, was detonated") still places the event."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_place_of_a_role_is_not_the_event_place():
    text = "Ahmad Zaher, the movement's commander in Kabul, was killed in an airstrike."
    assert verb_place(text, "killed") is None


def test_residents_of_a_place_in_an_appositive_are_not_the_event_place():
    text = "Several dozen exiles, residents of Moscow for years, demonstrated outside the embassy."
    assert verb_place(text, "demonstrated") is None


def test_the_same_place_in_the_verb_clause_still_places_it():
    text = "Ahmad Zaher was killed in an airstrike in Kabul."
    assert verb_place(text, "killed") == "Kabul"


def test_an_appositive_placing_a_thing_still_places_the_event():
    text = "The bomb, planted near a school in Homs, was detonated on Sunday."
    assert verb_place(text, "detonated") == "Homs"
