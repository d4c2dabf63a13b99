"""A verb followed by a clause ("showed that ...", "protested that ...") reports, shows or
argues something; it is no event with a place of its own."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_verb_opening_a_that_clause_has_no_place():
    text = "The league's final in Homs demonstrated that the old club still had its teeth."
    assert verb_place(text, "demonstrated") is None


def test_the_same_verb_with_a_place_of_its_own_keeps_it():
    text = "Hundreds of students demonstrated in Homs against the closure of the college."
    assert verb_place(text, "demonstrated") == "Homs"


def test_capturing_a_prize_is_no_event_with_a_place():
    text = "The young skater captured her second gold medal in Homs on Sunday."
    assert verb_place(text, "captured") is None


def test_capturing_a_town_keeps_its_place():
    text = "Rebels captured the town after a long fight near Homs."
    assert verb_place(text, "captured") == "Homs"
