"""`geomap gazetteer download` against a loopback GeoNames server (http.server, Range support).

The server serves ZIPs built here from rows written for these tests (made-up villages at
made-up points), a truncated ZIP, a 404, and a body cut off mid-way; the tests check what lands
in a scratch gazetteer, what the server saw, and that a failure leaves the file as it was.
"""

from __future__ import annotations

import hashlib
import io
import logging
import socket
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from gazetteer.download import DEFAULT_BASE_URL, downloaded_countries, ensure_countries
from gazetteer.importer import import_files
from geomap.cli import main
from geomap.cli.gazetteer import GEONAMES_URL
from geomap.errors import EXIT_NO_INPUT, EXIT_OK, EXIT_PARTIAL, EXIT_SERVICE


def row(geonameid: int, name: str, lat: float, lon: float, country: str, admin1: str,
        admin2: str, alternates: str = "", feature_class: str = "P",
        feature_code: str = "PPL") -> str:
    """One GeoNames dump row (19 columns), admin2 code included."""
    return "\t".join([str(geonameid), name, name, alternates, str(lat), str(lon), feature_class,
                      feature_code, country, "", admin1, admin2, "", "", "0", "", "500",
                      "Asia/Kabul", "2024-01-01"])


# Made-up villages of two made-up districts in Afghanistan's Kunar (admin1 "04"): district 0401
# has three villages (one misfiled far away, which the median must ignore), 0402 has one.
AF_ROWS = [
    row(9100001, "Qalat Sarkhana", 34.90, 71.10, "AF", "04", "0401", "Qala Sarkhana"),
    row(9100002, "Dara Nawi", 34.94, 71.16, "AF", "04", "0401"),
    row(9100003, "Shin Kalay", 34.98, 71.20, "AF", "04", "0401"),
    row(9100004, "Bar Tangi", 31.00, 65.00, "AF", "04", "0401"),  # misfiled
    row(9100005, "Pasha Ghar", 35.20, 71.40, "AF", "04", "0402"),
]
AF_ALTERNATES = ["1\t9100002\tps\tدره نوی\t\t\t\t\t\t", "2\t9100002\ten\tDarra-e Nawi\t\t\t\t\t\t",
                 "3\t9999999\ten\tNowhere Here\t\t\t\t\t\t"]
SY_ROWS = [row(9200001, "Tall Zaytuna", 36.30, 37.40, "SY", "09", "SY0901")]
ADMIN2 = ["AF.04.0401\tSarkhana District\tSarkhana District\t9300001",
          "AF.04.0402\tPasha\tPasha\t9300002",
          "AF.04.0499\tEmpty\tEmpty\t9300003",  # no village here: nothing to place it by
          "SY.09.SY0901\tZaytuna\tZaytuna\t9300004"]


