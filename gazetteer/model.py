"""The gazetteer's value objects: a Feature to store, a Candidate returned by a lookup."""

from __future__ import annotations

from dataclasses import dataclass, field

#: GeoNames feature classes used here (DESIGN.md §2).
FEATURE_CLASSES = {
    "A": "country, state, region",
    "P": "city, village, neighbourhood",
    "T": "mountain, hill, pass",
    "L": "parks, areas, bases, ports",
    "S": "spot, building, farm (airports, camps, border posts, bridges)",
    "H": "stream, lake",
    "V": "forest, heath",
    "R": "road, railroad",
    "U": "undersea",
}


#: ``source`` of the districts a builder or importer derives (a country dump's admin2Codes.txt
#: names, or cities1000's admin2 names for the embedded default; a real ADM2 row from a dump
#: replaces either); here, not in their modules, so the name index can tell districts apart
#: without importing the builders.
DUMP_DISTRICT_SOURCE = "geonames-admin2"
EMBEDDED_DISTRICT_SOURCE = "cities1000-admin2"


@dataclass(slots=True)
class Feature:
    """One feature on its way into the store; ``names`` are the alternates (display spelling)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str | None
    admin1_code: str | None
    population: int = 0
    source: str = "geonames"
    names: list[str] = field(default_factory=list)
    asciiname: str | None = None
    admin2_code: str | None = None  # GeoNames admin2 (district) code, kept when the source has it


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer feature matching a looked-up name.

    ``matched`` is the normalised key that matched; ``is_primary_name`` tells whether it is the
    feature's own (main or ASCII) name rather than an alternate, a hint the resolver can weigh.
    ``score`` is the gazetteer's context-free prior (feature importance and population); the
    resolver, not the gazetteer, decides with context.
    """

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str | None
    admin1_code: str | None
    admin1_name: str | None
    population: int
    source: str
    matched: str
    country_name: str | None = None
    is_primary_name: bool = False
    score: float = 0.0
    admin2_code: str | None = None
    admin2_name: str | None = None  # the district's name, when admin2Codes.txt was imported

    @property
    def kind(self) -> str:
        """'PCLI'-style code prefixed by its class, e.g. 'A.ADM1', for display."""
        return f"{self.feature_class}.{self.feature_code}"

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


def new_candidate(geonameid: int, name: str, lat: float, lon: float, feature_class: str,
                  feature_code: str, country_code: str | None, admin1_code: str | None,
                  admin1_name: str | None, population: int, source: str, matched: str,
                  country_name: str | None, is_primary_name: bool, score: float,
                  admin2_code: str | None, admin2_name: str | None) -> Candidate:
    """``Candidate(...)`` with every field given, at about half the cost: a lookup builds one
    per sense it reads (five per name with a village pack), and the frozen dataclass's own
    ``__init__`` sets each field through ``object.__setattr__``."""
    candidate = _new(Candidate)
    _SET[0](candidate, geonameid)
    _SET[1](candidate, name)
    _SET[2](candidate, lat)
    _SET[3](candidate, lon)
    _SET[4](candidate, feature_class)
    _SET[5](candidate, feature_code)
    _SET[6](candidate, country_code)
    _SET[7](candidate, admin1_code)
    _SET[8](candidate, admin1_name)
    _SET[9](candidate, population)
    _SET[10](candidate, source)
    _SET[11](candidate, matched)
    _SET[12](candidate, country_name)
    _SET[13](candidate, is_primary_name)
    _SET[14](candidate, score)
    _SET[15](candidate, admin2_code)
    _SET[16](candidate, admin2_name)
    return candidate


_new = object.__new__
#: Each field's slot setter, in field order (tests check the order against ``fields``).
_SET = tuple(getattr(Candidate, name).__set__ for name in (
    "geonameid", "name", "lat", "lon", "feature_class", "feature_code", "country_code",
    "admin1_code", "admin1_name", "population", "source", "matched", "country_name",
    "is_primary_name", "score", "admin2_code", "admin2_name"))
