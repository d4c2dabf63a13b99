""""X (Y, Z)": a village put in a town that is put in a region. When the village's short list
holds none of its namesakes in the region, the deeper look-up follows the chain past the town
to the region, as it does for "X, Z"."""

from __future__ import annotations

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.deepen import region_container
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver
from geomap.geoparse.weights import DEEPEN

from .sense_fixtures import sense


def _place(geonameid: int, name: str, lat: float, lon: float, region: str, *,
           code: str = "PPL", population: int = 0) -> Candidate:
    return sense(name, geonameid=geonameid, lat=lat, lon=lon, code=code, country="XA",
                 region=region, region_name=f"Region {region}", population=population,
                 score=float(population))


# 30 larger namesakes of the village in region 01, far north; 2 small ones in region 02, one of
# them a few km from the town of Quorrel, the other across the region
NAMESAKES = [_place(1000 + n, "Tessovka", 55.0, 30.0 + n * 0.01, "01", population=4000 - n)
             for n in range(30)] + [
    _place(2001, "Tessovka", 44.05, 31.05, "02"),
    _place(2002, "Tessovka", 45.5, 33.5, "02")]
QUORREL = _place(3001, "Quorrel", 44.0, 31.0, "02", population=2000)
REGION_02 = _place(4002, "Region 02", 44.8, 32.0, "02", code="ADM1")


class _Gazetteer:
    def __init__(self):
        self.asked: list[tuple[str, str | None, int]] = []

    def candidates(self, name, country=None, limit=25):
        self.asked.append((name, country, limit))
        return [c for c in NAMESAKES if country in (None, c.country_code)][:limit]


def _groups():
    # "Shelling hit Tessovka (Quorrel, Region 02)": span 0 in span 1, span 1 in span 2
    village = NameGroup("tessovka", [0], NAMESAKES[:25])
    town = NameGroup("quorrel", [1], [QUORREL])
    region = NameGroup("region 02", [2], [REGION_02])
    return [village, town, region], Containment(inside={0: 1, 1: 2})


def test_the_chain_goes_past_the_town_to_the_region():
    groups, containment = _groups()
    for group in groups[1:]:
        group.chosen = group.candidates[0]
    assert region_container(groups[0], containment, [0, 1, 2], groups) is REGION_02


def test_the_village_by_the_town_is_found_beyond_the_short_list():
    gazetteer = _Gazetteer()
    groups, containment = _groups()
    Resolver(lambda s: s.lower(), gazetteer).resolve(groups, containment, [0, 1, 2],
                                                      DocumentContext())
    assert ("tessovka", "XA", DEEPEN.deep_list) in gazetteer.asked
    # of the two namesakes in the region, the one next to the town the text names
    assert groups[0].chosen is not None and groups[0].chosen.geonameid == 2001


def test_a_chain_of_towns_alone_names_no_region():
    # "X (Y, W)" where W is a town too: nothing to deepen by
    groups, containment = _groups()
    groups[2].candidates = [_place(5001, "Wendle", 44.9, 32.1, "02", population=3000)]
    for group in groups[1:]:
        group.chosen = group.candidates[0]
    assert region_container(groups[0], containment, [0, 1, 2], groups) is None