def zipped(member: str, lines: list[str], size: int = 0) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # Filler comment rows are not GeoNames rows: pad with extra members instead, so the
        # body is long enough to be cut mid-way.
        archive.writestr(member, "\n".join(lines) + "\n")
        if size:
            archive.writestr("readme.txt", "x" * size, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


class GeoNamesServer:
    """Serves ``files`` by URL path; records each request; can cut bodies short."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.cut_once: set[str] = set()  # paths whose next body stops half-way
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append({"path": self.path, **dict(self.headers)})
                data = server.files.get(self.path)
                if data is None:
                    self.send_error(404)
                    return
                start = 0
                wanted = self.headers.get("Range", "")
                if self.headers.get("If-Range", '"v1"') != '"v1"':
                    wanted = ""  # the file changed since that part was fetched: send it whole
                if wanted.startswith("bytes="):
                    start = int(wanted[6:].split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(data) - start))
                self.send_header("ETag", '"v1"')
                self.end_headers()
                body = data[start:]
                if self.path in server.cut_once:
                    server.cut_once.discard(self.path)
                    self.wfile.write(body[:len(body) // 2])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def paths(self) -> list[str]:
        return [request["path"] for request in self.requests]


@pytest.fixture
def server():
    geonames = GeoNamesServer()
    geonames.files = {
        "/export/dump/AF.zip": zipped("AF.txt", AF_ROWS, size=100_000),
        "/export/dump/alternatenames/AF.zip": zipped("AF.txt", AF_ALTERNATES),
        "/export/dump/SY.zip": zipped("SY.txt", SY_ROWS),
        "/export/dump/alternatenames/SY.zip": zipped("SY.txt", []),
        "/export/dump/admin2Codes.txt": ("\n".join(ADMIN2) + "\n").encode(),
    }
    geonames.thread.start()
    yield geonames
    geonames.httpd.shutdown()
    geonames.httpd.server_close()


@pytest.fixture
def base(tmp_path: Path, sample_geonames: Path) -> Path:
    """A small scratch gazetteer (the conftest's sample rows) to download into."""
    database = tmp_path / "gaz" / "gazetteer.sqlite"
    import_files(database, [sample_geonames])
    return database


def fingerprint(database: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(database.parent.glob(database.name + "*")):
        if not path.name.endswith((".lock", "-shm", "-wal")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def download(base: Path, *args: str) -> int:
    return main(["gazetteer", "--gazetteer", str(base), "download", "--no-progress",
                 "--retries", "2", "--retry-wait", "0", *args])


def lookup(database: Path, name: str, **kwargs):
    gaz = Gazetteer.open(database)
    try:
        return gaz.candidates(name, **kwargs)
    finally:
        gaz.close()


def test_download_imports_places_alternate_names_and_districts(base, server, capsys):
    assert download(base, "AF", "--base-url", server.url) == EXIT_OK
    assert "imported: AF" in capsys.readouterr().out
    village = lookup(base, "Darra-e Nawi")[0]  # an alternate name, from alternatenames/AF.zip
    assert (village.geonameid, village.admin1_code) == (9100002, "04")
    assert (village.admin2_code, village.admin2_name) == ("0401", "Sarkhana District")
    district = lookup(base, "Sarkhana district", kinds=["ADM2"])[0]
    assert (district.geonameid, district.feature_class, district.admin1_code) == (9300001, "A",
                                                                                  "04")
    # The median of its four villages: the misfiled one far south does not move it.
    assert (district.lat, district.lon) == pytest.approx((34.92, 71.13))
    assert lookup(base, "Pasha District")[0].geonameid == 9300002
    assert not lookup(base, "Empty district")  # no village to place it by
    assert not lookup(base, "Zaytuna district")  # SY not downloaded: no places there
    assert downloaded_countries(base) == {"AF"}
    assert lookup(base, "Aleppo")  # what was there before is still there


def test_user_agent_default_and_override(base, server):
    assert download(base, "SY", "--base-url", server.url) == EXIT_OK
    agents = {request["User-Agent"] for request in server.requests}
    assert len(agents) == 1 and agents.pop().startswith("geomap/")
    server.requests.clear()
    assert download(base, "SY", "--force", "--base-url", server.url,
                    "--user-agent", "mapping-desk/2 (ops@example.org)") == EXIT_OK
    assert {r["User-Agent"] for r in server.requests} == {"mapping-desk/2 (ops@example.org)"}
    assert GEONAMES_URL == DEFAULT_BASE_URL


def test_already_downloaded_countries_are_skipped_unless_forced(base, server, capsys):
    assert download(base, "SY", "--base-url", server.url) == EXIT_OK
    server.requests.clear()
    assert download(base, "sy", "--base-url", server.url) == EXIT_OK
    assert server.requests == []
    assert "already imported" in capsys.readouterr().out
    assert download(base, "SY", "--force", "--base-url", server.url) == EXIT_OK
    assert "/export/dump/SY.zip" in server.paths()


def test_a_partial_file_in_the_cache_is_resumed_with_a_range_request(base, server, tmp_path):
    cache = tmp_path / "cache"
    data = server.files["/export/dump/AF.zip"]
    host = server.url.split("//")[1].replace(":", "_")
    part = cache / host / "AF.zip.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(data[:5000])
    assert download(base, "AF", "--base-url", server.url, "--cache-dir", str(cache)) == EXIT_OK
    first = next(r for r in server.requests if r["path"] == "/export/dump/AF.zip")
    assert first["Range"] == "bytes=5000-"
    assert lookup(base, "Shin Kalay")
    assert not any(cache.rglob("*.zip*"))  # imported: the cache is emptied


def test_a_body_cut_off_mid_way_is_resumed(base, server):
    server.cut_once.add("/export/dump/AF.zip")
    assert download(base, "AF", "--base-url", server.url) == EXIT_OK
    tries = [r for r in server.requests if r["path"] == "/export/dump/AF.zip"]
    assert len(tries) == 2 and "Range" not in tries[0]
    assert tries[1]["Range"].startswith("bytes=") and tries[1]["If-Range"] == '"v1"'
    assert lookup(base, "Pasha Ghar")


def test_a_404_is_reported_and_the_other_countries_imported(base, server, capsys):
    assert download(base, "AF", "YE", "--base-url", server.url) == EXIT_PARTIAL
    err = capsys.readouterr().err
    assert f"{server.url}/export/dump/YE.zip: not on the server (HTTP 404)" in err
    assert lookup(base, "Shin Kalay")
    assert downloaded_countries(base) == {"AF"}


def test_a_truncated_zip_leaves_the_gazetteer_untouched(base, server, capsys):
    whole = server.files["/export/dump/AF.zip"]
    server.files["/export/dump/AF.zip"] = whole[:len(whole) - 300]  # served whole, yet broken
    before = fingerprint(base)
    assert download(base, "AF", "--base-url", server.url) == EXIT_NO_INPUT
    assert "damaged ZIP" in capsys.readouterr().err
    assert server.paths().count("/export/dump/AF.zip") == 3  # first try + 2 retries
    assert fingerprint(base) == before
    assert not list(base.parent.glob(".*importing*"))


def test_an_unreachable_server_exits_6_and_touches_nothing(base, capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = fingerprint(base)
    url = f"http://127.0.0.1:{port}"
    assert download(base, "SY", "--base-url", url, "--retries", "0") == EXIT_SERVICE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{url}/export/dump/SY.zip" in err[0]
    assert fingerprint(base) == before


def test_a_failed_import_leaves_the_gazetteer_as_it_was(base, server, monkeypatch):
    import gazetteer.download as download_module

    def import_then_die(database, items, **kwargs):
        import_files(database, items, **kwargs)
        raise OSError("disk full")

    monkeypatch.setattr(download_module, "import_files", import_then_die)
    before = fingerprint(base)
    with pytest.raises(OSError, match="disk full"):  # an internal error: main re-raises it
        download(base, "AF", "--base-url", server.url)
    assert fingerprint(base) == before
    assert not list(base.parent.glob(".*importing*"))


def test_bad_country_codes_are_a_usage_error(base, server):
    assert download(base, "XX", "--base-url", server.url) == 2
    assert server.requests == []


def test_run_hook_downloads_missing_countries_only_when_online(base, server, caplog):
    log = logging.getLogger("geomap.test")
    with caplog.at_level(logging.INFO, logger="geomap.test"):
        ensure_countries(base, ["SY"], offline=True, log=log)
    assert server.requests == [] and "SY not downloaded yet" in caplog.text
    ensure_countries(base, ["SY"], offline=False, base_url=server.url, log=log)
    assert downloaded_countries(base) == {"SY"}
    server.requests.clear()
    ensure_countries(base, ["SY"], offline=False, base_url=server.url, log=log)
    assert server.requests == []  # once


def test_run_config_key_lists_the_countries(tmp_path):
    from geomap.config import config_from_mapping

    config = config_from_mapping({"sources": {"paths": ["news"]},
                                  "outputs": {"csv": "events.csv"},
                                  "gazetteer": {"countries": ["SY", "UA"], "offline": False}},
                                 base=tmp_path)
    assert config.gazetteer_countries == ["SY", "UA"] and not config.offline


def test_progress_is_a_bar_on_request_and_log_lines_otherwise(base, server, capsys, monkeypatch):
    import gazetteer.fetch

    monkeypatch.setattr(gazetteer.fetch, "LOG_EVERY", 0.0)
    assert download(base, "AF", "--base-url", server.url) == EXIT_OK
    err = capsys.readouterr().err
    assert f"{server.url}/export/dump/AF.zip: 0.1 of 0.1 MB" in err
    assert main(["gazetteer", "--gazetteer", str(base), "download", "--force", "--progress",
                 "--base-url", server.url, "SY"]) == EXIT_OK
    assert "SY.zip" in capsys.readouterr().err  # tqdm's bar, labelled with the file


def test_an_instance_opened_before_the_download_is_reopened_after(base, server):
    before = Gazetteer.open(base)
    assert not before.candidates("Tall Zaytuna")
    assert download(base, "SY", "--base-url", server.url) == EXIT_OK
    after = Gazetteer.open(base)
    try:
        assert after is not before and after.candidates("Tall Zaytuna")
    finally:
        after.close()


def test_a_partial_file_of_an_older_version_is_not_spliced(base, server, tmp_path):
    cache = tmp_path / "cache"
    host = server.url.split("//")[1].replace(":", "_")
    part = cache / host / "AF.zip.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(b"PK-bytes-of-yesterday's-file" * 100)
    (cache / host / "AF.zip.part.validator").write_text('"v0"', encoding="utf-8")
    assert download(base, "AF", "--base-url", server.url, "--cache-dir", str(cache)) == EXIT_OK
    first = next(r for r in server.requests if r["path"] == "/export/dump/AF.zip")
    assert first["If-Range"] == '"v0"'  # the server answered 200 with the whole new file
    assert lookup(base, "Shin Kalay")


def test_all_means_every_country_geonames_has():
    from gazetteer.download import parse_countries

    codes = parse_countries(["all"])
    assert {"SY", "UA", "AF", "XK", "US"} <= set(codes) and len(codes) >= 249
    assert parse_countries(["sy", "SY", "ua"]) == ["SY", "UA"]
