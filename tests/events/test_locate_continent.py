"""A continent is too broad to be where an event happened (span task): "prices shot up in
Europe" names no place of an event, and a town of the sentence is the answer when there is one."""

from __future__ import annotations

from event_fixtures import build_mentions, verb_place

from geomap.model import Mention, Place

EUROPE = Place("Europe", 48.69096, 9.14062, 6255148, None, None, "L", "CONT", 741000000)


def _with_continent(text: str, name: str = "Europe") -> list[Mention]:
    start = text.index(name)
    continent = Mention(start, start + len(name), name, "literal", EUROPE, 0.9)
    return sorted([*build_mentions(text), continent], key=lambda m: m.start)


def test_a_continent_alone_places_nothing():
    text = "Fuel prices shot up by a fifth in Europe over the winter."
    assert verb_place(text, "shot", _with_continent(text)) is None


def test_the_town_beside_a_continent_is_the_answer():
    text = "Hundreds marched near the old bridge in Kharkiv, the largest rally in Europe this year."
    assert verb_place(text, "marched", _with_continent(text)) == "Kharkiv"
