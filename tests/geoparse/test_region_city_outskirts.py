""""X, Y" with Y a city named like its province means the province as often as the city: a
namesake in the city's countryside earns less than one near a town that names no region, and a
quarter of the city itself keeps the whole bonus."""

from __future__ import annotations

from geomap.geoparse.fit import fit
from geomap.geoparse.weights import EVIDENCE

from .sense_fixtures import sense

REGION_CITY = sense("Tamsk", lat=40.0, lon=40.0, code="PPLA", region="07", region_name="Tamsk")
PLAIN_TOWN = sense("Orlevo", lat=40.0, lon=40.0, code="PPL", region="07", region_name="Tamsk",
                   population=20_000)


def _village(km_east: float):
    return sense("Korvik", lat=40.0, lon=40.0 + km_east / 85.2, region="07", region_name="Tamsk")


def test_countryside_of_a_region_city_earns_less_than_near_a_plain_town():
    village = _village(35)
    assert fit(village, REGION_CITY) < fit(village, PLAIN_TOWN)
    assert fit(village, REGION_CITY) >= EVIDENCE.container_named_region


def test_a_quarter_of_the_region_city_keeps_the_whole_bonus():
    quarter = _village(5)
    assert fit(quarter, REGION_CITY) == fit(quarter, PLAIN_TOWN)


def test_anywhere_in_the_province_still_counts():
    assert fit(_village(250), REGION_CITY) == EVIDENCE.container_named_region
