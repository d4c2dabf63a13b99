"""A text that names a conflict's theatre without naming it as a place (a breakaway region's
militia, a monitoring mission posted to one front) puts its villages in that theatre."""

from __future__ import annotations

from geomap.geoparse.context import Containment
from geomap.geoparse.regions import implied_regions
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense


class _Regions:
    """Only first-level regions, as the theatre look-up asks for them."""

    def __init__(self, *regions):
        self.regions = regions

    def candidates(self, name, country=None, kinds=None, limit=25):
        return [r for r in self.regions if r.name == name and r.country_code == country][:limit]


DONETSK = sense("Donetsk", code="ADM1", country="UA", region="05")
LUHANSK = sense("Luhansk", code="ADM1", country="UA", region="14")


def test_a_breakaway_militia_implies_its_regions():
    text = "Shots were fired at DPR positions near Zorivka Balka overnight."
    found = implied_regions(text, _Regions(DONETSK, LUHANSK))
    assert found == {("UA", "05"), ("UA", "14")}


def test_the_group_must_be_named_as_a_word():
    # (letters inside another word name no group)
    assert implied_regions("The DPRK tested a missile off Zorivka.",
                           _Regions(DONETSK, LUHANSK)) == frozenset()


def test_a_region_the_gazetteer_lacks_is_left_out():
    assert implied_regions("Monitors of the OSCE SMM heard shots near Zorivka.",
                           _Regions(DONETSK)) == {("UA", "05")}


def _village_choice(implied):
    # a town of some thousands far off, and a nameless-size village in the theatre
    town = sense("Zorivka Balka", geonameid=1, lat=46.0, lon=30.0, country="UA", region="11",
                 population=3000)
    village = sense("Zorivka Balka", geonameid=2, lat=48.0, lon=37.8, country="UA",
                    region="05")
    group = NameGroup("zorivka balka", [0], [town, village])
    context = DocumentContext()
    context.implied_admin1 = implied
    Resolver(lambda s: s.lower()).resolve([group], Containment(), [0], context)
    return group.chosen.geonameid


def test_the_namesake_in_the_implied_region_beats_a_larger_one_elsewhere():
    assert _village_choice(frozenset({("UA", "05")})) == 2


def test_without_a_theatre_the_larger_namesake_stands():
    assert _village_choice(frozenset()) == 1
