"""A clause of what befell the victim after the event ("... and later died at X", "... and is
being held in Y", "... and taken to Z") names a hospital or a jail, not where the event happened
(span task); a place before it still does, and a second verb of the event itself ("attacked and
burned in X") does not end the event's clause."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_place_of_a_later_death_is_not_the_event_place():
    text = "The journalist was shot in the chest and later died at a clinic in Kharkiv."
    assert verb_place(text, "shot") is None


def test_the_jail_after_the_capture_place_is_not_the_answer():
    text = "The commander was captured in Idlib and is being held in Tartus."
    assert verb_place(text, "captured") == "Idlib"


def test_where_captives_were_taken_is_not_the_event_place():
    text = "Six soldiers were captured by the rebels and taken to Homs."
    assert verb_place(text, "captured") is None


def test_a_second_verb_of_the_event_itself_still_places_it():
    text = "The convoy was attacked and burned in Homs on Sunday."
    assert verb_place(text, "attacked") == "Homs"
