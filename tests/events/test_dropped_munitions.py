"""Munitions dropped are an air/drone strike, however many words stand between the drop and the
aircraft, and when the text names no aircraft at all: only an aircraft drops a bomb."""

from geomap.events import taxonomy as t
from geomap.events.classify import classify
from geomap.events.triggers import find_triggers


def _sub(text: str) -> str | None:
    return classify(text, 0, len(text), find_triggers(text))


def test_a_long_description_of_the_munition_does_not_hide_the_drone():
    assert _sub("Soldiers dropped three grenades of an improvised kind from drones on a "
                "farm in Velmora.") == t.AIR_STRIKE


def test_bombs_dropped_from_an_unnamed_aircraft_are_an_air_strike():
    assert _sub("Patrols over the Tolvani camp ended with dropping small bombs on its "
                "gate.") == t.AIR_STRIKE


def test_other_things_dropped_are_not():
    assert _sub("The court dropped the charges against two farmers in Velmora.") is None
