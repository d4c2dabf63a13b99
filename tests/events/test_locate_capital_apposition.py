"""The span task reads "X's capital, Y" as it reads "X's capital Y": X owns the capital, Y is
the place, and Y takes the preposition that governs X."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_capital_in_apposition_is_the_place():
    text = "A guard was shot at his desk in the palace in Syria's capital, Aleppo on Monday."
    assert verb_place(text, "shot") == "Aleppo"


def test_a_capital_without_the_comma_is_the_place_too():
    text = "A guard was shot at his desk in the palace in Syria's capital Aleppo on Monday."
    assert verb_place(text, "shot") == "Aleppo"
