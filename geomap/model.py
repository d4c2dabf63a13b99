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

#: The event record fields, in order (contract: JSONL/CSV/GeoJSON properties, DESIGN.md §4).
EVENT_FIELDS = (
    "event_id", "article_id", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "fatalities", "fatalities_low", "fatalities_high", "injured",
    "location", "admin1", "country", "iso", "lat", "lon", "geo_precision", "geonameid",
    "notes", "source", "source_url", "confidence",
)


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
    # Not part of the exported record: where in the article the event was read.
    trigger_span: tuple[int, int] | None = field(default=None, compare=False)

    def record(self) -> dict[str, Any]:
        """The contract record: EVENT_FIELDS only, dates as ISO strings, missing values None."""
        out = {}
        for name in EVENT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, date):
                value = value.isoformat()
            out[name] = value
        return out

    def replace(self, **changes: Any) -> Event:
        return dataclasses.replace(self, **changes)
