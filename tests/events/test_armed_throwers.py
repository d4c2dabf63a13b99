"""Petrol bombs or stones thrown by an armed group's men, with no crowd or protest named, are
not a riot: stones (or petrol bombs with gunfire) are their attack, coded by its target;
petrol bombs alone destroy property (an attack once someone is hurt, see test_crude_bombs);
a crowd's throwing stays a riot."""

from geomap.events import taxonomy as t
from geomap.events.classify import classify
from geomap.events.triggers import find_triggers


def _sub(text: str) -> str | None:
    return classify(text, 0, len(text), find_triggers(text))


def test_attackers_throwing_petrol_bombs_attack_their_target():
    assert _sub("Gunmen hurled petrol bombs at a police post in the old quarter.") == \
        t.ARMED_CLASH
    assert _sub("Attackers threw a petrol bomb into a family home at night.") == t.LOOTING


def test_a_crowd_throwing_stones_is_still_a_riot():
    assert _sub("Youths threw stones at passing cars near the stadium.") == \
        t.VIOLENT_DEMONSTRATION
