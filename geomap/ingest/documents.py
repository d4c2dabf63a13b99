"""Single-article files: plain text and saved HTML pages.

Plain text: the article id is the file stem (`aleppo-2016-10-07.txt` -> `aleppo-2016-10-07`), so
that editing a file updates the same article; the title is the first non-empty line (kept in the
text too: headlines carry events); the date is `published`, else a YYYY-MM-DD in the file name.
HTML: trafilatura extracts the main text and the page metadata (title, date, canonical URL, site).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from geomap.errors import InputError
from geomap.ingest.records import parse_date
from geomap.model import Article

_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
TITLE_MAX = 200


def date_from_name(name: str) -> date | None:
    match = _DATE_IN_NAME.search(name)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def text_article(text: str, path: Path, article_id: str, published: date | None) -> Article:
    if not text.strip():
        raise InputError("empty text file", str(path))
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    return Article(
        id=article_id, text=text, published=published or date_from_name(path.name),
        title=first_line[:TITLE_MAX], path=str(path),
    )


def html_article(html: str, path: Path, article_id: str, published: date | None) -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                           include_tables=False)
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        # trafilatura refuses pages it judges too short to be articles; their text still counts.
        text = (trafilatura.html2txt(html) or "").strip()
    if not text:
        raise InputError("no text found in the HTML page", str(path))
    metadata_date = None
    if document is not None and document.date:
        try:
            metadata_date = parse_date(document.date)
        except ValueError:
            metadata_date = None
    title = (document.title if document is not None else None) or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(
        id=article_id, text=text,
        published=metadata_date or published or date_from_name(path.name),
        title=title, url=(document.url if document is not None else None) or None,
        source=(document.sitename or document.hostname if document is not None else None) or None,
        path=str(path),
    )
