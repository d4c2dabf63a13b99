"""Online fallback: a chain of geopy geocoders for names the offline gazetteer cannot resolve.

Each geocoder's ``geocode`` is wrapped, geopy-style (like ``geopy.extra.rate_limiter``), from the
inside out by

1. geopy's ``RateLimiter`` (1 request/s for Nominatim, as its usage policy demands;
   ``swallow_exceptions=False`` so a failure is never mistaken for "no result"),
2. a :class:`CircuitBreaker` (after a network failure -- or ``failure_threshold`` service errors
   in a row -- it opens, and every later call fails at once: a dead network costs one timeout per
   run, not one per name), and
3. a :class:`GeocodeCache` in the gazetteer file (positive answers become features with the
   geocoder's name as ``source``; negative answers expire after ``negative_ttl``).

"Service down" raises :class:`~gazetteer.errors.ServiceUnavailable` (or ``RateLimited``);
"not found" is an empty list. Never used with ``--offline``: the caller simply does not build one.

>>> agent = "geomap-docs/1.0 (me@example.org)"
>>> fallback = Fallback(Gazetteer.open(), user_agent=agent)  # doctest: +SKIP
>>> fallback.lookup("Karm al-Jabal", country="SY")  # offline, else Nominatim  # doctest: +SKIP
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from geopy import exc as geopy_exc
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, Photon
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer.core import Gazetteer
from gazetteer.errors import RateLimited, ServiceUnavailable
from gazetteer.ids import synthetic_id
from gazetteer.model import Candidate, Feature
from gazetteer.names import normalize_name

logger = logging.getLogger(__name__)

#: Failures that mean the network or host is gone: one is enough to open the breaker.
_NETWORK_FAILURES = (geopy_exc.GeocoderUnavailable, geopy_exc.GeocoderTimedOut)
#: Failures that will not fix themselves within a run, and "slow down" (429: the service told
#: us to wait, so asking again before Retry-After only earns another 429).
_FATAL_FAILURES = (geopy_exc.GeocoderAuthenticationFailure,
                   geopy_exc.GeocoderInsufficientPrivileges, geopy_exc.GeocoderQuotaExceeded,
                   geopy_exc.GeocoderRateLimited)


class CircuitBreaker:
    """Wraps a geocode callable; fails fast while the service is known to be down.

    Opens after one network failure (timeout, refused connection, 503/504), one fatal answer
    (auth, quota, 429) or ``failure_threshold`` consecutive other service errors (500, malformed
    answers). It stays open ``reset_after`` seconds -- or a 429's Retry-After when given -- then
    lets one trial call through ("half-open"); success closes it again. While open, calls raise
    at once: RateLimited (with the remaining wait) after a 429, ServiceUnavailable otherwise.
    """

    def __init__(self, func: Callable[..., Any], *, name: str = "geocoder",
                 failure_threshold: int = 2, reset_after: float = 300.0,
                 clock: Callable[[], float] = time.monotonic):
        self.func = func
        self.name = name
        self.failure_threshold = failure_threshold
        self.reset_after = reset_after
        self.clock = clock
        self.failures = 0
        self.opened_until: float | None = None
        self.last_error: Exception | None = None
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self.opened_until is not None and self.clock() < self.opened_until

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.is_open:
            remaining = self.opened_until - self.clock()
            message = (f"{self.name}: circuit open after {self.last_error!r}; "
                       f"not retried for {remaining:.0f} s")
            if isinstance(self.last_error, geopy_exc.GeocoderRateLimited):
                raise RateLimited(message, retry_after=remaining)
            raise ServiceUnavailable(message)
        try:
            result = self.func(*args, **kwargs)
        except geopy_exc.GeocoderQueryError:
            raise  # the query was bad, the service is fine
        except geopy_exc.GeocoderServiceError as error:
            self._record_failure(error)
            raise _as_gazetteer_error(self.name, error) from error
        with self._lock:
            self.failures = 0
            self.opened_until = None
        return result

    def _record_failure(self, error: Exception) -> None:
        with self._lock:
            self.failures += 1
            self.last_error = error
            immediate = isinstance(error, _NETWORK_FAILURES + _FATAL_FAILURES)
            if immediate or self.failures >= self.failure_threshold:
                retry_after = getattr(error, "retry_after", None)
                wait = float(retry_after) if retry_after else self.reset_after
                self.opened_until = self.clock() + wait
                logger.warning("%s: circuit opened for %.0f s after %r", self.name, wait, error)


def _as_gazetteer_error(name: str, error: Exception) -> ServiceUnavailable:
    if isinstance(error, geopy_exc.GeocoderRateLimited):
        return RateLimited(f"{name}: rate limited ({error})", retry_after=error.retry_after)
    return ServiceUnavailable(f"{name}: {type(error).__name__}: {error}")


class GeocodeCache:
    """Wraps a geocode callable with answers kept in the gazetteer file.

    Positive answers are stored as features (source = the geocoder's name) and are found
    offline afterwards; negative answers are remembered for ``negative_ttl`` seconds so that a
    name nobody knows costs one request per TTL, not one per article.
    """

    def __init__(self, func: Callable[..., Any], gazetteer: Gazetteer, *, name: str,
                 negative_ttl: float = 30 * 86400.0, clock: Callable[[], float] = time.time):
        self.func = func
        self.gazetteer = gazetteer
        self.name = name
        self.negative_ttl = negative_ttl
        self.clock = clock

    def __call__(self, query: str, country: str | None = None, **kwargs: Any) -> list[Candidate]:
        key = normalize_name(query)
        cached = self._cached(key, country)
        if cached is not None:
            return cached
        locations = self.func(query, country, **kwargs) or []
        features = [location_feature(location, self.name, query, country)
                    for location in locations]
        features = [feature for feature in features if feature is not None]
        if features:
            self.gazetteer.add_features(features)
        self._store(key, country, [feature.geonameid for feature in features])
        return self._candidates([feature.geonameid for feature in features], key)

    def _cached(self, key: str, country: str | None) -> list[Candidate] | None:
        row = self.gazetteer.connection().execute(
            "SELECT geonameids, fetched_at FROM geocode_cache WHERE geocoder = ? AND query = ? "
            "AND country = ?", (self.name, key, country or "")).fetchone()
        if row is None:
            return None
        ids = json.loads(row[0] or "[]")
        if not ids and self.clock() - row[1] > self.negative_ttl:
            return None  # an expired "not found": ask again
        return self._candidates(ids, key)

    def _store(self, key: str, country: str | None, ids: list[int]) -> None:
        conn = self.gazetteer.connection()
        conn.execute("INSERT OR REPLACE INTO geocode_cache (geocoder, query, country, "
                     "geonameids, fetched_at) VALUES (?, ?, ?, ?, ?)",
                     (self.name, key, country or "", json.dumps(ids), self.clock()))
        conn.commit()

    def _candidates(self, ids: list[int], key: str) -> list[Candidate]:
        found = []
        for geonameid in ids:
            candidate = self.gazetteer.get(geonameid)
            if candidate is not None:
                values = candidate.as_dict()
                values.update(matched=key, is_primary_name=False)
                found.append(Candidate(**values))
        return found


# OSM/Nominatim (class, type) -> GeoNames (feature class, code); class alone as a fallback.
_OSM_KINDS = {
    ("place", "city"): ("P", "PPL"), ("place", "town"): ("P", "PPL"),
    ("place", "village"): ("P", "PPL"), ("place", "hamlet"): ("P", "PPL"),
    ("place", "suburb"): ("P", "PPLX"), ("place", "neighbourhood"): ("P", "PPLX"),
    ("place", "quarter"): ("P", "PPLX"), ("place", "state"): ("A", "ADM1"),
    ("place", "country"): ("A", "PCLI"), ("boundary", "administrative"): ("A", "ADMD"),
    ("aeroway", "aerodrome"): ("S", "AIRP"), ("military", "airfield"): ("S", "AIRB"),
    ("military", "naval_base"): ("L", "NVB"), ("landuse", "military"): ("L", "MILB"),
    ("military", "base"): ("L", "MILB"), ("natural", "peak"): ("T", "PK"),
    ("natural", "mountain_range"): ("T", "MTS"), ("natural", "ridge"): ("T", "RDGE"),
    ("waterway", "river"): ("H", "STM"), ("natural", "water"): ("H", "LK"),
    ("barrier", "border_control"): ("S", "PSTB"), ("man_made", "bridge"): ("S", "BDG"),
    ("amenity", "hospital"): ("S", "HSP"), ("amenity", "refugee_site"): ("S", "CMPRF"),
}
_OSM_CLASSES = {"place": ("P", "PPL"), "boundary": ("A", "ADMD"), "natural": ("T", "HLL"),
                "waterway": ("H", "STM"), "military": ("L", "MILB"), "aeroway": ("S", "AIRP")}


def location_feature(location: Location, source: str, query: str,
                     country: str | None) -> Feature | None:
    """A storable Feature from a geopy Location (Nominatim's raw fields when present)."""
    if location is None:
        return None
    raw = location.raw if isinstance(location.raw, dict) else {}
    osm_class = raw.get("category") or raw.get("class") or ""
    osm_type = raw.get("type") or ""
    feature_class, feature_code = _OSM_KINDS.get(
        (osm_class, osm_type), _OSM_CLASSES.get(osm_class, ("L", "LCTY")))
    address = raw.get("address") or {}
    country_code = (address.get("country_code") or country or "").upper() or None
    name = raw.get("name") or (location.address or query).split(",")[0].strip() or query
    identity = (f"{raw.get('osm_type')}:{raw.get('osm_id')}" if raw.get("osm_id")
                else f"{name}:{location.latitude:.5f}:{location.longitude:.5f}")
    return Feature(
        geonameid=synthetic_id(source, identity), name=name, lat=float(location.latitude),
        lon=float(location.longitude), feature_class=feature_class, feature_code=feature_code,
        country_code=country_code, admin1_code=None, population=0, source=source,
        names=[query])


def no_retry_adapter(*, proxies, ssl_context):
    """geopy's requests adapter without urllib3's own retries.

    Its default (2 retries) silently sleeps through a 429's Retry-After and re-sends on refused
    connections, so one lookup could hang for many seconds and hit the service three times:
    retrying is the rate limiter's and the circuit breaker's job here.
    """
    from geopy.adapters import RequestsAdapter

    return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)


def _nominatim_call(geocoder: Nominatim) -> Callable[..., Any]:
    def call(query: str, country: str | None = None):
        return geocoder.geocode(query, exactly_one=False, limit=5, addressdetails=True,
                                country_codes=country.lower() if country else None)
    return call


def _generic_call(geocoder: Geocoder) -> Callable[..., Any]:
    def call(query: str, country: str | None = None):
        # Other geopy geocoders spell the country filter differently; the name is enough.
        return geocoder.geocode(query, exactly_one=False)
    return call


class Fallback:
    """Offline first, then a chain of online geocoders (Nominatim by default).

    ``user_agent`` is required (Nominatim's policy: identify your application). ``domain`` and
    ``scheme`` point the default Nominatim elsewhere (a mirror, or a loopback test server).
    ``geocoders``: (name, geopy geocoder) pairs or bare geocoders, tried in order; build them
    with ``adapter_factory=no_retry_adapter`` so that failures reach the breaker at once.
    """

    def __init__(self, gazetteer: Gazetteer, geocoders: Sequence[Geocoder | tuple[str, Geocoder]]
                 | None = None, *, user_agent: str, timeout: float = 10.0,
                 domain: str = "nominatim.openstreetmap.org", scheme: str = "https",
                 min_delay_seconds: float | None = None, failure_threshold: int = 2,
                 reset_after: float = 300.0, negative_ttl: float = 30 * 86400.0):
        if not user_agent or not user_agent.strip():
            raise ValueError("an identifying user_agent is required (Nominatim usage policy)")
        self.gazetteer = gazetteer
        if geocoders is None:
            geocoders = [("nominatim", Nominatim(user_agent=user_agent, timeout=timeout,
                                                 domain=domain, scheme=scheme,
                                                 adapter_factory=no_retry_adapter))]
        self.chain: list[tuple[str, CircuitBreaker, GeocodeCache]] = []
        for entry in geocoders:
            name, geocoder = entry if isinstance(entry, tuple) else (
                type(entry).__name__.lower(), entry)
            is_nominatim = isinstance(geocoder, Nominatim)
            call = _nominatim_call(geocoder) if is_nominatim else _generic_call(geocoder)
            delay = min_delay_seconds if min_delay_seconds is not None else (
                1.0 if is_nominatim else 0.0)
            limited = RateLimiter(call, min_delay_seconds=delay, max_retries=0,
                                  swallow_exceptions=False)
            breaker = CircuitBreaker(limited, name=name, failure_threshold=failure_threshold,
                                     reset_after=reset_after)
            self.chain.append((name, breaker, GeocodeCache(breaker, gazetteer, name=name,
                                                           negative_ttl=negative_ttl)))

    def lookup(self, name: str, country: str | None = None) -> list[Candidate]:
        """Offline candidates if there are any, else the first online answer.

        Raises ServiceUnavailable (RateLimited for a 429) when no geocoder could answer; an
        empty list means every geocoder that answered found nothing.
        """
        offline = self.gazetteer.candidates(name, country=country)
        if offline:
            return offline
        return self.online(name, country)

    def online(self, name: str, country: str | None = None) -> list[Candidate]:
        """Ask the chain (through the cache), skipping the offline gazetteer."""
        failure: ServiceUnavailable | None = None
        answered = False
        for _name, _breaker, cached in self.chain:
            try:
                found = cached(name, country)
            except geopy_exc.GeocoderQueryError:
                answered = True
                continue
            except ServiceUnavailable as error:
                failure = error
                continue
            answered = True
            if found:
                return found
        if not answered and failure is not None:
            raise failure
        return []


#: Asked by `probe`: any answer (even "not found") shows the service is up.
_PROBE_NAME = "London"


def probe(fallback: Fallback) -> None:
    """One real request per geocoder (the cache bypassed); ServiceUnavailable if none answers.

    Used before a run that requires the fallback, so an outage stops it before any article.
    """
    failure: ServiceUnavailable | None = None
    for _name, breaker, _cached in fallback.chain:
        try:
            breaker(_PROBE_NAME, None)
        except geopy_exc.GeocoderQueryError:
            return
        except ServiceUnavailable as error:
            failure = error
            continue
        return
    if failure is not None:
        raise failure


def fallback_for(gazetteer: Gazetteer, *, user_agent: str, url: str | None = None,
                 timeout: float = 10.0) -> Fallback:
    """The fallback for ``url``: public Nominatim when None, else a private Nominatim at
    ``scheme://host[:port][/prefix]`` or a Photon when the URL ends in ``/api`` (Photon's
    endpoint). A private service gets no 1 request/s limit: that is the public one's policy.
    """
    if not url:
        return Fallback(gazetteer, user_agent=user_agent, timeout=timeout)
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"fallback URL {url!r} must be http(s)://host[:port][/path]")
    path = parts.path.rstrip("/")
    if path.endswith("/api"):
        geocoder = Photon(domain=parts.netloc + path[:-len("/api")], scheme=parts.scheme,
                          user_agent=user_agent, timeout=timeout,
                          adapter_factory=no_retry_adapter)
        return Fallback(gazetteer, [("photon", geocoder)], user_agent=user_agent,
                        min_delay_seconds=0.0)
    if path.endswith("/search"):
        path = path[:-len("/search")]
    return Fallback(gazetteer, user_agent=user_agent, timeout=timeout,
                    domain=parts.netloc + path, scheme=parts.scheme, min_delay_seconds=0.0)
