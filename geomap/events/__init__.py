"""The event stage: articles and their geoparsed places in, ACLED-coded events out.

    >>> from geomap.events import extract_events, events_frame
    >>> events = extract_events(article, mentions)          # doctest: +SKIP
    >>> frame = events_frame(events)                        # the contract columns, typed
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from geomap.events.dedup import deduplicate
from geomap.events.extract import extract_events
from geomap.model import EVENT_FIELDS, Event

if TYPE_CHECKING:
    import pandas


#: Integer columns: pandas' nullable Int64, so a missing count is <NA>, never a float NaN.
_INTEGER_COLUMNS = ("time_precision", "fatalities", "fatalities_low", "fatalities_high",
                    "injured", "iso", "geo_precision", "geonameid", "year", "inter1", "inter2",
                    "interaction", "timestamp", "n_reports")
_FLOAT_COLUMNS = ("lat", "lon", "confidence")


def _categories() -> dict[str, list[str]]:
    """Every value the taxonomy allows, so frames of different runs share one category set."""
    from geomap.events import taxonomy
    from geomap.events.acled_columns import disorder_type

    subs = list(taxonomy.SUB_EVENT_TYPES)
    types = list(dict.fromkeys(taxonomy.SUB_EVENT_TYPES.values()))
    disorders = list(dict.fromkeys(disorder_type(taxonomy.SUB_EVENT_TYPES[sub], sub)
                                   for sub in subs))
    return {"event_type": types, "sub_event_type": subs, "disorder_type": disorders}


def events_frame(events: Iterable[Event]) -> pandas.DataFrame:
    """A DataFrame with exactly the contract columns (EVENT_FIELDS), typed for analysis:
    ``event_date`` datetime64 (so ``frame.event_date >= "2020-01-01"`` works), counts and codes
    nullable ``Int64``, lat/lon/confidence float64, event_type/sub_event_type/disorder_type
    categories, the list columns Python lists, other text object columns with None."""
    import pandas

    records = [event.record() for event in events]
    frame = pandas.DataFrame.from_records(records, columns=list(EVENT_FIELDS)).astype(object)
    frame = frame.where(frame.notna(), None)
    frame["event_date"] = pandas.to_datetime(frame["event_date"]).astype("datetime64[ms]")
    for name in _INTEGER_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    for name in _FLOAT_COLUMNS:
        frame[name] = frame[name].astype("float64")
    for name, values in _categories().items():
        frame[name] = pandas.Categorical(frame[name], categories=values)
    return frame


__all__ = ["deduplicate", "events_frame", "extract_events"]
