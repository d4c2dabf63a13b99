"""A name put in a container that only the respelling search resolves is chosen again beside
it: "X of Y district", with Y spelled otherwise in the gazetteer."""

from __future__ import annotations

from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense

NEAR = sense("Kelbovo", geonameid=1, lat=32.2, lon=63.8, region="01")
FAR = sense("Kelbovo", geonameid=2, lat=32.4, lon=65.1, region="01")
DISTRICT_SEAT = sense("Varnesh", geonameid=3, lat=32.25, lon=63.85, code="PPLA2", region="01")


def _resolved(respelled):
    village = NameGroup("kelbovo", [0], [FAR, NEAR])
    district = NameGroup("varnesk", [1], [])
    containment = Containment(inside={0: 1}, stated={0})
    resolver = Resolver(lambda s: s.lower())
    resolver.resolve([village, district], containment, [0, 1], DocumentContext())
    first = village.chosen
    if respelled:
        district.chosen = DISTRICT_SEAT  # what the respelling search found
    resolver.revisit_contained([village, district], containment, [0, 1], DocumentContext(),
                               unresolved={1})
    return first, village.chosen


def test_the_namesake_beside_the_respelled_container_is_chosen():
    first, then = _resolved(respelled=True)
    assert first is FAR and then is NEAR


def test_nothing_moves_when_the_search_found_nothing():
    first, then = _resolved(respelled=False)
    assert then is first is FAR
