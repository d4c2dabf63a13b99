"""RSS/Atom feeds (feedparser): one article per entry, text from the entry's content or summary.

Feed URLs are fetched only when online; feed files are read like any other input.
"""

from __future__ import annotations

import hashlib
import urllib.request
from collections.abc import Iterator
from datetime import date

from geomap.errors import InputError
from geomap.model import Article

DEFAULT_USER_AGENT = "geomap/0.1 (conflict news mapping; https://pypi.org/project/geomap/)"
FETCH_TIMEOUT = 30.0
_BLOCK_END = "\u2029"  # Unicode paragraph separator: a block marker news markup never uses


def looks_like_feed(head: bytes) -> bool:
    """Sniff an unlabelled file: RSS, RDF and Atom documents name their root early."""
    sample = head[:2048].lower()
    return any(tag in sample for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def html_to_text(fragment: str) -> str:
    """Feed summaries are HTML fragments: keep their text, one line per block element.

    Line breaks inside a block are only source formatting in HTML, so whitespace is collapsed.
    """
    if "<" not in fragment:
        return " ".join(fragment.split())
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types on broken markup; the raw text is still usable
        return " ".join(fragment.split())
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = _BLOCK_END + (block.tail or "")
    blocks = (" ".join(part.split()) for part in root.text_content().split(_BLOCK_END))
    return "\n".join(block for block in blocks if block)


def read_feed(data: bytes, location: str, published: date | None,
              problems: list[InputError]) -> Iterator[Article]:
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        problems.append(InputError(f"not a readable feed: {parsed.get('bozo_exception')}",
                                   location))
        return
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        body = ""
        if entry.get("content"):
            body = entry.content[0].get("value", "")
        body = html_to_text(body or entry.get("summary", "") or "")
        title = html_to_text(entry.get("title", "") or "") or None
        # Headlines carry the event ("Airstrike kills 5 in Idlib"): keep them in the text, as the
        # first line of a plain-text article is.
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}".strip()
        if not text:
            problems.append(InputError("feed entry without title or text", location, number))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entry_id = entry.get("id") or entry.get("link")
        if not entry_id:
            entry_id = "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        yield Article(
            id=str(entry_id), text=text,
            published=date(*stamp[:3]) if stamp else published,
            title=title, url=entry.get("link") or None, source=source,
            path=f"{location}#{number}",
        )


def fetch(url: str, *, user_agent: str | None = None, timeout: float = FETCH_TIMEOUT) -> bytes:
    """GET a feed; any network failure becomes InputError so the run goes on without it."""
    request = urllib.request.Request(url, headers={"User-Agent": user_agent or DEFAULT_USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except (OSError, ValueError) as error:  # URLError/HTTPError/timeouts are OSErrors
        raise InputError(f"cannot fetch feed: {error}", url) from None
