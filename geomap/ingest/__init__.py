"""Read articles from files, directories, globs and feeds: `iter_articles(inputs)`.

    >>> problems = []  # doctest: +SKIP
    >>> for article in iter_articles(["articles/", "feeds/*.xml"], problems=problems):
    ...     print(article.id, article.published)

Formats by extension: .txt/.text (one article; id = file stem), .html/.htm (trafilatura: main text,
title, date, URL), .jsonl/.ndjson and .csv (one article per line/row: `id`, `text`, optional
`published` or `date`, `title`, `url`, `source`), .xml/.rss/.atom (RSS/Atom feed entries).
Directories are searched recursively for these extensions (hidden files skipped); a file named
explicitly with another extension, and standard input (``-``), are sniffed by content (feed, HTML,
JSON lines, CSV with a ``text`` column, else plain text; a single JSON document such as a GeoJSON
file is no article and is reported, not read as text). http(s) URLs are feeds, fetched only when
``offline=False``.

Nothing here raises for a bad input: an unreadable file, an undecodable one, a bad JSONL line or
CSV row is appended to ``problems`` as InputError(path, line) and skipped; the rest go on.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from geomap.errors import InputError
from geomap.ingest.decode import decode_bytes
from geomap.ingest.documents import html_article, text_article
from geomap.ingest.feeds import fetch, looks_like_feed, read_feed
from geomap.ingest.records import jsonl_lines, read_csv, read_jsonl
from geomap.model import Article

FORMATS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_GLOB_CHARACTERS = frozenset("*?[")
#: The input name that means standard input.
STDIN = "-"


def iter_articles(inputs: Iterable[str | os.PathLike], *, published: date | None = None,
                  problems: list | None = None, offline: bool = True,
                  user_agent: str | None = None) -> Iterator[Article]:
    """Yield the articles of every input, in input order (directories and globs sorted).

    ``published`` is the date of inputs that carry none (plain text, records without a date).
    ``problems`` collects an InputError per skipped file or line; pass a list to see them.
    """
    if problems is None:
        problems = []
    used_ids: set[str] = set()
    for location in expand_inputs(inputs, problems):
        if location == STDIN:
            yield from _read_data(sys.stdin.buffer.read(), "<stdin>", "stdin", None, published,
                                  problems, used_ids)
        elif isinstance(location, str):
            if offline:
                problems.append(InputError("feed URL skipped: running offline", location))
                continue
            try:
                data = fetch(location, user_agent=user_agent)
            except InputError as error:
                problems.append(error)
                continue
            yield from read_feed(data, location, published, problems)
        else:
            yield from _read_file(location, published, problems, used_ids)


def iter_records(inputs: Iterable[str | os.PathLike], *, problems: list | None = None,
                 published: date | None = None) -> Iterator[tuple[str, dict]]:
    """(where, record) per document, for commands that need more than the article: JSONL lines
    as they are (gold spans, verbs and labels stay), every other format as the records of its
    articles ({"id", "text", "published", "title", "url", "source"}). Offline: no feed URLs.
    """
    if problems is None:
        problems = []
    for location in expand_inputs(inputs, problems):
        if isinstance(location, str) and location != STDIN:
            problems.append(InputError("feed URL skipped: running offline", location))
            continue
        name = "<stdin>" if location == STDIN else str(location)
        try:
            data = sys.stdin.buffer.read() if location == STDIN else location.read_bytes()
        except OSError as error:
            problems.append(InputError(f"cannot read: {error.strerror or error}", name))
            continue
        path = None if location == STDIN else location
        kind = (FORMATS.get(path.suffix.lower()) if path is not None else None) or _sniff(data)
        if kind == "jsonl":
            yield from _jsonl_records(data, name, problems)
            continue
        for article in _read_data(data, name, "stdin" if path is None else None, path,
                                  published, problems, set()):
            yield article.path or name, {
                "id": article.id, "text": article.text, "published": article.published,
                "title": article.title, "url": article.url, "source": article.source}


def _jsonl_records(data: bytes, name: str, problems: list) -> Iterator[tuple[str, dict]]:
    try:
        text = decode_bytes(data, name)
    except InputError as error:
        problems.append(error)
        return
    for number, record in jsonl_lines(text, name, problems):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(InputError("a line must be an object with a 'text' string",
                                       name, number))
            continue
        yield f"{name}:{number}", record


def expand_inputs(inputs: Iterable[str | os.PathLike],
                  problems: list) -> Iterator[Path | str]:
    """Paths of readable-looking files (and URL strings), each once, in a stable order."""
    seen: set[Path] = set()
    for item in inputs:
        text = os.fspath(item)
        if text == STDIN or text.startswith(("http://", "https://")):
            yield text
            continue
        path = Path(text).expanduser()
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*")
                if p.suffix.lower() in FORMATS and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists() or path.is_symlink():
            candidates = [path]
        elif _GLOB_CHARACTERS & set(text):
            candidates = sorted(Path(p) for p in glob.glob(str(path), recursive=True)
                                if not Path(p).is_dir())
            if not candidates:
                problems.append(InputError("no file matches this pattern", text))
        else:
            problems.append(InputError("no such file or directory", text))
            candidates = []
        for candidate in candidates:
            key = candidate.absolute()
            if key not in seen:
                seen.add(key)
                yield candidate


def _read_file(path: Path, published: date | None, problems: list,
               used_ids: set[str]) -> Iterator[Article]:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(InputError(f"cannot read: {error.strerror or error}", str(path)))
        return
    yield from _read_data(data, str(path), None, path, published, problems, used_ids)


def _read_data(data: bytes, name: str, article_id: str | None, path: Path | None,
               published: date | None, problems: list, used_ids: set[str]) -> Iterator[Article]:
    """The articles of one input's bytes; ``path`` (None for stdin) gives the format by name,
    ``article_id`` the id of a single-article input (default: from the file name)."""
    kind = (FORMATS.get(path.suffix.lower()) if path is not None else None) or _sniff(data)
    if kind == "json":
        problems.append(InputError(
            "a JSON document, not articles: give articles as JSONL (one {\"id\", \"text\"} "
            "object per line); `geomap map` also reads geomap's own event files", name))
        return
    if kind == "feed":
        yield from read_feed(data, name, published, problems)
        return
    try:
        text = decode_bytes(data, name)
    except InputError as error:
        problems.append(error)
        return
    if kind == "jsonl":
        yield from read_jsonl(text, name, published, problems)
    elif kind == "csv":
        yield from read_csv(text, name, published, problems)
    else:
        article_id = article_id or _file_article_id(path or Path(name), used_ids)
        try:
            if kind == "html":
                yield html_article(text, path or Path(name), article_id, published)
            else:
                yield text_article(text, path or Path(name), article_id, published)
        except InputError as error:
            problems.append(error)


def _sniff(data: bytes) -> str:
    if looks_like_feed(data):
        return "feed"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head[:1] in (b"{", b"["):
        return _json_kind(data)
    first_line = head.split(b"\n", 1)[0]
    if b"," in first_line and b"text" in [cell.strip(b' "') for cell in first_line.split(b",")]:
        return "csv"
    return "text"


def _json_kind(data: bytes) -> str:
    """"jsonl" for article lines (a single line counts), "json" for one JSON document."""
    text = data.decode("utf-8-sig", errors="replace")
    try:
        document = json.loads(text)
    except ValueError:
        first = text.lstrip().split("\n", 1)[0]
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else "json"
        except ValueError:
            return "text"
    return "jsonl" if isinstance(document, dict) and "text" in document else "json"


def _file_article_id(path: Path, used_ids: set[str]) -> str:
    """The file stem; a second file with the same stem gets a suffix derived from its path."""
    article_id = path.stem
    if article_id in used_ids:
        digest = hashlib.sha1(str(path.absolute()).encode("utf-8")).hexdigest()[:8]
        article_id = f"{path.stem}-{digest}"
    used_ids.add(article_id)
    return article_id


__all__ = ["FORMATS", "STDIN", "expand_inputs", "iter_articles", "iter_records"]
