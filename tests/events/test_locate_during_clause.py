"""A comma before "during" does not open another clause: "were killed on Monday, during clashes
near X" still places the killing at X (span task)."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_during_phrase_after_a_comma_still_places_the_verb():
    text = "Four fighters were killed on Monday, during fierce clashes with the army near Idlib."
    assert verb_place(text, "killed") == "Idlib"


def test_a_comma_opening_another_clause_still_cuts_the_tie():
    text = "Four fighters were killed on Monday, which the army later denied in Idlib."
    assert verb_place(text, "killed") is None
