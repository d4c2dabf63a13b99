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
