"""A name the text puts nowhere, resolved to a hamlet outside every province the text names, is
left unresolved: with whole countries' villages imported it is a namesake of a place the
gazetteer lacks where the text is."""

from __future__ import annotations

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver

from .sense_fixtures import sense


def _sense(geonameid: int, name: str, region: str, lat: float, *, code: str = "PPL",
           population: int = 0) -> Candidate:
    return sense(name, geonameid=geonameid, lat=lat, lon=50.0, code=code, country="XC",
                 region=region, region_name=f"Province {region}", population=population)


OSTRA = _sense(1, "Ostra", "05", 12.0, code="ADM1")
DORRAN = _sense(2, "Dorran", "05", 12.1, population=4000)


def _resolve(sulvek_senses: list[Candidate], *, with_province: bool = True) -> NameGroup:
    # "Shells hit Sulvek village, near Dorran (Ostra province)": span 1 lies in span 2
    sulvek = NameGroup("sulvek", [0], sulvek_senses)
    groups = [sulvek, NameGroup("dorran", [1], [DORRAN])]
    containment = Containment()
    if with_province:
        groups.append(NameGroup("ostra", [2], [OSTRA]))
        containment = Containment(inside={1: 2})
    Resolver(lambda s: s.lower()).resolve(groups, containment, list(range(len(groups))),
                                          DocumentContext())
    return sulvek


def test_a_hamlet_in_another_province_is_left_unresolved():
    assert _resolve([_sense(10, "Sulvek", "03", 15.0)]).chosen is None


def test_a_hamlet_in_the_named_province_stays():
    inside = _sense(11, "Sulvek", "05", 12.3)
    assert _resolve([inside]).chosen == inside


def test_a_town_elsewhere_stays():
    town = _sense(12, "Sulvek", "03", 15.0, population=20_000)
    assert _resolve([town]).chosen == town


def test_without_a_named_province_the_hamlet_stays():
    hamlet = _sense(13, "Sulvek", "03", 15.0)
    assert _resolve([hamlet], with_province=False).chosen == hamlet


def test_a_hamlet_the_text_places_itself_is_not_second_guessed():
    # "Sulvek (Kerrin)": the name has its own container, so the text said where it is
    hamlet = _sense(14, "Sulvek", "03", 15.0)
    kerrin = _sense(15, "Kerrin", "03", 15.1, population=3000)
    sulvek = NameGroup("sulvek", [0], [hamlet])
    groups = [sulvek, NameGroup("kerrin", [1], [kerrin]), NameGroup("dorran", [2], [DORRAN]),
              NameGroup("ostra", [3], [OSTRA])]
    Resolver(lambda s: s.lower()).resolve(groups, Containment(inside={0: 1, 2: 3}),
                                          [0, 1, 2, 3], DocumentContext())
    assert sulvek.chosen == hamlet


def test_a_province_named_without_a_container_counts_too():
    # "Shells hit Sulvek; Ostra province officials counted the damage"
    hamlet = _sense(16, "Sulvek", "03", 15.0)
    sulvek = NameGroup("sulvek", [0], [hamlet])
    groups = [sulvek, NameGroup("ostra", [1], [OSTRA])]
    Resolver(lambda s: s.lower()).resolve(groups, Containment(), [0, 1], DocumentContext())
    assert sulvek.chosen is None
