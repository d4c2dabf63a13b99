"""GeoNames feature codes and sizes the geoparser's rules rank places by."""

from __future__ import annotations

#: Countries and dependent territories.
COUNTRY_CODES = frozenset({"PCLI", "PCL", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})
#: A city of this many people or more is a strong place (strength 1).
STRONG_POPULATION = 100_000
