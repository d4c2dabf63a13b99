"""An attack made "with a drone" is an air/drone strike (ACLED: the remote weapon decides)."""

from geomap.events import taxonomy as t
from geomap.events.classify import classify
from geomap.events.triggers import find_triggers


def _sub(text: str) -> str | None:
    return classify(text, 0, len(text), find_triggers(text))


def test_an_attack_with_a_drone_is_a_drone_strike():
    assert _sub("Rebels struck an army post with an armed drone before dawn.") == t.AIR_STRIKE
    assert _sub("Militants targeted the depot with two quadcopters overnight.") == t.AIR_STRIKE


def test_other_instruments_are_not():
    assert _sub("Gunmen attacked a farmer with machetes near the well.") == t.ATTACK


def test_machine_guns_the_attackers_carry_are_small_arms():
    assert _sub("Raiders armed with machine guns attacked a hamlet at dawn.") == t.ATTACK
    assert _sub("Rebels fired heavy machine guns at army positions near the dam.") == t.SHELLING
