""""X, Y" where Y is a city that names its province: among X's namesakes in that province, the
one the text names by its own name (and a district seat) beats one that merely lies nearer the
city under another name; the text names the province, not the city's surroundings."""

from __future__ import annotations

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.fit import fit
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver
from geomap.geoparse.weights import EVIDENCE, PRIOR


def _sense(geonameid: int, name: str, lat: float, *, code: str = "PPL", primary: bool = True,
           population: int = 0) -> Candidate:
    return Candidate(geonameid=geonameid, name=name, lat=lat, lon=40.0, feature_class="P",
                     feature_code=code, country_code="XQ", admin1_code="05",
                     admin1_name="Port Velna", population=population, source="test",
                     matched="harrow", is_primary_name=primary, score=0.0)


PORT_VELNA = _sense(1, "Port Velna", 15.0, code="PPLA", population=400_000)
# the district seat called so, 110 km from the city; a village 55 km from it that also
# goes by the name
SEAT = _sense(2, "Harrow", 14.0, code="PPLA2")
NEAR_VILLAGE = _sense(3, "Upper Harrowby", 14.5, primary=False)


def test_the_province_outweighs_the_citys_surroundings_by_less_than_the_name():
    assert fit(SEAT, PORT_VELNA) == EVIDENCE.container_named_region
    assert fit(NEAR_VILLAGE, PORT_VELNA) == EVIDENCE.container_near
    assert EVIDENCE.container_near - EVIDENCE.container_named_region < \
        PRIOR.primary_name + PRIOR.seat_bonus["PPLA2"]


def test_the_namesake_called_so_is_chosen():
    # "Harrow, Port Velna"
    harrow = NameGroup("harrow", [0], [NEAR_VILLAGE, SEAT])
    city = NameGroup("port velna", [1], [PORT_VELNA])
    Resolver(lambda s: s.lower()).resolve([harrow, city], Containment(inside={0: 1}), [0, 1],
                                          DocumentContext())
    assert harrow.chosen == SEAT
