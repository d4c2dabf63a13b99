"""A short city name names its region only when it is the region's whole name (less its kind):
"Oru, Oru" and "Oru, Oru Governorate" do; "Ost" does not name "Ostrava Region"."""

from __future__ import annotations

import pytest

from gazetteer.model import Candidate
from geomap.geoparse.fit import fit, names_its_region
from geomap.geoparse.weights import EVIDENCE

from .sense_fixtures import sense


def _town(name: str, region: str, lat: float = 10.0, lon: float = 10.0,
          code: str = "PPLA") -> Candidate:
    return sense(name, geonameid=abs(hash((name, lat))) % 10**8, lat=lat, lon=lon, code=code,
                 feature_class="P", country="XA", region="07", region_name=region,
                 population=20000)


@pytest.mark.parametrize(("city", "region", "expected"), [
    ("Oru", "Oru", True),
    ("Oru", "Oru Governorate", True),
    ("Ost", "Ostrava Region", False),
    ("Ost", "Governorate", False),
    ("Velmoraj", "Velmorajs'ka Oblast'", True),
    ("Velmoraj", "Tessa", False),
])
def test_which_cities_name_their_region(city, region, expected):
    assert names_its_region(_town(city, region)) is expected


def test_a_village_far_from_a_short_named_city_still_lies_in_its_region():
    # "Kemmel, Oru": Kemmel 150 km from the city of Oru, in the Oru region
    village = _town("Kemmel", "Oru", lat=11.35, code="PPL")
    assert fit(village, _town("Oru", "Oru")) == EVIDENCE.container_named_region
