"""A report from a conflict's front names the village the fighting reached: of its namesakes in
the front's country, the one near the front line is meant (fronts.py, the lexicon's theatres)."""

from __future__ import annotations

import math

import pytest

from geomap.geoparse.context import Containment
from geomap.geoparse.fronts import Front, front_km, fronts_of
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver
from geomap.geoparse.weights import ANCHOR

from .sense_fixtures import sense

# a line running east along latitude 48 in the invented country XF
LINE = Front("XF", ((48.0, 37.0, 48.0, 38.0),))


def test_distance_to_a_line_is_to_its_nearest_point():
    assert LINE.km(48.0, 37.5) == pytest.approx(0.0, abs=0.01)
    assert LINE.km(49.0, 37.5) == pytest.approx(111.2, abs=0.5)
    # past the line's end, the distance is to the end
    east = LINE.km(48.0, 39.0)
    assert east == pytest.approx(111.2 * math.cos(math.radians(48.0)), abs=0.5)


def test_a_sense_abroad_is_never_near_a_front():
    assert front_km(sense("Zorivtsi", lat=48.0, lon=37.5, country="XG"), (LINE,)) == math.inf


def test_the_theatres_names_bring_their_fronts():
    assert fronts_of("The OSCE SMM recorded shots near Zorivtsi.")
    assert fronts_of("Russian forces shelled near Zorivtsi.")
    assert fronts_of("A fair was held in Zorivtsi.") == ()


def _choice(fronts):
    # two villages of the name, of no recorded size, in one province: one on the line, one
    # 150 km from it, listed first as the gazetteer might rank it
    far = sense("Zorivtsi", geonameid=1, lat=49.35, lon=37.5, country="XF", region="05")
    near = sense("Zorivtsi", geonameid=2, lat=48.05, lon=37.6, country="XF", region="05")
    group = NameGroup("zorivtsi", [0], [far, near])
    context = DocumentContext()
    context.fronts = fronts
    Resolver(lambda s: s.lower()).resolve([group], Containment(), [0], context)
    return group.chosen.geonameid


def test_the_namesake_on_the_front_is_the_one_meant():
    assert _choice((LINE,)) == 2


def test_without_a_front_the_ranking_stands():
    assert _choice(()) == 1


def test_of_two_namesakes_near_the_front_the_nearer():
    on_line = sense("Zorivtsi", geonameid=1, lat=48.01, lon=37.2, country="XF", region="05")
    behind = sense("Zorivtsi", geonameid=2, lat=48.15, lon=37.6, country="XF", region="05")
    assert LINE.km(behind.lat, behind.lon) < ANCHOR.front_km
    group = NameGroup("zorivtsi", [0], [behind, on_line])
    context = DocumentContext()
    context.fronts = (LINE,)
    Resolver(lambda s: s.lower()).resolve([group], Containment(), [0], context)
    assert group.chosen.geonameid == 1


def test_a_bigger_town_far_from_the_front_still_outranks_a_village_on_it():
    town = sense("Zorivtsi", geonameid=1, lat=49.35, lon=37.5, country="XF", region="05",
                 population=20_000)
    village = sense("Zorivtsi", geonameid=2, lat=48.0, lon=37.6, country="XF", region="05")
    group = NameGroup("zorivtsi", [0], [town, village])
    context = DocumentContext()
    context.fronts = (LINE,)
    Resolver(lambda s: s.lower()).resolve([group], Containment(), [0], context)
    assert group.chosen.geonameid == 1


class _Gazetteer:
    """A name with more namesakes than the short list holds, the one on the front last."""

    def __init__(self, senses):
        self.senses = senses

    def candidates(self, name, country=None, limit=25):
        return [c for c in self.senses if country is None or c.country_code == country][:limit]


def test_a_front_fetches_the_namesake_the_short_list_cut_off():
    towns = [sense("Zorivtsi", geonameid=10 + n, lat=50.5, lon=30.0 + n * 0.1, country="XF",
                   region="07", population=500 - n) for n in range(30)]
    on_line = sense("Zorivtsi", geonameid=2, lat=48.0, lon=37.6, country="XF", region="05")
    group = NameGroup("zorivtsi", [0], towns[:25])
    context = DocumentContext()
    context.fronts = (LINE,)
    Resolver(lambda s: s.lower(), _Gazetteer([*towns, on_line])).resolve(
        [group], Containment(), [0], context)
    assert group.chosen.geonameid == 2
