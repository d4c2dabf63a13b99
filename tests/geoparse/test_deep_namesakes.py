"""A village name with more namesakes than the short list holds: "X, Y" still finds X in Y."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields

import pytest

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver
from geomap.geoparse.weights import ANCHOR, CONFIDENCE, DEEPEN, EVIDENCE, PRIOR

from .sense_fixtures import sense


def _village(n: int, region: str, lat: float, population: int) -> Candidate:
    return sense("Brindlevka", geonameid=1000 + n, lat=lat, lon=30.0 + n * 0.01, country="XA",
                 region=region, region_name=f"Region {region}", population=population,
                 score=float(population))


# 30 namesakes in region 01 (the larger ones) and 3 small ones in region 02, far to the south
NAMESAKES = [_village(n, "01", 50.0, 5000 - n) for n in range(30)] + \
    [_village(30 + n, "02", 44.0, 10) for n in range(3)]
REGION_02 = Candidate(geonameid=7, name="Region 02", lat=44.1, lon=30.2, feature_class="A",
                      feature_code="ADM1", country_code="XA", admin1_code="02",
                      admin1_name="Region 02", population=0, source="test",
                      matched="region 02", is_primary_name=True, score=0.0)


class _Gazetteer:
    """Ranked by size, as the real gazetteer ranks; counts the deeper look-ups."""

    def __init__(self):
        self.asked: list[tuple[str, str | None, int]] = []

    def candidates(self, name, country=None, limit=25):
        self.asked.append((name, country, limit))
        found = [c for c in NAMESAKES if country is None or c.country_code == country]
        return found[:limit]


def _resolve(gazetteer):
    # "Shells fell near Brindlevka, Region 02": span 0 lies in span 1
    village = NameGroup("brindlevka", [0], NAMESAKES[:25])
    region = NameGroup("region 02", [1], [REGION_02])
    containment = Containment(inside={0: 1})
    Resolver(lambda s: s.lower(), gazetteer).resolve(
        [village, region], containment, [0, 1], DocumentContext())
    return village


def test_the_container_finds_a_namesake_beyond_the_short_list():
    gazetteer = _Gazetteer()
    chosen = _resolve(gazetteer).chosen
    assert chosen is not None and chosen.admin1_code == "02"
    assert gazetteer.asked == [("brindlevka", "XA", DEEPEN.deep_list)]


def test_without_the_deeper_look_up_the_name_stays_unresolved_rather_than_wrong():
    assert _resolve(None).chosen is None


def test_a_short_list_that_holds_the_container_asks_nothing_more():
    gazetteer = _Gazetteer()
    village = NameGroup("brindlevka", [0], NAMESAKES[:25])
    region_01 = Candidate(geonameid=8, name="Region 01", lat=50.1, lon=30.2, feature_class="A",
                          feature_code="ADM1", country_code="XA", admin1_code="01",
                          admin1_name="Region 01", population=0, source="test",
                          matched="region 01", is_primary_name=True, score=0.0)
    region = NameGroup("region 01", [1], [region_01])
    Resolver(lambda s: s.lower(), gazetteer).resolve(
        [village, region], Containment(inside={0: 1}), [0, 1], DocumentContext())
    assert village.chosen.admin1_code == "01"
    assert gazetteer.asked == []


def test_the_weights_are_frozen():
    for weights in (ANCHOR, PRIOR, EVIDENCE, CONFIDENCE, DEEPEN):
        name = fields(weights)[0].name
        with pytest.raises(FrozenInstanceError):
            setattr(weights, name, 0)
