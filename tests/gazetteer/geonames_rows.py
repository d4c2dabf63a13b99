"""GeoNames-shaped rows for the gazetteer tests.

A module of its own, not conftest.py: tests import these names, and a bare ``from conftest import``
picks whichever directory's conftest pytest put first on sys.path when several test directories are
collected in one run.
"""

from __future__ import annotations


def geonames_line(geonameid: int, name: str, lat: float, lon: float, feature_class: str = "P",
                  feature_code: str = "PPL", country: str = "SY", admin1: str = "",
                  population: int = 0, alternates: str = "", asciiname: str | None = None) -> str:
    """One allCountries row: 19 tab-separated columns."""
    columns = [str(geonameid), name, asciiname if asciiname is not None else name, alternates,
               f"{lat}", f"{lon}", feature_class, feature_code, country, "", admin1, "", "", "",
               str(population), "", "100", "Asia/Damascus", "2024-01-01"]
    assert len(columns) == 19
    return "\t".join(columns)


#: A handful of real GeoNames features (ids and coordinates as GeoNames has them).
SAMPLE_ROWS = [
    geonames_line(170063, "Aleppo", 36.20124, 37.16117, "P", "PPLA", "SY", "09", 2098210,
                  "Alep,Halab,حلب"),
    geonames_line(170062, "Aleppo Governorate", 36.25, 37.5, "A", "ADM1", "SY", "09", 4867991,
                  "Muhafazat Halab"),
    geonames_line(163345, "Ţarţūs", 34.88902, 35.88659, "P", "PPLA", "SY", "14", 458327,
                  "Tartous,Tartus,طرطوس", asciiname="Tartus"),
    geonames_line(170654, "Damascus", 33.5102, 36.29128, "P", "PPLC", "SY", "13", 2584771,
                  "Dimashq,Damas"),
    geonames_line(163843, "Syria", 35.0, 38.0, "A", "PCLI", "SY", "00", 22933531,
                  "Syrian Arab Republic"),
]
