"""Villages of one name and no recorded size, in one province, tie on every count but one:
the one nearest the article's other places, or the town the text puts it in, is meant."""

from __future__ import annotations

from geomap.geoparse.anchors import Anchors, nearest_km
from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense

# both within the reach of the top anchor and container bonuses (25 and 45 km east of the town)
FAR = sense("Velmirka", geonameid=1, lat=48.0, lon=38.405, region="05")
NEAR = sense("Velmirka", geonameid=2, lat=48.0, lon=38.136, region="05")
TOWN = sense("Drostov", geonameid=3, lat=48.0, lon=37.8, region="05", population=90_000)


def test_the_nearest_anchor_is_measured_in_km():
    anchors = Anchors([(48.0, 37.8, "drostov")])
    assert 24 < nearest_km(NEAR, anchors, "velmirka") < 26
    assert nearest_km(NEAR, anchors, "drostov") == float("inf")  # (its own name is no anchor)


def _choose(groups, containment, span_group):
    Resolver(lambda s: s.lower()).resolve(groups, containment, span_group, DocumentContext())
    return groups[0].chosen


def test_the_namesake_nearest_the_other_places_wins_a_tie():
    # "Shelling hit Velmirka; later Drostov too." (no container)
    village = NameGroup("velmirka", [0], [FAR, NEAR])
    town = NameGroup("drostov", [1], [TOWN])
    assert _choose([village, town], Containment(), [0, 1]) is NEAR


def test_the_namesake_nearest_its_town_wins_a_tie():
    # "Velmirka, Drostov": both senses lie within the town's reach
    village = NameGroup("velmirka", [0], [FAR, NEAR])
    town = NameGroup("drostov", [1], [TOWN])
    assert _choose([village, town], Containment(inside={0: 1}), [0, 1]) is NEAR


def test_a_village_of_recorded_size_keeps_its_lead():
    bigger = sense("Velmirka", geonameid=4, lat=48.0, lon=38.405, region="05", population=300)
    village = NameGroup("velmirka", [0], [bigger, NEAR])
    town = NameGroup("drostov", [1], [TOWN])
    assert _choose([village, town], Containment(), [0, 1]) is bigger
