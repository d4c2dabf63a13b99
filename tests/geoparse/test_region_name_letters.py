"""A city names its first-level region whatever the hyphens, apostrophes and spaces of the two
romanisations ("Tell-Abar" names "Tell Abar", "Sa'nor" names "Sanor")."""

from __future__ import annotations

import pytest

from gazetteer.model import Candidate
from geomap.geoparse.fit import names_its_region

from .sense_fixtures import sense


def _city(name: str, region: str) -> Candidate:
    return sense(name, geonameid=7, code="PPLA", region_name=region, population=90_000)


@pytest.mark.parametrize(("city", "region", "expected"), [
    ("Tell Abar", "Tell-Abar", True),
    ("Sa'nor", "Sanor", True),
    ("Sa'nor", "Sanor Governorate", True),
    ("Tell Abar", "Tellmora", False),
])
def test_punctuation_aside(city, region, expected):
    assert names_its_region(_city(city, region)) is expected
