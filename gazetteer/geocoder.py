"""The offline gazetteer as a geopy geocoder, droppable wherever geopy is used.

>>> from gazetteer import OfflineGeocoder
>>> location = OfflineGeocoder().geocode("Aleppo")        # doctest: +SKIP
>>> location.latitude, location.longitude                 # doctest: +SKIP
(36.20124, 37.16117)
"""

from __future__ import annotations

from pathlib import Path

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from gazetteer.core import Gazetteer
from gazetteer.model import Candidate


class OfflineGeocoder(Geocoder):
    """A geopy ``Geocoder`` answering from the local gazetteer file: no network, no quota.

    ``geocode(query, exactly_one=True, country=None, limit=None)`` follows geopy: the best
    Location or None with ``exactly_one``; otherwise a list of Locations, or None when nothing
    matches. ``raw`` holds the Candidate's fields. ``reverse`` is not offered (no spatial index).
    """

    def __init__(self, gazetteer: Gazetteer | str | Path | None = None, *,
                 timeout=DEFAULT_SENTINEL, user_agent: str | None = None):
        super().__init__(timeout=timeout, user_agent=user_agent or "geomap-offline")
        if isinstance(gazetteer, Gazetteer):
            self.gazetteer = gazetteer
        else:
            self.gazetteer = Gazetteer.open(gazetteer)

    def geocode(self, query: str, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL,
                country: str | None = None, limit: int | None = None):
        candidates = self.gazetteer.candidates(
            str(query), country=country, limit=1 if exactly_one else (limit or 25))
        if not candidates:
            return None
        locations = [_location(candidate) for candidate in candidates]
        return locations[0] if exactly_one else locations

    def reverse(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL):
        raise NotImplementedError("OfflineGeocoder has no reverse geocoding")


def _location(candidate: Candidate) -> Location:
    parts = [candidate.name, candidate.admin1_name, candidate.country_name]
    address = ", ".join(dict.fromkeys(part for part in parts if part))
    return Location(address, (candidate.lat, candidate.lon), candidate.as_dict())
