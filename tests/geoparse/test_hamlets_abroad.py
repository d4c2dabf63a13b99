"""A hamlet in another country than the one the text puts its places in is not the place meant."""

from __future__ import annotations

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense


def _sense(geonameid: int, name: str, country: str, code: str, population: int,
           cls: str = "P") -> Candidate:
    return sense(name, geonameid=geonameid, lat=10.0 + geonameid, lon=20.0, code=code,
                 feature_class=cls, country=country, region="01", region_name="One",
                 population=population)


COUNTRY = _sense(1, "Xaland", "XA", "PCLI", 5_000_000, cls="A")


def _resolve(senses, containment: Containment | None = None):
    # "Kelvarra is an island in Xaland": the island itself is not in the gazetteer
    island = NameGroup("kelvarra", [0], senses)
    country = NameGroup("xaland", [1], [COUNTRY])
    contained = Containment(inside={0: 1}) if containment is None else containment
    Resolver(lambda s: s.lower()).resolve([island, country], contained, [0, 1],
                                          DocumentContext())
    return island.chosen


def test_a_hamlet_abroad_leaves_the_name_unresolved():
    assert _resolve([_sense(2, "Kelvarra", "XB", "PPL", 0)]) is None


def test_a_hamlet_in_the_country_the_text_names_is_kept():
    chosen = _resolve([_sense(2, "Kelvarra", "XB", "PPL", 0),
                       _sense(3, "Kelvarra", "XA", "PPL", 0)])
    assert chosen is not None and chosen.country_code == "XA"


def test_a_country_merely_mentioned_does_not_rule_out_hamlets_elsewhere():
    # "Kelvarra traders priced goods in Xaland dollars": no place is put in Xaland
    chosen = _resolve([_sense(2, "Kelvarra", "XB", "PPL", 0)], Containment())
    assert chosen is not None and chosen.country_code == "XB"


def _beside_a_placed_name(sense):
    # "Zorn, Xaland, was quiet; traders came from Kelvarra": Zorn is put in Xaland,
    # Kelvarra in nothing
    island = NameGroup("kelvarra", [0], [sense])
    zorn = NameGroup("zorn", [1], [_sense(4, "Zorn", "XA", "PPL", 20_000)])
    country = NameGroup("xaland", [2], [COUNTRY])
    Resolver(lambda s: s.lower()).resolve([island, zorn, country], Containment(inside={1: 2}),
                                          [0, 1, 2], DocumentContext())
    return island.chosen


def test_a_town_abroad_still_competes_where_a_hamlet_does_not():
    assert _beside_a_placed_name(_sense(2, "Kelvarra", "XB", "PPL", 40_000)) is not None
    assert _beside_a_placed_name(_sense(2, "Kelvarra", "XB", "PPL", 0)) is None
