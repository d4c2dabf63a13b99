"""`geomap gazetteer download`: GeoNames country dumps fetched, checked and imported in one go.

For each country, ``<base>/export/dump/XX.zip`` (its features) and
``<base>/export/dump/alternatenames/XX.zip`` (their other names), plus
``<base>/export/dump/admin2Codes.txt`` (district names: districts become places, see
gazetteer/districts.py). Everything is downloaded and checked first (gazetteer/fetch.py), into a
cache directory where a broken-off download resumes; then imported in one go into a **copy** of
the gazetteer that replaces the original by a rename. A failure or a kill -9 at any point leaves
the gazetteer as it was: the importer commits file by file, so importing in place could leave
half a country behind.

Countries already downloaded (``meta`` key ``downloaded:XX``) are skipped unless ``force``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from gazetteer import store
from gazetteer.fetch import FetchSettings, FileUnavailable, fetch
from gazetteer.importer import ImportReport, import_files
from gazetteer.nameindex import move_name_index
from gazetteer.paths import exclusive_lock

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://download.geonames.org"
PROJECT_URL = "https://pypi.org/project/geomap/"
_META_PREFIX = "downloaded:"
#: GeoNames publishes a dump for every ISO 3166 country and for Kosovo.
_EXTRA_COUNTRIES = ("XK",)


def default_user_agent() -> str:
    """geomap/<version> (+ where to find the project): GeoNames asks heavy users to identify."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("geomap")
    except PackageNotFoundError:
        release = "dev"
    return f"geomap/{release} (gazetteer download; +{PROJECT_URL})"


def all_countries() -> list[str]:
    import pycountry

    return sorted({country.alpha_2 for country in pycountry.countries} | set(_EXTRA_COUNTRIES))


def parse_countries(codes: Iterable[str]) -> list[str]:
    """ISO2 codes in the order given, ``all`` for every country; ValueError names a bad one."""
    known = set(all_countries())
    chosen: list[str] = []
    for code in codes:
        if code.lower() == "all":
            chosen.extend(sorted(known))
            continue
        upper = code.strip().upper()
        if upper not in known:
            raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code (or 'all')")
        chosen.append(upper)
    return list(dict.fromkeys(chosen))


def downloaded_countries(database: str | Path) -> set[str]:
    """Countries this gazetteer file already holds from a download."""
    if not Path(database).is_file():
        return set()
    with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
        try:
            rows = conn.execute("SELECT key FROM meta WHERE key LIKE ?", (_META_PREFIX + "%",))
            return {key[len(_META_PREFIX):] for (key,) in rows}
        except sqlite3.Error:
            return set()  # not ours: the import reports that clearly


