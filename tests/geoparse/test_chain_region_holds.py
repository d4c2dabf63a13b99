""""X (Y, Z)": the region Z holds X as well as Y, so of Z's namesake regions the one that holds
a sense of X is meant, even where Y is a name the gazetteer lacks."""

from __future__ import annotations

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense


def _sense(geonameid: int, name: str, country: str, region: str, *, code: str = "PPL",
           primary: bool = True, population: int = 0) -> Candidate:
    return sense(name, geonameid=geonameid, lat=5.0, lon=10.0 + geonameid * 0.01, code=code,
                 country=country, region=region, region_name=f"{name} {region}",
                 population=population, primary=primary)


# "Nord-Est" names a region of XD under its main name and one of XE under another name
NORD_EST_XD = _sense(1, "Nord-Est", "XD", "04", code="ADM1")
NORD_EST_XE = _sense(2, "North-East", "XE", "07", code="ADM1", primary=False)
VELMO = _sense(3, "Velmo", "XE", "07", population=20_000)


def _resolve(*, with_town: bool = True):
    # "Velmo town (Karrow, Nord-Est)": span 0 lies in span 1, span 1 in span 2
    velmo = NameGroup("velmo", [0], [VELMO])
    region = NameGroup("nord-est", [2], [NORD_EST_XD, NORD_EST_XE])
    groups = [velmo, NameGroup("karrow", [1], []), region]
    inside = {0: 1, 1: 2}
    if not with_town:  # "Karrow (Nord-Est)"
        groups, inside = groups[1:], {0: 1}
        region.spans = [1]
    Resolver(lambda s: s.lower()).resolve(groups, Containment(inside=inside),
                                          list(range(len(groups))), DocumentContext())
    return velmo, region


def test_the_region_that_holds_the_town_down_the_chain_is_chosen():
    velmo, region = _resolve()
    assert region.chosen == NORD_EST_XE
    assert velmo.chosen == VELMO


def test_with_nothing_held_the_main_name_keeps_the_region():
    _, region = _resolve(with_town=False)
    assert region.chosen == NORD_EST_XD
