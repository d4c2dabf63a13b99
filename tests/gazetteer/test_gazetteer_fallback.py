"""The online fallback against a real HTTP server on loopback that answers like Nominatim.

Only the network edge is fake: geopy, the rate limiter, the breaker and the cache are the real
ones, talking HTTP to 127.0.0.1.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from gazetteer.errors import RateLimited, ServiceUnavailable
from gazetteer.fallback import CircuitBreaker, Fallback, no_retry_adapter

AGENT = "geomap-tests/1.0 (loopback)"

KARM_AL_JABAL = {
    "place_id": 1, "licence": "test", "osm_type": "node", "osm_id": 4242, "lat": "36.2080",
    "lon": "37.1720", "category": "place", "type": "neighbourhood", "place_rank": 20,
    "importance": 0.3, "addresstype": "neighbourhood", "name": "Karm al-Jabal",
    "display_name": "Karm al-Jabal, Aleppo, Aleppo Governorate, Syria",
    "address": {"neighbourhood": "Karm al-Jabal", "city": "Aleppo", "country": "Syria",
                "country_code": "sy"},
    "boundingbox": ["36.20", "36.21", "37.17", "37.18"],
}


class NominatimStub:
    """What the server answers (``mode``) and what it was asked (``requests``)."""

    def __init__(self):
        self.mode = "ok"
        self.requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                url = urlparse(self.path)
                query = parse_qs(url.query)
                stub.requests.append({"path": url.path, "query": query, "time": time.monotonic(),
                                      "agent": self.headers.get("User-Agent")})
                if stub.mode == "sleep":
                    time.sleep(5.0)  # far past the client's timeout
                    return self._send(200, b"[]")
                if stub.mode == "429":
                    return self._send(429, b"Too many", {"Retry-After": "7"})
                if stub.mode == "500":
                    return self._send(500, b"Internal error")
                if stub.mode == "malformed":
                    return self._send(200, b'[{"lat": "36.2", "lon": ')
                names = query.get("q", [""])
                hits = [KARM_AL_JABAL] if names[0].lower() == "karm al-jabal" else []
                return self._send(200, json.dumps(hits).encode())

            def _send(self, status, body, headers=None):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def nominatim():
    stub = NominatimStub()
    yield stub
    stub.close()


def make_fallback(gazetteer, domain, **kwargs) -> Fallback:
    options = {"user_agent": AGENT, "timeout": 0.5, "scheme": "http", "min_delay_seconds": 0.0,
               "failure_threshold": 2}
    options.update(kwargs)
    return Fallback(gazetteer, domain=domain, **options)


def test_a_hit_is_stored_and_the_second_lookup_makes_no_request(small_gazetteer, nominatim):
    fallback = make_fallback(small_gazetteer, nominatim.domain)
    [found] = fallback.lookup("Karm al-Jabal", country="SY")
    assert (found.name, found.country_code, found.source) == ("Karm al-Jabal", "SY", "nominatim")
    assert (found.lat, found.lon, found.feature_code) == (36.208, 37.172, "PPLX")
    assert len(nominatim.requests) == 1
    request = nominatim.requests[0]
    assert request["path"] == "/search" and request["agent"] == AGENT
    assert request["query"]["countrycodes"] == ["sy"]
    again = fallback.lookup("Karm al-Jabal", country="SY")
    assert [c.geonameid for c in again] == [found.geonameid]
    assert len(nominatim.requests) == 1
    # the answer is now an offline feature: a fresh fallback (new run) asks nobody
    assert small_gazetteer.candidates("Karm al-Jabal")[0].source == "nominatim"
    assert small_gazetteer.has_name("karm al jabal")


def test_not_found_is_an_empty_list_cached_until_its_ttl(small_gazetteer, nominatim):
    fallback = make_fallback(small_gazetteer, nominatim.domain)
    assert fallback.lookup("Nowhere Special") == []
    assert fallback.lookup("Nowhere Special") == []
    assert len(nominatim.requests) == 1
    expired = make_fallback(small_gazetteer, nominatim.domain, negative_ttl=0.0)
    time.sleep(0.01)
    assert expired.lookup("Nowhere Special") == []
    assert len(nominatim.requests) == 2


def test_names_the_gazetteer_knows_never_go_online(small_gazetteer, nominatim):
    fallback = make_fallback(small_gazetteer, nominatim.domain)
    assert fallback.lookup("Aleppo")[0].geonameid == 170063
    assert nominatim.requests == []


def test_429_raises_rate_limited_with_retry_after_and_holds_off(small_gazetteer, nominatim):
    nominatim.mode = "429"
    fallback = make_fallback(small_gazetteer, nominatim.domain)
    with pytest.raises(RateLimited) as raised:
        fallback.lookup("Karm al-Jabal")
    assert raised.value.retry_after == 7
    with pytest.raises(RateLimited) as again:
        fallback.lookup("Another Unknown Place")
    assert 0 < again.value.retry_after <= 7
    assert len(nominatim.requests) == 1  # the breaker honours Retry-After
    assert fallback.lookup("Aleppo")[0].country_code == "SY"  # offline still answers


def test_500_is_service_unavailable_not_cached_and_opens_after_repeats(small_gazetteer,
                                                                        nominatim):
    nominatim.mode = "500"
    fallback = make_fallback(small_gazetteer, nominatim.domain, failure_threshold=2)
    for _ in range(2):
        with pytest.raises(ServiceUnavailable) as raised:
            fallback.lookup("Karm al-Jabal")
        assert not isinstance(raised.value, RateLimited)
    with pytest.raises(ServiceUnavailable, match="circuit open"):
        fallback.lookup("Karm al-Jabal")
    assert len(nominatim.requests) == 2
    # nothing negative was cached: once the service is back, a new run gets the answer
    nominatim.mode = "ok"
    recovered = make_fallback(small_gazetteer, nominatim.domain)
    assert recovered.lookup("Karm al-Jabal")[0].name == "Karm al-Jabal"


def test_a_timeout_costs_one_timeout_per_run_not_one_per_name(small_gazetteer, nominatim):
    nominatim.mode = "sleep"
    fallback = make_fallback(small_gazetteer, nominatim.domain, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable):
        fallback.lookup("First Unknown")
    first = time.monotonic() - started
    assert 0.4 < first < 3.0  # the client gave up; it did not wait 5 s
    started = time.monotonic()
    for name in ("Second Unknown", "Third Unknown", "Fourth Unknown"):
        with pytest.raises(ServiceUnavailable, match="circuit open"):
            fallback.lookup(name)
    assert time.monotonic() - started < 0.5  # three timeouts would take 1.5 s
    assert len(nominatim.requests) == 1
    assert fallback.lookup("Tartous")[0].geonameid == 163345  # offline still answers


def test_a_refused_port_is_service_unavailable_at_once(small_gazetteer):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    fallback = make_fallback(small_gazetteer, f"127.0.0.1:{port}")
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable):
        fallback.lookup("Karm al-Jabal")
    with pytest.raises(ServiceUnavailable, match="circuit open"):
        fallback.lookup("Karm al-Jabal")
    assert time.monotonic() - started < 1.5


def test_malformed_json_is_service_unavailable_not_not_found(small_gazetteer, nominatim):
    nominatim.mode = "malformed"
    fallback = make_fallback(small_gazetteer, nominatim.domain)
    with pytest.raises(ServiceUnavailable):
        fallback.lookup("Karm al-Jabal")
    nominatim.mode = "ok"
    # not cached as "not found"
    assert make_fallback(small_gazetteer, nominatim.domain).lookup("Karm al-Jabal")


def test_rate_limiter_spaces_requests(small_gazetteer, nominatim):
    fallback = make_fallback(small_gazetteer, nominatim.domain, min_delay_seconds=0.5)
    # The limiter spaces the *starts* of calls. The server's arrival time of the first request
    # can lag its start on a loaded machine, so the clock starts here, on the client.
    started = time.monotonic()
    fallback.lookup("Unknown One")
    fallback.lookup("Unknown Two")
    assert len(nominatim.requests) == 2
    assert nominatim.requests[1]["time"] - started >= 0.5


def test_nominatim_defaults_to_one_request_per_second(small_gazetteer):
    fallback = Fallback(small_gazetteer, user_agent=AGENT)
    [(name, breaker, _cache)] = fallback.chain
    assert name == "nominatim" and breaker.func.min_delay_seconds == 1.0
    assert breaker.func.swallow_exceptions is False


def test_a_chain_falls_through_to_the_next_geocoder(small_gazetteer, nominatim):
    from geopy.geocoders import Nominatim

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"127.0.0.1:{probe.getsockname()[1]}"
    options = {"user_agent": AGENT, "scheme": "http", "timeout": 0.5,
               "adapter_factory": no_retry_adapter}
    chain = [("dead", Nominatim(domain=dead, **options)),
             ("alive", Nominatim(domain=nominatim.domain, **options))]
    fallback = Fallback(small_gazetteer, chain, user_agent=AGENT, min_delay_seconds=0.5)
    [found] = fallback.lookup("Karm al-Jabal")
    assert found.source == "alive"


def test_user_agent_is_required(small_gazetteer):
    with pytest.raises(ValueError, match="user_agent"):
        Fallback(small_gazetteer, user_agent="  ")


def test_breaker_half_opens_after_its_cool_down():
    from geopy.exc import GeocoderUnavailable

    now = [0.0]
    calls = []

    def flaky(query):
        calls.append(query)
        if len(calls) == 1:
            raise GeocoderUnavailable("down")
        return ["ok"]

    breaker = CircuitBreaker(flaky, reset_after=60, clock=lambda: now[0])
    with pytest.raises(ServiceUnavailable):
        breaker("a")
    with pytest.raises(ServiceUnavailable, match="circuit open"):
        breaker("b")
    now[0] = 61.0
    assert breaker("c") == ["ok"] and not breaker.is_open
    assert calls == ["a", "c"]
