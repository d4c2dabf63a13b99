"""The gazetteer's context-free prior: which of several same-named features a reader most likely
means before any context is read. Countries beat regions beat big cities beat villages; curated
conflict features (air bases, camps, crossings) sit above villages of the same name.

The resolver, not the gazetteer, has the last word: it sees the article.
"""

from __future__ import annotations

import math

#: Base importance by GeoNames feature code (then by class). A populated place gains
#: 5 * log10(population), so a city of 100k (+25) outranks a same-named admin1 region (35 vs 35
#: + 10 for PPL) only when it is its region's seat or larger: "Aleppo" is the city, "Texas" the
#: state, "Washington" the capital.
_BASE_BY_CODE = {
    "PCLI": 100, "PCLD": 95, "PCLF": 95, "PCLS": 95, "PCLIX": 90, "PCL": 95, "TERR": 80,
    "CONT": 90, "ADM1": 35, "ADM1H": 20, "ADM2": 22, "ADM3": 15, "ADM4": 12,
    "PPLC": 45, "PPLA": 30, "PPLA2": 22, "PPLA3": 18, "PPLA4": 15, "PPLG": 30, "PPLX": 12,
    "PPLW": 8, "PPLH": 6, "PPLQ": 6,
    "AIRB": 28, "MILB": 28, "NVB": 28, "AIRP": 25, "AIRF": 25, "PRT": 22, "CMPRF": 24,
    "PSTB": 20, "PSN": 24, "DAM": 20, "BDG": 18, "STRT": 30, "MT": 14, "MTS": 16,
    # Named areas and waters the news uses as places ("the Middle East", "the Red Sea"): a
    # reader means them, not a hamlet of the same name ("Middle East", Maryland).
    "PCLH": 40, "OCN": 60, "SEA": 45, "GULF": 35, "PEN": 35, "RGN": 30, "PLAT": 25,
}
_BASE_BY_CLASS = {"A": 20, "P": 10, "T": 10, "L": 12, "S": 12, "H": 10, "V": 6, "R": 6, "U": 4}
#: Curated rows exist because conflict news names them: a small nudge over namesakes.
_SOURCE_BONUS = {"supplement": 8.0}


def prior_score(feature_class: str, feature_code: str, population: int | None,
                source: str | None = None) -> float:
    base = _BASE_BY_CODE.get(feature_code, _BASE_BY_CLASS.get(feature_class, 5))
    # A region always outnumbers its seat, so its population counts half: "Aleppo" stays the
    # city even when the governorate carries GeoNames' population figure.
    weight = 2.5 if feature_class == "A" and not feature_code.startswith("PCL") else 5.0
    return (base + weight * math.log10((population or 0) + 1)
            + _SOURCE_BONUS.get(source or "", 0.0))


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def near_penalty(km: float) -> float:
    """0 at the point, ~15 at 100 km, ~59 at 2,000 km.

    Logarithmic near the point (10 km or 40 km away hardly differ inside one story), linear far
    away, so that a small namesake next door beats a capital abroad: Tripoli near Beirut is the
    Lebanese one.
    """
    return 20 * math.log10(1 + km / 25) + km / 100
