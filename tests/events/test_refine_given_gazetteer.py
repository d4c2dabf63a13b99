"""The event stage reads a place again only in the gazetteer it is given (issue 12: resources
passed, not found): a private gazetteer's village is found there, and without a gazetteer the
geoparser's reading stands instead of a default gazetteer being opened behind the caller."""

from __future__ import annotations

import pytest

from geomap.events import extract_events
from geomap.events.refine import place_in_region
from geomap.model import Article, Mention, Place

#: An invented village, in the private copy only, in Aleppo governorate (admin1 09).
NAME, LAT, LON = "Qasr Dawlemi", 36.4170, 37.5360


@pytest.fixture(scope="module")
def private(tmp_path_factory, default_copy_with):
    from gazetteer import Gazetteer

    target = default_copy_with(tmp_path_factory.mktemp("refine"), NAME, LAT, LON, "--country",
                               "SY", "--admin1", "09", "--kind", "P.PPL", "--population", "900")
    gazetteer = Gazetteer.open(target)
    yield gazetteer
    gazetteer.close()


def _misread() -> Mention:
    """The name read as a namesake in another governorate (as a dense gazetteer may)."""
    elsewhere = Place(NAME, 34.73, 36.71, country="SY", admin1="Homs", feature_class="P",
                      feature_code="PPL", source="user")
    return Mention(10, 10 + len(NAME), NAME, "literal", elsewhere)


def test_the_region_reading_comes_from_the_gazetteer_given(private):
    aleppo = private.candidates("Aleppo Governorate", country="SY")
    region = next(c for c in aleppo if c.feature_code == "ADM1")
    region_place = Place(region.name, region.lat, region.lon, country="SY",
                         admin1=region.admin1_name, feature_class="A", feature_code="ADM1")
    better = place_in_region(_misread(), region_place, private)
    assert better is not None
    assert (better.name, round(better.lat, 3), round(better.lon, 3)) == (NAME, LAT, LON)


def test_without_a_gazetteer_the_reading_stands():
    region = Place("Aleppo", 36.2, 37.16, country="SY", admin1="Aleppo", feature_class="A",
                   feature_code="ADM1")
    assert place_in_region(_misread(), region, None) is None


def test_extract_events_geoparses_with_the_gazetteer_it_is_given(private):
    article = Article("v-1", f"Shelling killed two farmers in {NAME} on Tuesday.")
    placed = [(e.location, round(e.lat, 3)) for e in extract_events(article, gazetteer=private)
              if e.lat is not None]
    assert placed == [(NAME, LAT)]
    assert not [e for e in extract_events(article) if e.location == NAME]
