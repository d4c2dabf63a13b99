""""X, Y" where Y is a city that names its province: within the province, the namesake that
bears the text's spelling as its main name (and is a seat) beats one that is merely nearer the
city under another name; among namesakes otherwise alike, the nearer still wins."""

from __future__ import annotations

from gazetteer.model import Candidate
from geomap.geoparse.context import Containment
from geomap.geoparse.resolve import DocumentContext, NameGroup, Resolver


def _place(geonameid: int, name: str, lat: float, code: str = "PPL", *, primary: bool = True,
           region: str = "05", matched: str = "tessa", population: int = 0) -> Candidate:
    return Candidate(geonameid=geonameid, name=name, lat=lat, lon=40.0,
                     feature_class="P", feature_code=code, country_code="XB",
                     admin1_code=region, admin1_name="Korvell" if region == "05" else "Other",
                     population=population, source="test", matched=matched,
                     is_primary_name=primary, score=0.0)


# Korvell is a provincial capital that names its province (admin1 "Korvell").
KORVELL = _place(1, "Korvell", 20.0, "PPLA", matched="korvell", population=300_000)


def _resolve(tessas: list[Candidate]) -> Candidate | None:
    # "Mortars hit Tessa, Korvell": span 0 lies in span 1
    tessa = NameGroup("tessa", [0], tessas)
    korvell = NameGroup("korvell", [1], [KORVELL])
    Resolver(lambda s: s.lower()).resolve(
        [tessa, korvell], Containment(inside={0: 1}), [0, 1], DocumentContext())
    return tessa.chosen


def test_the_seat_of_the_name_beats_a_nearer_place_known_by_it_only_as_another_name():
    # both beyond the 50 km within which the city, as another place of the article, adds its
    # own pull (anchors.py); only the container's weight parts them
    near_other_name = _place(10, "Old Tessa Farm", 20.5, primary=False)  # ~56 km off
    seat = _place(11, "Tessa", 21.0, "PPLA2")  # ~111 km off, same province
    assert _resolve([near_other_name, seat]) == seat


def test_between_namesakes_alike_the_nearer_to_the_city_wins():
    far = _place(12, "Tessa", 21.0)
    near = _place(13, "Tessa", 20.35)
    assert _resolve([far, near]) == near


def test_a_namesake_outside_the_province_stays_behind():
    abroad = _place(14, "Tessa", 21.5, "PPLA2", region="09")  # ~165 km off, other province
    inside = _place(15, "Tessa", 21.0)
    assert _resolve([abroad, inside]) == inside
