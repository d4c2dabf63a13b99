"""A country's name bracketed with one of its own provinces ("in eastern Xaland (Zorn)", the
bracket placing the name before it) is the country, not a village of the province that the
gazetteer also lists under the country's name."""

from __future__ import annotations

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense


def _sense(geonameid: int, name: str, country: str, code: str, population: int,
           cls: str = "P", lat: float = 10.0) -> Candidate:
    return sense(name, geonameid=geonameid, lat=lat, lon=20.0, code=code,
                 feature_class=cls, country=country, region="01", region_name="Zorn",
                 population=population)


COUNTRY = _sense(1, "Xaland", "XA", "PCLI", 5_000_000, cls="A", lat=12.0)
VILLAGE = _sense(2, "Xaland", "XA", "PPL", 300, lat=10.1)


def _country_in(province: Candidate):
    name = NameGroup("xaland", [0], [COUNTRY, VILLAGE])
    container = NameGroup("zorn", [1], [province])
    Resolver(lambda s: s.lower()).resolve([name, container], Containment(inside={0: 1}),
                                          [0, 1], DocumentContext())
    return name.chosen


def test_a_country_put_in_its_own_province_is_the_country():
    chosen = _country_in(_sense(3, "Zorn", "XA", "ADM1", 800_000, cls="A", lat=10.0))
    assert chosen is not None and chosen.feature_code == "PCLI"


def test_a_country_name_put_in_a_province_abroad_is_a_town_there():
    # "Xaland, Zorn" where Zorn lies in another country: the namesake town is meant
    abroad = _sense(4, "Xaland", "XB", "PPL", 300, lat=10.1)
    name = NameGroup("xaland", [0], [COUNTRY, abroad])
    container = NameGroup("zorn", [1], [_sense(3, "Zorn", "XB", "ADM1", 800_000, cls="A")])
    Resolver(lambda s: s.lower()).resolve([name, container], Containment(inside={0: 1}),
                                          [0, 1], DocumentContext())
    assert name.chosen is not None and name.chosen.country_code == "XB"
