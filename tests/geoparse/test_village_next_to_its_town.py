""""X, Y" of a village and its town: of two namesakes of X within a district's reach of the town
Y, the one next to it is meant."""

from __future__ import annotations

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense


def _sense(geonameid: int, name: str, lat: float, *, code: str = "PPL",
           population: int = 0) -> Candidate:
    return sense(name, geonameid=geonameid, lat=lat, lon=44.0, code=code, region="11",
                 region_name="Oskarra", population=population)


TOWN = _sense(1, "Brennic", 12.0, code="PPLA2", population=30_000)
FARTHER = _sense(2, "Dolva", 12.4)  # 45 km from the town
NEXT_TO_IT = _sense(3, "Dolva", 12.09)  # 10 km from the town


def test_the_namesake_next_to_the_town_wins():
    # "Dolva, Brennic"
    dolva = NameGroup("dolva", [0], [FARTHER, NEXT_TO_IT])
    town = NameGroup("brennic", [1], [TOWN])
    Resolver(lambda s: s.lower()).resolve([dolva, town], Containment(inside={0: 1}), [0, 1],
                                          DocumentContext())
    assert dolva.chosen == NEXT_TO_IT
