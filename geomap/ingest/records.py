"""JSONL and CSV article files: one article per line or row (`id`, `text`, optional `published`
or `date`, `title`, `url`, `source`). A bad line is reported with path:line and skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from geomap.errors import InputError
from geomap.model import Article

# Article bodies easily exceed csv's default 128 KiB field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def parse_date(value: Any) -> date | None:
    """ISO dates and datetimes (and what dateutil can read); None/'' is no date; else ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"date must be a string, not {type(value).__name__}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        from dateutil import parser  # slower and looser: only for the odd non-ISO date

        try:
            return parser.parse(value).date()
        except (ValueError, OverflowError):
            raise ValueError(f"unreadable date {value!r}") from None


def record_to_article(record: Any, path: str, line: int, published: date | None) -> Article:
    """One JSON object or CSV row -> Article; InputError (with path:line) when it is unusable."""
    if not isinstance(record, dict):
        raise InputError(f"expected an object, got {type(record).__name__}", path, line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("missing or empty 'text'", path, line)
    article_id = record.get("id")
    if article_id is None or article_id == "":
        # A content-derived id stays the same when lines are inserted above this one.
        article_id = "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    elif not isinstance(article_id, (str, int)) or isinstance(article_id, bool):
        raise InputError(f"'id' must be a string or integer, not {article_id!r}", path, line)
    raw_date = record.get("published")
    if raw_date in (None, ""):
        raw_date = record.get("date")
    try:
        article_date = parse_date(raw_date)
    except ValueError as error:
        raise InputError(f"bad 'published'/'date': {error}", path, line) from None
    fields = {}
    for name in ("title", "url", "source"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"'{name}' must be a string", path, line)
        fields[name] = value or None
    return Article(
        id=str(article_id), text=text, published=article_date or published,
        path=f"{path}:{line}", **fields,
    )


def jsonl_lines(text: str, path: str,
                problems: list[InputError]) -> Iterator[tuple[int, object]]:
    """(line number, parsed value) of each non-blank line; a line that is not JSON is reported
    with its number and skipped, so one bad line never costs the rest of the file."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(InputError(f"invalid JSON: {error.msg} (column {error.colno})",
                                       path, number))


def read_jsonl(text: str, path: str, published: date | None,
               problems: list[InputError]) -> Iterator[Article]:
    for number, record in jsonl_lines(text, path, problems):
        try:
            yield record_to_article(record, path, number, published)
        except InputError as error:
            problems.append(error)


def read_csv(text: str, path: str, published: date | None,
             problems: list[InputError]) -> Iterator[Article]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        problems.append(InputError("empty CSV file", path))
        return
    except csv.Error as error:
        problems.append(InputError(f"bad CSV header: {error}", path, 1))
        return
    if "text" not in header:
        problems.append(InputError(f"no 'text' column (columns: {', '.join(header)})", path, 1))
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # e.g. a NUL byte; the reader cannot resync, so stop here
            problems.append(InputError(f"bad CSV row: {error}", path, start))
            return
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(InputError(
                f"{len(row)} fields where the header has {len(header)}", path, line))
            continue
        try:
            yield record_to_article(dict(zip(header, row, strict=True)), path, line, published)
        except InputError as error:
            problems.append(error)
