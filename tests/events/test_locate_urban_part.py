""""X neighbourhood" is a part of the town its sentence names, so a reading of X far from that
town is a namesake (even one in the same province) and the event goes to the town."""

from __future__ import annotations

from event_fixtures import event_location

from geomap.model import Mention, Place

TOWN = Place("Velmora", 34.00, 36.00, 1, "ZZ", "Coastal", "P", "PPLA", 900_000)
# a town of the same name as the quarter, in the same province but 120 km away
NAMESAKE = Place("Dastri", 34.00, 37.30, 2, "ZZ", "Coastal", "P", "PPL", 4_000)
INSIDE = Place("Dastri", 34.02, 36.01, 3, "ZZ", "Coastal", "P", "PPLX", 20_000)


def _locate(text: str, verb: str, quarter: Place):
    town_at, quarter_at = text.index("Velmora"), text.index("Dastri")
    mentions = sorted([Mention(town_at, town_at + 7, "Velmora", "literal", TOWN, 0.9),
                       Mention(quarter_at, quarter_at + 6, "Dastri", "literal", quarter, 0.5)],
                      key=lambda m: m.start)
    return event_location(text, verb, mentions)


SCENE = "On Monday, in Velmora, a trader was shot dead in the Dastri neighbourhood by two men."
CHAIN = "On Monday, a trader was shot dead in Dastri neighbourhood, Velmora, by two men."


def test_a_quarter_read_far_from_the_town_of_its_sentence_gives_way_to_the_town():
    location = _locate(SCENE, "shot", NAMESAKE)
    assert location is not None and location.place == TOWN


def test_a_quarter_read_far_from_the_town_after_it_gives_way_to_the_town():
    location = _locate(CHAIN, "shot", NAMESAKE)
    assert location is not None and location.place == TOWN


def test_a_quarter_read_inside_its_town_is_kept():
    for text in (SCENE, CHAIN):
        location = _locate(text, "shot", INSIDE)
        assert location is not None and location.place == INSIDE
