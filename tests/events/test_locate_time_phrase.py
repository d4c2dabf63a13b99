"""A name inside a phrase of time opened by "since" ("killed since the start of the siege of
X", "Since the fighting in X began, ...") places when that time began, not the event; a bare
date closes the phrase at once ("since Tuesday, in X"), so a name after it still places the
verb."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_name_in_a_since_phrase_after_the_verb_places_nothing():
    text = "Some 300 fighters have been killed since the start of the siege of Idlib."
    assert verb_place(text, "killed") is None


def test_a_name_in_a_since_phrase_before_the_verb_places_nothing():
    text = "Since the fighting in Homs began, hundreds of families have been displaced."
    assert verb_place(text, "displaced") is None


def test_a_bare_date_closes_the_time_phrase():
    text = "Volunteers patrolled the schools since Tuesday in Aleppo and Idlib."
    assert verb_place(text, "patrolled") == "Aleppo"


def test_without_since_the_same_name_places_the_event():
    text = "Some 300 fighters have been killed in the siege of Idlib."
    assert verb_place(text, "killed") == "Idlib"
