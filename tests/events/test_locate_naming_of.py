"""Before the verb, "of X" usually says whose people they are ("residents of X marched") and
ties X weakly; after a class word in the plural ("the cities of X and Y") or a word for a part
of a place ("on the streets of X", "in the centre of X", "the rebel stronghold of X") it names
the place itself."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_streets_of_a_town_place_the_event_there():
    text = "On the streets of Homs, several hundred veterans demonstrated on Monday."
    assert verb_place(text, "demonstrated") == "Homs"


def test_the_centre_of_a_town_places_the_event_there():
    text = "In the centre of Idlib, about fifty people from nearby villages marched to the square."
    assert verb_place(text, "marched") == "Idlib"


def test_a_plural_class_word_names_the_places():
    text = "Street battles in the northern cities of Aleppo and Idlib killed at least nine people."
    assert verb_place(text, "killed") == "Aleppo"


def test_the_people_of_a_town_still_tie_it_only_weakly():
    text = "The elders of Homs, meeting for hours with officials, later demonstrated peacefully."
    assert verb_place(text, "demonstrated") is None
