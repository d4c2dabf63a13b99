"""The merged events of many groups of reports at once: each choice dedup's merge rule makes
(geomap.events.dedup) is taken per column over all groups, in numpy, not per group in Python.

A million reports give about 150,000 groups of several; reading each group's members field by
field, event by event, cost a sixth of dedup. Here every member is read once (one row of the
fields the rule looks at), the figures become float columns (None as NaN), and each group's
pick -- its finest-placed member, its most precise date, its lowest toll -- is a position found
by one sort or one reduceat over all groups. Python is left with what is text per group: the
unions of provenance and ACLED's derived columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields as fields_of
from itertools import chain
from operator import attrgetter, itemgetter

import numpy as np

from geomap.events.acled_columns import DERIVED_FROM, acled_columns
from geomap.model import Event

_FIELDS = tuple(field.name for field in fields_of(Event))
_ALL = attrgetter(*_FIELDS)
_AT = {name: position for position, name in enumerate(_FIELDS)}
_PLACE_FIELDS = ("location", "admin1", "admin2", "admin3", "country", "iso", "lat", "lon",
                 "geo_precision", "geonameid", "place_id", "region")
_PLACE = [_AT[name] for name in _PLACE_FIELDS]
_PLACE_GET = attrgetter(*_PLACE_FIELDS)
_DERIVED = itemgetter(*(_AT[name] for name in DERIVED_FROM))
_PICKED = [_AT[name] for name in ("event_date", "time_precision", "confidence", "timestamp",
                                  "actor1", "actor2", "fatalities", "fatalities_low",
                                  "fatalities_high", "injured", "n_reports")]
#: What the rule reads of every member (the base's other fields are read from the base only).
_READ = ("geo_precision", "event_date", "time_precision", "actor1", "actor2", "fatalities",
         "fatalities_low", "fatalities_high", "injured", "confidence", "timestamp", "n_reports",
         "article_ids", "sources", "source_urls", "victims")
_UNIONS = [(_AT[name], name) for name in ("article_ids", "sources", "source_urls", "victims")]


def merge_groups(groups: Sequence[Sequence[Event]]) -> list[Event]:
    """One event per group of reports of one happening (each group in canonical order, with at
    least one member): see geomap.events.dedup for the rule."""
    return merge_flat(list(chain.from_iterable(groups)),
                      np.fromiter(map(len, groups), np.int64, len(groups)))


def merge_flat(members: list[Event], sizes: np.ndarray) -> list[Event]:
    """merge_groups of the groups that ``members`` holds one after another, of ``sizes``."""
    if not len(sizes):
        return []
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    column = dict(zip(_READ, zip(*map(attrgetter(*_READ), members), strict=True), strict=True))
    group = np.repeat(np.arange(len(sizes)), sizes)
    placed = _first_lowest(group, starts, _numbers(column["geo_precision"], falsy=4.0))
    undated = np.array([day is None for day in column["event_date"]])
    dated = _first_lowest(group, starts, undated, _numbers(column["time_precision"], falsy=4.0))
    deaths = _tolls(column, starts)
    injured = _reduced(np.fmin, column["injured"], starts)
    confidence = _first_lowest(group, starts, -_numbers(column["confidence"], missing=-np.inf))
    timestamp = _first_lowest(group, starts, -_numbers(column["timestamp"], missing=-np.inf))
    reports = np.add.reduceat(np.array(column["n_reports"], np.int64), starts).tolist()
    actors = [_first_truthy(column[name], starts) for name in ("actor1", "actor2")]
    ends = (starts + sizes).tolist()
    pick = column.__getitem__
    # each group's values of the fields the rule picks from one member or sums, in _PICKED order
    picked = zip(*(list(map(pick(name).__getitem__, rows)) for name, rows in (
        ("event_date", dated), ("time_precision", dated), ("confidence", confidence),
        ("timestamp", timestamp))),
        *([None if row < 0 else pick(name)[row] for row in rows]
          for name, rows in zip(("actor1", "actor2"), actors, strict=True)),
        *zip(*deaths, strict=True), injured, reports, strict=True)
    merged = []
    for start, end, where, values_picked in zip(starts.tolist(), ends, placed, picked,
                                                 strict=True):
        values = list(_ALL(members[start]))
        if where != start:  # most groups: the first report is the finest placed
            for position, value in zip(_PLACE, _PLACE_GET(members[where]), strict=True):
                values[position] = value
        for position, value in zip(_PICKED, values_picked, strict=True):
            values[position] = value
        for position, name in _UNIONS:  # each value once, first seen first
            values[position] = tuple(dict.fromkeys(chain.from_iterable(pick(name)[start:end])))
        # inter codes, source scale and tags depend on the merged actors and sources: stated
        # from the merged fields, so the event is built once
        derived = acled_columns(_DERIVED(values))
        for name, value in derived.items():
            values[_AT[name]] = value
        merged.append(Event(*values))
    return merged


def _numbers(values: tuple, missing: float = np.nan, falsy: float | None = None) -> np.ndarray:
    """A column of ints/floats as floats: None as ``missing``; with ``falsy``, every falsy value
    (None, 0) as ``falsy`` (the rule reads ``precision or 4``)."""
    if falsy is not None:
        return np.array([value or falsy for value in values], np.float64)
    return np.array([missing if value is None else value for value in values], np.float64)


def _first_lowest(group: np.ndarray, starts: np.ndarray, *keys: np.ndarray) -> list[int]:
    """Each group's first member (by position) with the lowest keys (compared in the order
    given, as a tuple), as min() picks it."""
    order = np.lexsort((np.arange(len(group)), *reversed(keys), group))
    return order[starts].tolist()


def _first_truthy(values: tuple, starts: np.ndarray) -> list[int]:
    """Each group's first member whose value is truthy; -1 when none is."""
    position = np.where(np.array([bool(value) for value in values]), np.arange(len(values)),
                        len(values))
    first = np.minimum.reduceat(position, starts)
    return np.where(first == len(values), -1, first).tolist()


def _reduced(reduce: np.ufunc, values: tuple, starts: np.ndarray) -> list[int | None]:
    """Each group's fmin/fmax of its given (non-None) ints; None when no member gives one."""
    result = reduce.reduceat(_numbers(values), starts)
    return [None if np.isnan(value) else int(value) for value in result.tolist()]


def _tolls(column: dict[str, tuple], starts: np.ndarray) -> list[tuple]:
    """(fatalities, low, high) per group: the most conservative figure and the span of all
    reports; low and high None when every report gives the same single figure."""
    told = _numbers(column["fatalities"])
    known = ~np.isnan(told)
    low, high = _numbers(column["fatalities_low"]), _numbers(column["fatalities_high"])
    ranged = np.add.reduceat((known & ~np.isnan(low)).astype(np.int64), starts)
    low = np.where(known, np.where(np.isnan(low), told, low), np.nan)
    high = np.where(known, np.where(np.isnan(high), told, high), np.nan)
    fatalities = np.fmin.reduceat(told, starts)
    low = np.fmin(np.fmin.reduceat(low, starts), fatalities)
    high = np.fmax.reduceat(high, starts)
    single = (low == high) & (high == fatalities) & (ranged == 0)
    spans = []
    for value, lowest, highest, one in zip(fatalities.tolist(), low.tolist(), high.tolist(),
                                           single.tolist(), strict=True):
        if value != value:  # NaN: no report counts the dead
            spans.append((None, None, None))
        elif one:
            spans.append((int(value), None, None))
        else:
            spans.append((int(value), int(lowest), int(highest)))
    return spans
