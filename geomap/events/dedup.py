"""One happening reported by several articles becomes one event that lists every report.

Which reports are one happening is geomap.events.identity's rule (same type, place, time, no
conflicting figures, actors or participants). Here we find the pairs worth asking about, group
them and merge each group:

- **Candidates, in O(n log n)** (geomap.events.candidates). Events are sorted once into a
  canonical order (so nothing depends on input order), then filed by day and grid cell; a
  day-precise event is compared only with events of its own type, its day and the cells within
  ``NEAR_KM``; a week- or month-precise event with those of the days its window can overlap.
  Region-level reports (geo_precision 3) meet the events of their region (by admin1) on the
  days their windows share. An event without coordinates is filed under its place name
  (country, admin1, location) instead of a cell, so it can merge only with reports of that very
  name; an event without a date, or without any place, has no evidence of being another
  report's happening and stays alone.
- **Scores, in bulk.** geomap.events.pair_scores applies the rule to all candidate pairs at
  once (numpy over each report's fields, read once), with match_score's very decisions.
- **Groups, by complete link.** Compatible pairs are taken best first (by sentence similarity,
  then canonical order); two groups join only if every member of one matches every member of
  the other. No chaining: A~B and B~C never make A and C one event unless A~C. (A connected
  set of reports that all match one another is one group in any order: only the other sets
  are joined pair by pair.)
- **Merge** (geomap.events.merging, per column over all groups at once). The merged event is
  the first report's (canonical order: earliest date, then article), with the place of its
  finest-placed report and the date of its most precise one;
  ``article_ids``/``sources``/``source_urls`` list every report (union, first seen first) and
  ``n_reports`` counts them. Conflicting tolls follow ACLED: the most conservative figure is
  ``fatalities``, ``fatalities_low``/``fatalities_high`` span the reports; injured: the lowest
  given.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from operator import attrgetter, eq

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from geomap.events import pair_scores
from geomap.events.candidates import candidate_keys, candidate_pairs, read_columns
from geomap.events.columns import converted
from geomap.events.identity import report_of
from geomap.events.merging import merge_flat, merge_groups
from geomap.model import Event

__all__ = ["candidate_pairs", "deduplicate", "group_reports", "happenings", "merge"]


def deduplicate(events: Iterable[Event]) -> list[Event]:
    """Merge the reports of one happening; the result does not depend on input order.

    >>> deduplicate([])
    []
    """
    with _without_gc():
        ordered, label = _labelled(events)
        count = len(ordered)
        leaders = np.flatnonzero(label == np.arange(count))  # each group's first, in order
        sizes = np.bincount(label, minlength=count)[leaders]
        several = np.flatnonzero(sizes > 1)
        members = np.flatnonzero(np.bincount(label, minlength=count)[label] > 1)
        members = members[np.argsort(label[members], kind="stable")]
        merged = merge_flat(list(map(ordered.__getitem__, members.tolist())), sizes[several])
        result = list(map(ordered.__getitem__, leaders.tolist()))
        for position, event in zip(several.tolist(), merged, strict=True):
            result[position] = event
        return result


def happenings(events: Iterable[Event]) -> list[list[Event]]:
    """The reports grouped by happening, each group and the list in canonical order."""
    with _without_gc():
        ordered, label = _labelled(events)
        return [list(map(ordered.__getitem__, group)) for group in _groups(label)]


def _labelled(events: Iterable[Event]) -> tuple[list[Event], np.ndarray]:
    """The events in canonical order, and each one's group label in it (its group's first)."""
    events = list(events)
    order = _canonical_order(events)
    ordered = list(map(events.__getitem__, order))
    return ordered, _group_labels(ordered, (events, order))


def _groups(label: np.ndarray) -> list[list[int]]:
    """Indices grouped by label, each group and the list in index order."""
    order = np.argsort(label, kind="stable")
    cuts = np.flatnonzero(np.diff(label[order])) + 1
    return [group.tolist() for group in np.split(order, cuts)] if len(label) else []


@contextmanager
def _without_gc() -> Iterator[None]:
    """Dedup makes millions of small tuples and no reference cycles: the cyclic collector would
    rescan every live event again and again (a fifth of the time at 100k reports, more at 1M)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # the objects made meanwhile would all be young: the first collection after
            # enabling would scan every one of them (a second at 1M reports); freezing and
            # unfreezing makes them old at once, as the next full collection would anyway
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def group_reports(events: list[Event]) -> list[list[int]]:
    """Indices of ``events`` grouped by happening, each group and the list in index order."""
    return _groups(_group_labels(events))


