"""A device someone only attempted to plant or set off, or one found and destroyed, never went
off: ACLED's Disrupted weapons use. A destroyed thing that is no weapon is not that."""

from geomap.events import taxonomy as t
from geomap.events.classify import classify
from geomap.events.triggers import find_triggers


def _sub(text: str) -> str | None:
    return classify(text, 0, len(text), find_triggers(text))


def test_attempted_or_found_devices_are_disrupted():
    assert _sub("Two men were caught attempting to plant a roadside bomb near the bridge.") == \
        t.DISRUPTED_WEAPONS
    assert _sub("Troops found and destroyed an explosives-laden truck at the gate.") == \
        t.DISRUPTED_WEAPONS
    assert _sub("Police disarmed a parcel bomb left at the post office.") == t.DISRUPTED_WEAPONS


def test_a_destroyed_airstrip_is_property_not_a_weapon():
    assert _sub("Soldiers found and destroyed a hidden airstrip in the forest.") == t.LOOTING
