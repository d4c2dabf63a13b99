"""After a verb of taking, "from" names whom the place was taken from ("captured the heights
from X"): a loser, not where it happened, so the span task does not answer with it. After other
verbs "from" still places a movement ("withdrew from X")."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_loser_after_captured_from_is_no_place():
    text = "Government troops captured the two hills from Russia in a brief war."
    assert verb_place(text, "captured") is None


def test_the_loser_right_after_the_verb_is_no_place():
    text = "The plateau seized from Syria decades ago is still held."
    assert verb_place(text, "seized") is None


def test_the_place_taken_is_still_the_answer():
    text = "Rebels captured the villages around Homs from government forces on Sunday."
    assert verb_place(text, "captured") == "Homs"


def test_from_after_a_movement_still_places_it():
    text = "The fighters withdrew from Idlib on Sunday."
    assert verb_place(text, "withdrew") == "Idlib"