@dataclass
class DownloadReport:
    requested: list[str]
    skipped: list[str] = field(default_factory=list)  # already here
    imported: list[str] = field(default_factory=list)  # fetched, then imported together
    failures: list[str] = field(default_factory=list)  # one line per file we could not have
    failed_countries: list[str] = field(default_factory=list)
    imports: list[ImportReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and all(report.ok for report in self.imports)


def download_countries(database: str | Path, countries: Iterable[str], *,
                       base_url: str = DEFAULT_BASE_URL, user_agent: str | None = None,
                       cache_dir: str | Path | None = None, force: bool = False,
                       retries: int = 3, retry_wait: float = 2.0,
                       progress: bool | None = None,
                       log: logging.Logger = logger) -> DownloadReport:
    """Download and import ``countries`` (ISO2) into ``database``.

    Raises ServiceUnavailable (before touching the gazetteer) when the server cannot be reached.
    """
    database = Path(database)
    countries = list(countries)
    report = DownloadReport(requested=countries)
    cache = Path(cache_dir) if cache_dir else default_cache_dir(database)
    cache = cache / (urlsplit(base_url).netloc.replace(":", "_") or "local")
    # One downloader per cache: two would write the same .part files. Whoever waited here
    # then sees what the other imported.
    with exclusive_lock(cache / "download"):
        have = set() if force else downloaded_countries(database)
        report.skipped = [code for code in countries if code in have]
        wanted = [code for code in countries if code not in have]
        if not wanted:
            return report
        settings = FetchSettings(user_agent=user_agent or default_user_agent(),
                                 retries=retries, retry_wait=retry_wait, progress=progress,
                                 log=log)
        items = _fetch_all(base_url.rstrip("/") + "/export/dump", cache, wanted, settings,
                           report)
        if not report.imported:
            return report
        report.imports = import_into_copy(database, items, report.imported)
        for path, _ in items:  # imported: the cache keeps only what still has to be fetched
            path.unlink(missing_ok=True)
    return report


def _fetch_all(dump: str, cache: Path, wanted: list[str], settings: FetchSettings,
               report: DownloadReport) -> list[tuple[Path, str]]:
    """Every file of ``wanted`` that can be had, as (path, kind); the rest in ``report``."""
    import requests

    items: list[tuple[Path, str]] = []
    with requests.Session() as session:
        for code in wanted:
            try:
                items.append((fetch(session, f"{dump}/{code}.zip", cache / f"{code}.zip",
                                    settings), "geonames"))
            except FileUnavailable as error:
                report.failures.append(str(error))
                report.failed_countries.append(code)
                continue
            report.imported.append(code)
            try:
                items.append((fetch(session, f"{dump}/alternatenames/{code}.zip",
                                    cache / "alternatenames" / f"{code}.zip", settings),
                              "alternatenames"))
            except FileUnavailable as error:
                report.failures.append(str(error))  # the places come in without them
        if report.imported:
            try:
                items.append((fetch(session, f"{dump}/admin2Codes.txt",
                                    cache / "admin2Codes.txt", settings), "admin2"))
            except FileUnavailable as error:
                report.failures.append(f"{error} (no districts)")
    return items


def default_cache_dir(database: Path) -> Path:
    """Downloads sit beside the gazetteer: same disk, so the space check is the user's one."""
    return database.parent / "downloads"


def import_into_copy(database: Path, items: list[tuple[Path, str]],
                     countries: list[str]) -> list[ImportReport]:
    """Import into a copy of ``database`` and rename it into place (under the file's lock)."""
    database.parent.mkdir(parents=True, exist_ok=True)
    if not database.is_file():
        from gazetteer.build import build_default

        build_default(database)  # the countries' places join the embedded default
    with exclusive_lock(database):
        for leftover in database.parent.glob(f".{database.name}.*.importing*"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()  # of an import killed mid-way; we hold the lock
        temp = database.with_name(f".{database.name}.{os.getpid()}.importing")
        try:
            _copy_database(database, temp)
            reports = import_files(temp, items, create=False, scratch=True)
            with contextlib.closing(store.connect(temp)) as conn:
                stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
                store.set_meta(conn, **{_META_PREFIX + code: stamp for code in countries})
                conn.commit()
                conn.execute("PRAGMA main.wal_checkpoint(TRUNCATE)")
            move_name_index(temp, database)
            # WAL/SHM files of the old database must not be applied to the new one.
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{database}{suffix}")
            os.replace(temp, database)
            _forget_open_instance(database)
        finally:
            # The copy, its WAL, lock and name-index shards all start with the copy's name.
            for leftover in database.parent.glob(f".{database.name}.{os.getpid()}.importing*"):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
    return reports


def _forget_open_instance(database: Path) -> None:
    """An instance opened before the swap reads the old file: the next open() reads the new."""
    from gazetteer import core

    stale = core._instances.get(database.resolve())  # noqa: SLF001 -- same package
    if stale is not None:
        stale.close()


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy (SQLite's backup API: the WAL's committed pages included)."""
    store.connect(source).close()  # a foreign or old file fails here, clearly
    with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
            contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def ensure_countries(database: str | Path, countries: Iterable[str], *, offline: bool,
                     user_agent: str | None = None, base_url: str = DEFAULT_BASE_URL,
                     log: logging.Logger = logger) -> None:
    """`geomap run`'s hook for ``gazetteer.countries``: fetch the missing ones once, if online.

    Never fails the run: offline or on a failed download it logs what is missing and goes on.
    """
    from gazetteer.errors import GazetteerError

    database = Path(database)
    try:
        wanted = parse_countries(countries)
    except ValueError as error:
        log.warning("gazetteer.countries: %s; not downloading", error)
        return
    missing = [code for code in wanted if code not in downloaded_countries(database)]
    if not missing:
        return
    if offline:
        log.warning("gazetteer.countries: %s not downloaded yet and gazetteer.offline = true; "
                       "going on with the gazetteer as it is", ", ".join(missing))
        return
    log.info("gazetteer.countries: downloading %s from %s", ", ".join(missing), base_url)
    try:
        report = download_countries(database, missing, base_url=base_url,
                                    user_agent=user_agent, progress=False, log=log)
    except GazetteerError as error:
        log.warning("gazetteer.countries: download failed (%s); going on without %s",
                       error, ", ".join(missing))
        return
    for line in report.failures:
        log.warning("gazetteer.countries: %s", line)
    if report.imported:
        log.info("gazetteer.countries: imported %s", ", ".join(report.imported))
