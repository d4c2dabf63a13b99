"""A name the article gave a person stays that person after "to" or "from" ("sent to X",
"according to X", "a letter from X"): these take a person as often as a place. Other
locatives still place it, and a place nobody in the article bears stays a place."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_named_person_after_to_is_the_person(parse):
    text = ("Detective Ida Carlow led the inquiry. Neighbours sent their photographs to "
            "Carlow by email.")
    assert "Carlow" not in names_of(parse, text)


def test_a_place_after_to_stays_a_place(parse):
    assert names_of(parse, "The family moved to Carlow last year.") == ["Carlow"]
