"""A verb whose object is a prize ("captured the gold", "won the hearts of voters") is no
event; a phrase a preposition opens is no object ("stabbed in the heart")."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_prize_is_no_event():
    text = "Aleppo's team captured the gold in Homs on Monday."
    assert verb_place(text, "captured") is None


def test_a_wound_to_the_heart_is_no_prize():
    """"won the hearts of" takes a prize; "stabbed in the heart" does not."""
    text = "He was stabbed in the heart outside a bakery in Homs on Monday."
    assert verb_place(text, "stabbed") == "Homs"
