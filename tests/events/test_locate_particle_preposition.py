""""in al-X": the geoparser marks the name without its particle, but the preposition before the
particle governs the whole name, so X is tied to the event as firmly as a name without one."""

from __future__ import annotations

from event_fixtures import event_location

from geomap.events.locate import TIED


def _located(text: str, verb: str) -> tuple[str | None, float]:
    location = event_location(text, verb)
    assert location is not None
    return location.mention.name, location.tie


def test_a_name_opening_on_a_particle_takes_the_preposition_before_it():
    name, tie = _located("Gunmen killed a shopkeeper in al-Tartus on Monday.", "killed")
    assert name == "Tartus" and tie >= TIED


def test_the_particle_costs_the_tie_nothing():
    with_particle = _located("Gunmen killed a shopkeeper in al-Tartus on Monday.", "killed")[1]
    without = _located("Gunmen killed a shopkeeper in Tartus on Monday.", "killed")[1]
    assert abs(with_particle - without) < 0.05
