"""Article -> mentions -> events, for one article or a stream of them, on a chosen engine.

Stages are pure functions of their inputs plus read-only resources (the gazetteer, opened once per
process), so the same code runs in-process, in a process pool, or on Dask workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from geomap.model import Article, Event, Mention

PIPELINE_VERSION = "1"  # bump when a change should reprocess every stored article


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article_id: str
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = field(default=())


def process_article(article: Article, *, offline: bool = True) -> ArticleResult:
    """Geoparse one article and extract its events; a failure stays local to this article."""
    from geomap.events import extract_events
    from geomap.geoparse import geoparse

    try:
        mentions = geoparse(article.text, published=article.published, offline=offline)
        events = extract_events(article, mentions)
    except Exception as error:  # one bad article must not stop a run of thousands
        return ArticleResult(article.id, errors=(f"{type(error).__name__}: {error}",))
    return ArticleResult(article.id, tuple(mentions), tuple(events))


def run_pipeline(articles: Iterable[Article], *, offline: bool = True) -> Iterator[ArticleResult]:
    """Process articles in order, in this process."""
    for article in articles:
        yield process_article(article, offline=offline)
