"""The Python API in one place: texts or articles in, a typed DataFrame of events out, and back.

    >>> import geomap
    >>> frame = geomap.extract("Gunmen shot two traders in Homs on 3 May 2021.")  # doctest: +SKIP
    >>> recent = frame[frame.event_date >= "2021-01-01"]                           # doctest: +SKIP
    >>> geomap.render_map(recent, "outputs/map.html", offline=True)                # doctest: +SKIP

``extract`` runs the same stages as `geomap export` (geoparse, events, dedup) in this process;
``render_map`` and ``write_events`` take what it returns (or Event objects) unchanged, so a
DataFrame filtered with pandas goes straight to a map or a GIS file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.model import Article, Event

if TYPE_CHECKING:
    import pandas


_REQUIRED = ("event_id", "article_id", "event_type", "sub_event_type")


def as_articles(source: Any, *, published: date | None = None) -> list[Article]:
    """A text, texts, an Article, Articles or a DataFrame with a ``text`` column -> Articles.

    Texts get ids ``text-1``, ``text-2`` ...; a DataFrame's rows are read as JSONL/CSV records
    are (``id``, ``text``, optional ``published``/``date``, ``title``, ``url``, ``source``).
    """
    if isinstance(source, (str, Article)):
        source = [source]
    if _is_frame(source):
        return _frame_articles(source, published)
    articles = []
    for number, item in enumerate(source, 1):
        if isinstance(item, Article):
            articles.append(item if item.published or not published
                            else dataclasses.replace(item, published=published))
        elif isinstance(item, str):
            articles.append(Article(id=f"text-{number}", text=item, published=published))
        else:
            raise TypeError(f"expected a text or an Article, got {type(item).__name__}")
    return articles


def _frame_articles(frame: pandas.DataFrame, published: date | None) -> list[Article]:
    from geomap.ingest.events import plain_value
    from geomap.ingest.records import record_to_article

    if "text" not in frame.columns:
        raise ValueError(f"the DataFrame has no 'text' column (columns: {list(frame.columns)})")
    articles = []
    for number, record in enumerate(frame.to_dict("records"), 1):
        record = {key: plain_value(value) for key, value in record.items()}
        if record.get("id") is None:
            record["id"] = f"row-{number}"
        articles.append(record_to_article(record, "DataFrame", number, published))
    return articles


def extract(source: Any, published: date | str | None = None, gazetteer: Any = None,
            offline: bool = True, dedup: bool = True, user_agent: str | None = None,
            language: str = "en") -> pandas.DataFrame:
    """Events of a text, texts, Article(s) or a DataFrame with a ``text`` column, as a DataFrame.

    ``published``: the date relative dates ("on Friday") count from, for inputs without one.
    ``gazetteer``: a gazetteer file path or an open ``gazetteer.Gazetteer`` (default: the
    embedded one). ``offline=False`` lets names the gazetteer lacks go to the geocoder fallback
    (Nominatim, which requires an identifying ``user_agent``: without one there is none).
    ``language``: the lexicon the event stage reads (a folder of geomap/lexicons).
    Columns: the event record (geomap.model.EVENT_FIELDS); ``event_date`` is datetime64, counts
    nullable ``Int64``, ``event_type``/``sub_event_type`` categories.
    """
    from geomap.events import events_frame
    from geomap.pipeline import Pipeline, collect

    if isinstance(published, str):
        published = date.fromisoformat(published)
    articles = as_articles(source, published=published)
    opened = _open_gazetteer(gazetteer)  # a missing or foreign file fails now, as itself
    pipeline = Pipeline(gazetteer=None if opened is None else str(opened.path), offline=offline,
                        user_agent=user_agent, lexicon=language, dedup=dedup)
    return events_frame(collect(articles, pipeline.run, dedup=dedup).events)


def _open_gazetteer(gazetteer: Any) -> Any:
    if gazetteer is None or not isinstance(gazetteer, (str, os.PathLike)):
        return gazetteer
    from gazetteer import Gazetteer

    return Gazetteer.open(gazetteer)


def events_from_frame(frame: pandas.DataFrame) -> list[Event]:
    """The Event objects of a DataFrame from ``extract`` (or any frame with the event columns).

    Missing values (None, NaN, NaT, <NA>) become None, timestamps dates, categories strings;
    columns that are not Event fields (a geometry, the user's own) are ignored.
    """
    from geomap.ingest.events import event_from_record

    missing = [name for name in _REQUIRED if name not in frame.columns]
    if missing:
        raise ValueError(f"not an events frame: no {', '.join(missing)} column")
    return [event_from_record(record) for record in frame.to_dict("records")]


def as_events(events: Any) -> list[Event]:
    """Event objects from a DataFrame (``extract``'s) or any iterable of Events."""
    if _is_frame(events):
        return events_from_frame(events)
    return list(events)


def render_map(events: Any, path: str | os.PathLike, *, offline: bool = False,
               tiles: str | None = None, title: str | None = None,
               titles: Mapping[str, str] | None = None, gazetteer: Any = None) -> Path:
    """geomap.render.render_map for a DataFrame from ``extract`` or a list of Events.

    ``gazetteer`` (a path or an open gazetteer) names the places of the offline background.
    """
    from geomap.render import render_map as render

    return render(as_events(events), path, offline=offline, tiles=tiles, title=title,
                  titles=titles, gazetteer=_open_gazetteer(gazetteer))


def write_events(events: Any, path: str | os.PathLike) -> int:
    """geomap.export.write_events (format from the extension) for a DataFrame or Events."""
    from geomap.export import write_events as write

    return write(as_events(events), path)


def _is_frame(value: Any) -> bool:
    return hasattr(value, "to_dict") and hasattr(value, "columns")


__all__ = ["as_articles", "as_events", "events_from_frame", "extract", "render_map",
           "write_events"]
