"""The attackers named before an active verb are its subject, not its target: an attack by
"gunmen" or "assailants" on someone the lexicon does not know is an attack on a civilian."""

from geomap.events import taxonomy as t
from geomap.events.classify import classify
from geomap.events.triggers import find_triggers


def _sub(text: str) -> str | None:
    return classify(text, 0, len(text), find_triggers(text))


def test_unidentified_attackers_are_not_the_target():
    assert _sub("Gunmen shot and killed a poet outside his home.") == t.ATTACK
    assert _sub("Assailants opened fire on a wedding hall in the old quarter.") == t.ATTACK


def test_an_armed_target_after_the_verb_still_makes_a_battle():
    assert _sub("Assailants opened fire on an army checkpoint at the bridge.") == t.ARMED_CLASH
    assert _sub("Gunmen ambushed a police patrol near the quarry.") == t.ARMED_CLASH


def test_an_armed_victim_before_a_passive_verb_still_makes_a_battle():
    assert _sub("Two soldiers were shot dead by gunmen near the quarry.") == t.ARMED_CLASH
