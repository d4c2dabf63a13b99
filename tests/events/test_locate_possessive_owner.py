""""Y's X": the quarter X lies in the town Y that owns it, so a reading of X far from Y is a
namesake and the event goes to Y; a reading of X inside Y stands."""

from __future__ import annotations

from geomap.events.locate import locate_event
from geomap.model import Mention, Place

TOWN = Place("Velmora", 34.00, 36.00, 1, "ZZ", "Coastal", "P", "PPLA", 900_000)
TEXT = "On Monday, protesters gathered outside a bank in Velmora's Dastri district."


def _mentions(quarter: Place) -> list[Mention]:
    town_at = TEXT.index("Velmora")
    quarter_at = TEXT.index("Dastri")
    return [Mention(town_at, town_at + 7, "Velmora", "literal", TOWN, 0.9),
            Mention(quarter_at, quarter_at + 6, "Dastri", "literal", quarter, 0.5)]


def _locate(quarter: Place):
    start = TEXT.index("gathered")
    return locate_event(TEXT, (start, start + 8), (0, len(TEXT)), _mentions(quarter))


def test_a_quarter_read_far_from_the_town_that_owns_it_gives_way_to_the_town():
    namesake = Place("Dastri", 31.50, 38.40, 2, "ZZ", "Inland", "P", "PPL", 800)
    location = _locate(namesake)
    assert location is not None and location.place == TOWN


def test_a_quarter_read_inside_the_town_that_owns_it_is_kept():
    inside = Place("Dastri", 34.02, 36.01, 3, "ZZ", "Coastal", "P", "PPLX", 20_000)
    location = _locate(inside)
    assert location is not None and location.place == inside
