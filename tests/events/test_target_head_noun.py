"""Who an attack hit is named by a head noun: an armed word inside a place name, a title, a
possessive or a hyphenated adjective names nobody armed; office holders are civilians."""

import pytest

from geomap.events import taxonomy as t
from geomap.events.classify import classify
from geomap.events.triggers import find_triggers


def _sub(text: str) -> str | None:
    return classify(text, 0, len(text), find_triggers(text))


@pytest.mark.parametrize("text", [
    "Gunmen killed a clerk in Police District 4 of the capital.",
    "Raiders attacked the hamlet of Oruvo, in the Lunda Administrative Post.",
    "Gunmen shot a military-appointed ward chief outside the market.",
    "Gunmen shot the general manager of a cement works.",
    "Gunmen shot and killed a senior expert at the water board.",
    "Gunmen shot the mayor's driver near the town hall.",
    "Gunmen shot and killed an elderly couple on their farm.",
])
def test_civilian_targets(text):
    assert _sub(text) == t.ATTACK


@pytest.mark.parametrize("text", [
    "Assailants attacked a police precinct in the city.",
    "Militants ambushed a general and his escort on the pass road.",
    "Gunmen shot two police officers in the Fifth district.",
])
def test_armed_targets_stay_armed(text):
    assert _sub(text) == t.ARMED_CLASH


@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a humanitarian convoy near the river crossing.",
    "Raiders attacked a truck convoy on the northern road.",
])
def test_civilian_convoys(text):
    assert _sub(text) == t.ATTACK


def test_an_army_convoy_is_armed_and_falling_to_the_ground_is_no_capture():
    assert _sub("Militants ambushed a convoy on the northern road.") == t.ARMED_CLASH
    assert _sub("Gunmen stabbed a man, who fell to the ground outside a bar.") == t.ATTACK
