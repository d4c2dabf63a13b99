"""An armed group's name is an actor wherever the lexicon lists it: the span task never answers
with the name of a group it meets after a locative ("stones at <group>")."""

from __future__ import annotations

from event_fixtures import verb_place

from geomap.events.actors import is_group_name


def test_every_group_name_of_the_lexicon_is_a_group():
    assert is_group_name("Fatah al-Islam")
    assert is_group_name("Jaish al-Fatah")
    assert not is_group_name("Kafr Takharim")


def test_a_group_after_a_locative_is_no_place():
    text = "Angry villagers threw stones at Fatah al-Islam, chasing its gunmen away."
    assert verb_place(text, "threw", []) is None
