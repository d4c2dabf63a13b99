"""Resumable, checked HTTP downloads of GeoNames files (through ``requests``, already a
dependency via folium).

A file is written to ``<target>.part`` and renamed to ``<target>`` only once it is whole: its
size matches Content-Length (or the total of Content-Range) and, for a ZIP, ``testzip`` finds
every member intact. A dropped connection or a short body keeps the partial file and the next
attempt asks for the rest with an HTTP Range request (``If-Range`` with the server's validator,
so a file that changed on the server in between is fetched whole instead of spliced).

Failures come in two kinds the caller treats differently: :class:`FileUnavailable` (a 404, or
a file still broken after every attempt) concerns one file; ``ServiceUnavailable`` (no
connection, the server failing) concerns the whole download.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import requests

from gazetteer.errors import GazetteerError, ServiceUnavailable

logger = logging.getLogger(__name__)

#: Seconds to connect, seconds without a byte before a read gives up.
TIMEOUT = (15, 60)
#: Small enough that a cut-off body loses little: the read that fails discards its chunk.
_CHUNK = 1 << 14
#: Without a terminal, one progress line per this many seconds.
LOG_EVERY = 10.0


class FileUnavailable(GazetteerError):
    """One file could not be had (absent on the server, or broken after every attempt)."""


class _Retry(Exception):
    """This attempt failed in a way another attempt may fix."""


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str
    retries: int = 3  # attempts after the first
    retry_wait: float = 2.0  # seconds, times the attempt number
    progress: bool | None = None  # a tqdm bar; None: when stderr is a terminal
    log: logging.Logger = logger  # retries and (without a bar) progress lines go here


def fetch(session: requests.Session, url: str, target: Path, settings: FetchSettings) -> Path:
    """``url`` saved whole at ``target`` (resumed from ``target.part`` if one is there)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    last = ""
    unreachable = False
    for attempt in range(settings.retries + 1):
        if attempt:
            time.sleep(settings.retry_wait * attempt)
        try:
            _download_once(session, url, part, settings)
            if target.suffix.lower() == ".zip":
                check_zip(part)
            part.replace(target)
            _validator_path(part).unlink(missing_ok=True)
            return target
        except (requests.ConnectionError, requests.Timeout) as error:
            # Raised before any response: nobody answers at that address. One more try covers
            # a blip; a dead network must not cost every retry's timeout (a cron job waits).
            unreachable, last = True, _reason(error)
            if attempt >= 1:
                break
        except _Retry as error:
            unreachable, last = False, str(error)
        except zipfile.BadZipFile as error:
            # A whole-sized but broken archive cannot be resumed: fetch it again from zero.
            unreachable, last = False, f"damaged ZIP ({error})"
            _discard(part)
        if attempt < settings.retries:  # the last failure is the exception's message
            settings.log.info("%s: %s (attempt %d of %d, retrying)", url, last, attempt + 1,
                              settings.retries + 1)
    if unreachable:
        raise ServiceUnavailable(f"cannot reach {url}: {last}")
    raise FileUnavailable(f"{url}: {last} after {settings.retries + 1} attempts")


def check_zip(path: Path) -> None:
    """Raise zipfile.BadZipFile unless every member of the archive reads back intact."""
    with zipfile.ZipFile(path) as archive:
        if not any(name.endswith(".txt") for name in archive.namelist()):
            raise zipfile.BadZipFile("no .txt member")
        broken = archive.testzip()
        if broken is not None:
            raise zipfile.BadZipFile(f"member {broken} fails its CRC check")


def _download_once(session: requests.Session, url: str, part: Path,
                   settings: FetchSettings) -> None:
    offset = part.stat().st_size if part.is_file() else 0
    headers = {"User-Agent": settings.user_agent}
    validator = _validator_path(part)
    if offset:
        headers["Range"] = f"bytes={offset}-"
        if validator.is_file():
            headers["If-Range"] = validator.read_text(encoding="utf-8")
    response = session.get(url, headers=headers, stream=True, timeout=TIMEOUT)
    with response:
        status = response.status_code
        if status in (404, 410):
            raise FileUnavailable(f"{url}: not on the server (HTTP {status})")
        if status == 416:  # our partial file is no prefix of theirs
            _discard(part)
            raise _Retry("the partial file does not fit the server's; starting over")
        if status == 429 or status >= 500:
            raise _Retry(f"HTTP {status} from the server")
        if status == 206:
            start, total = _content_range(response.headers.get("Content-Range", ""))
            if start != offset:
                _discard(part)
                raise _Retry(f"the server resumed at byte {start}, not {offset}")
            mode = "ab"
        elif status == 200:
            offset, mode = 0, "wb"
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
        else:
            raise ServiceUnavailable(f"{url}: HTTP {status} {response.reason}")
        tag = response.headers.get("ETag") or response.headers.get("Last-Modified")
        if tag:
            validator.write_text(tag, encoding="utf-8")
        with open(part, mode) as out, _Progress(url, offset, total, settings) as bar:
            try:
                for chunk in response.iter_content(_CHUNK):
                    out.write(chunk)
                    bar.update(len(chunk))
            except (requests.ConnectionError, requests.Timeout,
                    requests.exceptions.ChunkedEncodingError) as error:
                raise _Retry(f"connection lost after {offset + bar.done:,} bytes "
                             f"({_reason(error)})") from None
    size = part.stat().st_size
    if total is not None and size != total:
        if size > total:
            _discard(part)
        raise _Retry(f"got {size:,} of {total:,} bytes")


def _content_range(value: str) -> tuple[int, int | None]:
    match = re.fullmatch(r"bytes (\d+)-\d+/(\d+|\*)", value.strip())
    if not match:
        return -1, None
    return int(match[1]), None if match[2] == "*" else int(match[2])


def _validator_path(part: Path) -> Path:
    return part.with_name(part.name + ".validator")


def _discard(part: Path) -> None:
    part.unlink(missing_ok=True)
    _validator_path(part).unlink(missing_ok=True)


def _reason(error: BaseException) -> str:
    """The innermost cause, one line: 'Connection refused', not three nested reprs."""
    while error.__context__ is not None and error.__context__ is not error:
        error = error.__context__
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text.split("] ")[-1] if "] " in text else text


class _Progress:
    """A tqdm bar on a terminal; a log line every LOG_EVERY seconds otherwise."""

    def __init__(self, url: str, offset: int, total: int | None, settings: FetchSettings):
        self.url, self.offset, self.total, self.done = url, offset, total, 0
        self.log = settings.log
        show = sys.stderr.isatty() if settings.progress is None else settings.progress
        self.bar = None
        if show:
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=offset, unit="B", unit_scale=True,
                            unit_divisor=1024, desc=url.rsplit("/", 2)[-1], file=sys.stderr,
                            leave=False)
        self.logged = time.monotonic()

    def update(self, count: int) -> None:
        self.done += count
        if self.bar is not None:
            self.bar.update(count)
        elif time.monotonic() - self.logged >= LOG_EVERY:
            self.logged = time.monotonic()
            total = f" of {self.total / 1e6:.1f}" if self.total else ""
            self.log.info("%s: %.1f%s MB", self.url, (self.offset + self.done) / 1e6, total)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            with contextlib.suppress(Exception):
                self.bar.close()
