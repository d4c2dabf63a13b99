""""X, Y, Z" with Y a town of the province Z: a reading of X far beyond the town Y, even in the
same province, is a namesake, and with no reading of X near Y the event goes to Y. A Y the text
calls a district ("Y district", or bracketed as "X (Y, Z)") is wider and keeps X."""

from __future__ import annotations

import pytest
from event_fixtures import locate_placed

from geomap.model import Place

FAR = Place("Velkoranje", 50.0, 23.5, None, "ZZ", "Kresovia", "P", "PPL", 100)
TOWN = Place("Brzanovo", 50.0, 20.9, None, "ZZ", "Kresovia", "P", "PPL", 20_000)
PROVINCE = Place("Kresovia", 50.2, 21.5, None, "ZZ", "Kresovia", "A", "ADM1", 900_000)


def _locate(text: str, gazetteer):
    spans = [("Velkoranje", FAR), ("Brzanovo", TOWN), ("Kresovia", PROVINCE)]
    return locate_placed(text, "attacked", spans, gazetteer)


def test_a_village_read_far_from_its_town_goes_to_the_town(gazetteer):
    location = _locate("On Monday, gunmen attacked a post in Velkoranje, Brzanovo, Kresovia.",
                       gazetteer)
    assert location is not None and location.place == TOWN


@pytest.mark.parametrize("text", [
    "On Monday, gunmen attacked a post in Velkoranje, Brzanovo district, Kresovia.",
    "On Monday, gunmen attacked a post in Velkoranje (Brzanovo, Kresovia).",
])
def test_a_district_is_wider_than_a_town_and_keeps_the_village(text, gazetteer):
    location = _locate(text, gazetteer)
    assert location is not None and location.place == FAR
