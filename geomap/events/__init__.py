"""The event stage: articles and their geoparsed places in, ACLED-coded events out.

    >>> from geomap.events import extract_events, events_frame
    >>> events = extract_events(article, mentions)          # doctest: +SKIP
    >>> frame = events_frame(events)                        # the contract columns, nulls as None
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from geomap.events.dedup import deduplicate
from geomap.events.extract import extract_events
from geomap.model import EVENT_FIELDS, Event

if TYPE_CHECKING:
    import pandas


def events_frame(events: Iterable[Event]) -> pandas.DataFrame:
    """A DataFrame with exactly the contract columns (EVENT_FIELDS); missing values are None.

    Columns are object-typed so that a missing integer stays None rather than becoming NaN.
    """
    import pandas

    records = [event.record() for event in events]
    frame = pandas.DataFrame.from_records(records, columns=list(EVENT_FIELDS))
    frame = frame.astype(object)
    return frame.where(frame.notna(), None)


__all__ = ["deduplicate", "events_frame", "extract_events"]
