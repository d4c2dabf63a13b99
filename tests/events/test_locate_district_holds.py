""""X village of Y district, Z": when the reading of X lies in its district Y, the nearest and
most specific container agrees with it, and the province Z further along the chain (an old or
misspelt province name) does not move X to a namesake there; a district that lies in Z
keeps the event in Z."""

from __future__ import annotations

from event_fixtures import locate_placed

from geomap.model import Place

TEXT = "Shelling hit Mykolaivka village of Tarnivske district, Luhansk, on Monday."
VILLAGE = Place("Mykolaivka", 46.9, 31.9, None, "UA", "Mykolaiv", "P", "PPL", 500)
PROVINCE = Place("Luhansk", 48.6, 39.3, None, "UA", "Luhansk", "A", "ADM1", 2_000_000)


def _locate(district: Place, gazetteer):
    spans = [("Mykolaivka", VILLAGE), ("Tarnivske", district), ("Luhansk", PROVINCE)]
    return locate_placed(TEXT, "hit", spans, gazetteer)


def test_a_village_read_inside_its_district_stays_there(gazetteer):
    district = Place("Tarnivske", 47.0, 32.0, None, "UA", "Mykolaiv", "A", "ADM2", 30_000)
    location = _locate(district, gazetteer)
    assert location is not None and location.place.admin1 == "Mykolaiv"


def test_a_district_in_the_named_province_takes_the_event_there(gazetteer):
    district = Place("Tarnivske", 48.5, 39.0, None, "UA", "Luhansk", "A", "ADM2", 30_000)
    location = _locate(district, gazetteer)
    assert location is not None and location.place.admin1 == "Luhansk"
