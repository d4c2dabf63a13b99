"""Before the verb, "of X" usually says whose people they are ("residents of X marched") and
ties X weakly; after a class word in the plural ("the cities of X and Y") or a word for a part
of a place ("on the streets of X", "in the centre of X", "the rebel stronghold of X") it names
the place itself."""

from __future__ import annotations

from event_fixtures import build_mentions

from geomap.events.locate import locate_verb


def _span(text: str, word: str) -> str | None:
    start = text.index(word)
    mention = locate_verb(text, start, start + len(word), build_mentions(text))
    return None if mention is None else mention.name


def test_the_streets_of_a_town_place_the_event_there():
    text = "On the streets of Homs, several hundred veterans demonstrated on Monday."
    assert _span(text, "demonstrated") == "Homs"


def test_the_centre_of_a_town_places_the_event_there():
    text = "In the centre of Idlib, about fifty people from nearby villages marched to the square."
    assert _span(text, "marched") == "Idlib"


def test_a_plural_class_word_names_the_places():
    text = "Street battles in the northern cities of Aleppo and Idlib killed at least nine people."
    assert _span(text, "killed") == "Aleppo"


def test_the_people_of_a_town_still_tie_it_only_weakly():
    text = "The elders of Homs, meeting for hours with officials, later demonstrated peacefully."
    assert _span(text, "demonstrated") is None
