"""Gazetteer senses for resolver tests, built in one place: a test names only what its rule
reads (name, code, region, population, position); the rest are neutral defaults."""

from __future__ import annotations

from gazetteer.model import Candidate


def sense(name: str, *, geonameid: int = 1, lat: float = 20.0, lon: float = 30.0,
          code: str = "PPL", feature_class: str | None = None, country: str = "XQ",
          region: str | None = "09", region_name: str | None = None, population: int = 0,
          primary: bool = True, score: float = 0.0, source: str = "test",
          matched: str | None = None) -> Candidate:
    """A sense of ``name``; its feature class follows its code (ADM1 is "A", the rest "P")
    unless given."""
    return Candidate(geonameid=geonameid, name=name, lat=lat, lon=lon,
                     feature_class=feature_class or ("A" if code == "ADM1" else "P"),
                     feature_code=code, country_code=country, admin1_code=region,
                     admin1_name=region_name, population=population, source=source,
                     matched=name.lower() if matched is None else matched,
                     is_primary_name=primary, score=score)
