""""X, Y" with Y a province: when the only reading of the village X lies far outside Y (a
namesake in another province, hundreds of kilometres away), the event is placed at the province
the text names rather than at that namesake; a reading inside Y, or near it, stands."""

from __future__ import annotations

from geomap.events.locate import locate_event
from geomap.model import Mention, Place

TEXT = "Gunmen attacked a checkpoint in Velmora, Ostrin, on Sunday."
PROVINCE = Place("Ostrin", 10.0, 20.0, country="ZZ", admin1="Ostrin", feature_class="A",
                 feature_code="ADM1")


def _where(village: Place):
    start = TEXT.index("Velmora")
    at = TEXT.index("Ostrin")
    mentions = [Mention(start, start + 7, "Velmora", "literal", village),
                Mention(at, at + 6, "Ostrin", "literal", PROVINCE)]
    trigger = (TEXT.index("attacked"), TEXT.index("attacked") + 8)
    return locate_event(TEXT, trigger, (0, len(TEXT)), mentions)


def _village(lat: float, lon: float, admin1: str) -> Place:
    return Place("Velmora", lat, lon, country="ZZ", admin1=admin1, feature_class="P",
                 feature_code="PPL")


def test_a_namesake_far_outside_the_province_gives_way_to_the_province():
    where = _where(_village(16.0, 20.0, "Kesh"))  # about 670 km north, another province
    assert where is not None and where.place == PROVINCE
    assert where.precision == 3  # only the province is known


def test_a_reading_inside_the_province_stands():
    where = _where(_village(14.0, 20.0, "Ostrin"))
    assert where is not None and where.place.name == "Velmora"


def test_a_reading_just_across_the_border_stands():
    where = _where(_village(11.0, 20.0, "Kesh"))  # about 110 km: a border district
    assert where is not None and where.place.name == "Velmora"
