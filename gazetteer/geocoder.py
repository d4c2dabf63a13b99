"""The offline gazetteer as a geopy geocoder, droppable wherever geopy is used.

>>> from gazetteer import OfflineGeocoder
>>> geocoder = OfflineGeocoder()
>>> geocoder.geocode("Aleppo, Syria").point                      # doctest: +SKIP
Point(36.20124, 37.16117, 0.0)
>>> geocoder.geocode("Tripoli", country_codes=["LBN"]).address   # doctest: +SKIP
'Tripoli, North Governorate, Lebanon'
>>> geocoder.reverse((36.2, 37.16)).address                      # doctest: +SKIP
'Aleppo, Aleppo, Syria'

It also works behind geopy's RateLimiter and as a provider of ``geopandas.tools.geocode``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from geopy.exc import GeocoderQueryError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.core import Gazetteer
from gazetteer.model import Candidate
from gazetteer.names import normalize_name

#: Nominatim's ``featuretype`` values -> our feature classes/codes.
FEATURE_TYPES = {"country": ("PCLI",), "state": ("ADM1",), "city": ("P",),
                 "settlement": ("P", "ADM1", "ADM2", "PCLI")}
#: Candidates considered before a qualifier ("X, Y") or a country list filters them.
_SEARCH_DEPTH = 200
_DEFAULT_LIMIT = 25


class OfflineGeocoder(Geocoder):
    """A geopy ``Geocoder`` answering from the local gazetteer file: no network, no quota.

    ``geocode(query, exactly_one=True, limit=None, country=None, country_codes=None,
    language=None, featuretype=None)``: the best Location or None with ``exactly_one``,
    otherwise the ranked Locations (None when nothing matches), as geopy's geocoders do.
    "X, Y" and "X, Y, Z" restrict X to the admin1 region or country named after the comma.
    ``country``/``country_codes``: one code or a list (ISO2, ISO3 or a country name).
    ``language`` is accepted for Nominatim compatibility; names come back as stored.
    ``reverse((lat, lon))``: the nearest populated place, with its admin1 region and country.
    ``raw`` holds the Candidate's fields (geonameid, feature_code, country_code ...).
    """

    def __init__(self, gazetteer: Gazetteer | str | Path | None = None, *,
                 timeout=DEFAULT_SENTINEL, user_agent: str | None = None):
        super().__init__(timeout=timeout, user_agent=user_agent or "geomap-offline")
        if isinstance(gazetteer, Gazetteer):
            self.gazetteer = gazetteer
        else:
            self.gazetteer = Gazetteer.open(gazetteer)
        self._places: _NearestPlaces | None = None

    def geocode(self, query: str, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL,
                limit: int | None = None, country: str | Iterable[str] | None = None,
                country_codes: str | Iterable[str] | None = None,
                language: str | bool = False, featuretype: str | None = None):
        if isinstance(query, dict):  # Nominatim's structured query
            query = ", ".join(str(query[key]) for key in ("city", "county", "state", "country")
                              if query.get(key))
        if not isinstance(query, str) or not query.strip():
            raise GeocoderQueryError("the query must be a non-empty string")
        countries = country_set(country) | country_set(country_codes)
        if not countries and (country or country_codes):
            return None  # a country filter naming no country we know matches nothing
        kinds = FEATURE_TYPES.get(featuretype) if featuretype else None
        found = self._candidates(query, countries, kinds)
        if not found:
            return None
        if exactly_one:
            return _location(found[0])
        return [_location(candidate) for candidate in found[:limit or _DEFAULT_LIMIT]]

    def _candidates(self, query: str, countries: set[str], kinds) -> list[Candidate]:
        name, *qualifiers = [part.strip() for part in query.split(",") if part.strip()]
        found = self.gazetteer.candidates(name, kinds=kinds, limit=_SEARCH_DEPTH)
        if countries:
            found = [c for c in found if c.country_code in countries]
        for qualifier in qualifiers:
            narrowed = self._within(found, qualifier)
            if narrowed is None:  # not a region we know: the comma was part of the name
                return self.gazetteer.candidates(query, kinds=kinds, limit=_SEARCH_DEPTH)
            found = narrowed
        return found

    def _within(self, found: list[Candidate], qualifier: str) -> list[Candidate] | None:
        """The candidates inside the country or admin1 region ``qualifier`` names, or None when
        the qualifier names neither."""
        countries = country_set(qualifier) | {c.country_code for c in self.gazetteer.candidates(
            qualifier, kinds=("PCLI",), limit=5)}
        regions = {(c.country_code, c.admin1_code) for c in self.gazetteer.candidates(
            qualifier, kinds=("ADM1",), limit=_SEARCH_DEPTH)}
        region_names = {normalize_name(qualifier)}
        if not countries and not regions:
            return None
        return [c for c in found if c.country_code in countries
                or (c.country_code, c.admin1_code) in regions
                or (c.admin1_name and normalize_name(c.admin1_name) in region_names)]

    def reverse(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL,
                language: str | bool = False, limit: int | None = None):
        try:
            point = Point(query)
        except (TypeError, ValueError) as error:
            raise GeocoderQueryError(f"not a point: {query!r} ({error})") from None
        if self._places is None:
            self._places = _NearestPlaces(self.gazetteer)
        count = 1 if exactly_one else (limit or 5)
        found = [candidate for candidate in (
            self.gazetteer.get(geonameid)
            for geonameid in self._places.nearest(point.latitude, point.longitude, count))
            if candidate is not None]
        if not found:
            return None
        locations = [_location(candidate) for candidate in found]
        return locations[0] if exactly_one else locations


class _NearestPlaces:
    """A k-d tree over the gazetteer's populated places, on the unit sphere (so the straight-line
    nearest is the great-circle nearest). Built on first use, about a second for the embedded
    default; each query then takes well under a millisecond."""

    def __init__(self, gazetteer: Gazetteer):
        import numpy
        from scipy.spatial import cKDTree

        rows = numpy.array(gazetteer.connection().execute(
            "SELECT geonameid, lat, lon FROM feature WHERE feature_class = 'P'").fetchall(),
            dtype=numpy.float64).reshape(-1, 3)
        self._ids = rows[:, 0].astype(numpy.int64)
        phi, lam = numpy.radians(rows[:, 1]), numpy.radians(rows[:, 2])
        points = numpy.column_stack((numpy.cos(phi) * numpy.cos(lam),
                                     numpy.cos(phi) * numpy.sin(lam), numpy.sin(phi)))
        self._tree = cKDTree(points) if len(rows) else None

    def nearest(self, lat: float, lon: float, count: int) -> list[int]:
        if self._tree is None:
            return []
        count = min(count, len(self._ids))
        _, index = self._tree.query(_unit(lat, lon), k=count)
        indices = [int(index)] if count == 1 else [int(i) for i in index]
        return [int(self._ids[i]) for i in indices]


def _unit(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def country_set(value: str | Iterable[str] | None) -> set[str]:
    """ISO2 codes of a country code, name or list of them ("LB", "LBN", "Lebanon", ["SY", "IQ"]).

    Unknown values give no code, so a misspelt country matches nothing rather than everything.
    """
    if value is None:
        return set()
    values = [value] if isinstance(value, str) else list(value)
    import pycountry

    codes = set()
    for item in values:
        try:
            codes.add(pycountry.countries.lookup(str(item).strip()).alpha_2)
        except LookupError:
            continue
    return codes


def _location(candidate: Candidate) -> Location:
    parts = [candidate.name, candidate.admin1_name, candidate.country_name]
    address = ", ".join(dict.fromkeys(part for part in parts if part))  # "Aleppo, Syria"
    raw: dict[str, Any] = candidate.as_dict()
    return Location(address, (candidate.lat, candidate.lon), raw)