def _group_labels(events: list[Event],
                  stored: tuple[list[Event], list[int]] | None = None) -> np.ndarray:
    """Each event's group, as the index of the group's first event. ``stored``: the events as
    given and the order that makes them ``events`` (``events[k] is given[order[k]]``), so they
    are read in the order they lie in memory."""
    count = len(events)
    given, order = stored or (events, range(count))
    pairs = candidate_keys(events, read_columns(given, None if stored is None else order))
    first, second = pairs // count, pairs % count
    # each report read once, only the reports some pair asks about, in their given order
    involved, local = np.unique(np.concatenate([first, second]), return_inverse=True)
    source = np.asarray(order, np.int64)[involved]
    reading = np.argsort(source, kind="stable")
    read = list(map(report_of, map(given.__getitem__, source[reading].tolist())))
    reports = list(map(read.__getitem__, np.argsort(reading).tolist()))
    score = pair_scores.scores(reports, local[:len(first)], local[len(first):])
    matched = ~np.isnan(score)
    first, second, score = first[matched], second[matched], score[matched]
    return _complete_link(count, first, second, score)


def _complete_link(count: int, first: np.ndarray, second: np.ndarray,
                   score: np.ndarray) -> np.ndarray:
    """Group labels by complete link over the compatible pairs (first < second), taken best
    first. Most reports are alone or in a handful that all match one another: a connected
    set of reports in which every pair matches is one group whatever the order, so only the
    other sets are joined pair by pair in Python."""
    label = np.arange(count)
    if not len(first):
        return label
    graph = coo_matrix((np.ones(len(first), bool), (first, second)), shape=(count, count))
    _, component = connected_components(graph, directed=False)
    nodes = np.bincount(component)
    clique = np.bincount(component[first], minlength=len(nodes)) == nodes * (nodes - 1) // 2
    lowest = np.unique(component, return_index=True)[1]  # the components' first reports
    label = np.where(clique[component], lowest[component], label)
    rest = ~clique[component[first]]
    first, second, score = first[rest], second[rest], score[rest]
    best = np.lexsort((second, first, -score))  # best first, then canonical order
    compatible = set((first * count + second).tolist())
    cluster: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    for i, j in zip(first[best].tolist(), second[best].tolist(), strict=True):
        ci, cj = cluster.get(i, i), cluster.get(j, j)
        if ci == cj:
            continue
        left, right = members.get(ci, [i]), members.get(cj, [j])
        if not all((x * count + y if x < y else y * count + x) in compatible
                   for x in left for y in right):
            continue  # complete link: every member must match every member
        keep, gone = (ci, cj) if ci < cj else (cj, ci)
        for index in (right if keep == ci else left):
            cluster[index] = keep
        members[keep] = sorted(left + right)
        members.pop(gone, None)
        cluster.setdefault(keep, keep)
    if cluster:
        label[list(cluster)] = list(cluster.values())
    return label


def _canonical_order(events: list[Event]) -> list[int]:
    """The indices that sort ``events`` by _canonical, stably (as sorted(events) would): by day
    in numpy, then each day's few hundred events by their keys (a million keys sorted at once
    are compared out of the cache; a day's stay in it). Within a day, (article, event id)
    decides unless two events share both: only then are the whole keys built and compared."""
    days = converted(list(map(_DATE, events)), lambda day: (day or date.max).toordinal())
    keys = list(map(_ARTICLE_AND_ID, events))
    by_day = np.argsort(days, kind="stable")
    order: list[int] = []
    for day in np.split(by_day, np.flatnonzero(np.diff(days[by_day])) + 1):
        order += sorted(day.tolist(), key=keys.__getitem__)
    in_order = list(map(keys.__getitem__, order))
    if any(map(eq, in_order, in_order[1:])):  # a tie: the rest of the key decides
        keys = list(map(_canonical, events))
        order = []
        for day in np.split(by_day, np.flatnonzero(np.diff(days[by_day])) + 1):
            order += sorted(day.tolist(), key=keys.__getitem__)
    return order


_DATE = attrgetter("event_date")
_ARTICLE_AND_ID = attrgetter("article_id", "event_id")


def _canonical(event: Event) -> tuple:
    return (event.event_date or date.max, event.article_id, event.event_id, event.event_type,
            event.sub_event_type or "", event.location or "", event.notes or "",
            -999.0 if event.lat is None else event.lat, -999.0 if event.lon is None else event.lon)


def merge(group: list[Event]) -> Event:
    """One event from the reports of one happening (in canonical order)."""
    return merge_groups([group])[0]
