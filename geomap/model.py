"""The plain value objects that flow between the stages: Article -> Mention/Place -> Event.

They are frozen, slotted dataclasses so that they pickle cheaply (process pools, Dask workers) and
cannot be changed behind a later stage's back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: Mention kinds (DESIGN.md §5). Only ``literal`` mentions can become event places.
MENTION_KINDS = ("literal", "demonym", "metonym", "embedded")

#: The event record fields, in order (contract: JSONL/CSV/GeoJSON properties, DESIGN.md §4;
#: every column is described in docs/data-dictionary.md). New columns are appended in groups so
#: that readers by position keep working: the original record, ACLED's own columns, where the
#: place comes from, and every report of the event.
EVENT_FIELDS = (
    "event_id", "article_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "fatalities", "fatalities_low", "fatalities_high", "injured",
    "location", "admin1", "country", "iso", "lat", "lon", "geo_precision", "geonameid",
    "notes", "source", "source_url", "confidence",
    "year", "disorder_type", "inter1", "inter2", "interaction", "civilian_targeting", "region",
    "admin2", "admin3", "source_scale", "tags", "timestamp",
    "place_id",
    "article_ids", "sources", "source_urls", "n_reports",
)
#: The record's list columns (lists in JSON and Parquet, "; "-joined in CSV and GeoPackage).
LIST_FIELDS = ("article_ids", "sources", "source_urls")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a source."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None  # where it was read from, for error reports


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved gazetteer feature (GeoNames semantics)."""

    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # admin1 display name
    feature_class: str | None = None  # GeoNames class: A, P, T, L, S, H, V, R, U
    feature_code: str | None = None  # GeoNames code: PPL, PPLX, ADM1, PCLI, MT, MILB ...
    population: int = 0
    source: str = "geonames"  # geonames | supplement | user | nominatim ...
    admin2: str | None = None  # admin2 (district) display name, when the gazetteer knows it


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym found in a text: ``text[start:end] == name`` always holds."""

    start: int
    end: int
    name: str
    kind: str = "literal"  # one of MENTION_KINDS
    place: Place | None = None
    confidence: float = 0.0
    country_hint: str | None = None  # for demonyms: the country they imply


@dataclass(frozen=True, slots=True)
class Event:
    """One conflict event, coded as ACLED would (field names are the contract)."""

    event_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    event_date: date | None = None
    time_precision: int | None = None  # 1 day, 2 week, 3 month
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    iso: int | None = None  # ISO 3166-1 numeric, as ACLED
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None  # 1 town/neighbourhood, 2 near / part of region, 3 region
    geonameid: int | None = None
    notes: str | None = None  # the sentence the event was read from
    source: str | None = None
    source_url: str | None = None
    confidence: float | None = None
    # Provenance: every report of this happening (dedup merges reports, it never drops one).
    # ``article_id``/``source``/``source_url`` stay the first report's, as the contract has them.
    article_ids: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    source_urls: tuple[str, ...] = ()
    n_reports: int = 1
    # ACLED's own columns, for users who filter on them (docs/data-dictionary.md).
    year: int | None = None
    disorder_type: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str | None = None
    region: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    source_scale: str | None = None
    tags: str | None = None
    timestamp: int | None = None
    # A stable id for places without a GeoNames id (curated, derived, online): "supplement:12".
    place_id: str | None = None
    # Not part of the exported record: where in the article the event was read.
    trigger_span: tuple[int, int] | None = field(default=None, compare=False)
    # Not exported either: who the text says was killed or hurt ("three policemen"), which tells
    # two reports of one day and place apart (dedup's victims rule).
    victims: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        # One report unless told otherwise; lists read back from JSON become tuples (hashable).
        ids = tuple(self.article_ids) or (self.article_id,)
        sources = tuple(self.sources) or ((self.source,) if self.source else ())
        urls = tuple(self.source_urls) or ((self.source_url,) if self.source_url else ())
        object.__setattr__(self, "article_ids", ids)
        object.__setattr__(self, "sources", sources)
        object.__setattr__(self, "source_urls", urls)
        object.__setattr__(self, "victims", tuple(self.victims))
        object.__setattr__(self, "n_reports", max(self.n_reports or 1, len(ids)))

    def record(self) -> dict[str, Any]:
        """The contract record: EVENT_FIELDS only, dates as ISO strings, list columns as lists,
        missing values None."""
        out = {}
        for name in EVENT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out

    def replace(self, **changes: Any) -> Event:
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the pipeline made of one article: its mentions and events, or why it failed."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[str, ...] = field(default=())
    #: names the online fallback could not be asked about (service down): retried next run
    fallback_missed: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors
