"""A first-level region named like its own chief city is read as the city; a name with no
region among its senses keeps them all without the city-and-spelling work (most names)."""

from __future__ import annotations

from gazetteer.model import Candidate
from gazetteer.names import normalize_name
from geomap.geoparse.senses import drop_shadowed_regions

from .sense_fixtures import sense


def _sense(geonameid: int, name: str, code: str, population: int) -> Candidate:
    return sense(name, geonameid=geonameid, code=code, region_name="Tell Abar",
                 population=population, matched="tell abar")


def test_a_region_named_like_its_chief_city_is_dropped():
    city, region = _sense(1, "Tell Abar", "PPLA", 90_000), _sense(2, "Tell Abar", "ADM1", 0)
    assert drop_shadowed_regions([city, region], normalize_name) == [city]


def test_senses_without_a_region_are_kept_without_reading_their_names():
    def no_reading(name: str) -> str:
        raise AssertionError(f"read {name!r}")

    senses = [_sense(1, "Tell Abar", "PPLA", 90_000), _sense(3, "Tell Abar", "PPL", 800)]
    kept = drop_shadowed_regions(senses, no_reading)
    assert kept == senses and kept is not senses
