"""A country named across a clause boundary from the verb ("was captured while on a trip to
X", "X, where fighting goes on") frames that other clause, not the event: the span task does
not answer with it. The same country in the verb's own clause, and a town across the boundary,
still place it."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_country_in_a_subordinate_clause_is_no_answer():
    text = "The reporter was captured while on a trip to Syria in 2012."
    assert verb_place(text, "captured") is None


def test_a_country_before_a_relative_clause_is_no_answer():
    text = "More troops were sent into Russia where fighting was rising again."
    assert verb_place(text, "rising") is None


def test_a_country_in_the_verb_clause_still_places_it():
    text = "The reporter was captured in Syria in 2012."
    assert verb_place(text, "captured") == "Syria"


def test_a_town_across_the_clause_boundary_still_places_it():
    text = "The reporter was captured after troops entered Homs on Sunday."
    assert verb_place(text, "captured") == "Homs"
