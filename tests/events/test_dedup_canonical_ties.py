"""Dedup's result does not depend on input order, even when two events share their article
and event id (the canonical order then reads the rest of each event to order them)."""

from datetime import date
from itertools import permutations

from geomap.events import taxonomy as t
from geomap.events.dedup import deduplicate, happenings
from geomap.model import Event

DAY = date(2022, 8, 3)


def _event(article: str, event_id: str, **fields) -> Event:
    values = dict(event_id=event_id, article_id=article, event_type=t.BATTLES,
                  sub_event_type=t.ARMED_CLASH, event_date=DAY, time_precision=1,
                  location="Millbrook", admin1="Lower Vale", country="Testland",
                  lat=10.0, lon=20.0, geo_precision=1, fatalities=2,
                  notes="Fighters clashed with soldiers at Millbrook, killing two.")
    values.update(fields)
    return Event(**values)


EVENTS = [
    _event("a1", "e1", notes="Fighters clashed with soldiers at Millbrook, killing two."),
    _event("a1", "e1", event_type=t.PROTESTS, sub_event_type=t.PEACEFUL_PROTEST,
           fatalities=None, notes="Farmers marched through Millbrook."),
    _event("a1", "e1", sub_event_type=None, location=None, lat=None, lon=None),
    _event("a2", "e1", notes="Soldiers and fighters fought in Millbrook; two died."),
    _event("a0", "e9", event_date=None),
]


def test_the_groups_and_their_order_are_the_same_for_every_input_order():
    results = {tuple(deduplicate(list(order))) for order in permutations(EVENTS)}
    assert len(results) == 1
    grouped = {tuple(map(tuple, happenings(list(order)))) for order in permutations(EVENTS)}
    assert len(grouped) == 1


def test_events_sharing_article_and_id_stay_apart_and_ordered_by_the_rest():
    groups = happenings(EVENTS)
    sizes = sorted(len(group) for group in groups)
    assert sum(sizes) == len(EVENTS)
    ordered = [event for group in groups for event in group]
    tied = [event for event in ordered if event.article_id == "a1"]
    assert [event.event_type for event in tied] == sorted(event.event_type for event in tied)
