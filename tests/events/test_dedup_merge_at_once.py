"""Merging many groups at once (per column) gives each group exactly the event the merge rule
states for it alone: the rule is written out here plainly, group by group, and compared on
random groups with every field sometimes missing."""

import random
from datetime import date, timedelta
from itertools import chain

from geomap.events import taxonomy as t
from geomap.events.acled_columns import DERIVED_FROM, acled_columns
from geomap.events.merging import merge_groups
from geomap.model import Event

PLACE_FIELDS = ("location", "admin1", "admin2", "admin3", "country", "iso", "lat", "lon",
                "geo_precision", "geonameid", "place_id", "region")


def _union(group, field):
    return tuple(dict.fromkeys(chain.from_iterable(getattr(e, field) for e in group)))


def _span(group):
    known = [e for e in group if e.fatalities is not None]
    if not known:
        return None, None, None
    lows = [e.fatalities_low if e.fatalities_low is not None else e.fatalities for e in known]
    highs = [e.fatalities_high if e.fatalities_high is not None else e.fatalities for e in known]
    fatalities = min(e.fatalities for e in known)
    low, high = min(lows + [fatalities]), max(highs)
    if low == high == fatalities and all(e.fatalities_low is None for e in known):
        return fatalities, None, None
    return fatalities, low, high


def plain_merge(group):
    """The merge rule of geomap.events.dedup's docstring, one group at a time."""
    base = group[0]
    placed = min(group, key=lambda e: e.geo_precision or 4)
    dated = min(group, key=lambda e: (e.event_date is None, e.time_precision or 4))
    fatalities, low, high = _span(group)
    injured = [e.injured for e in group if e.injured is not None]
    fields = {name: getattr(base, name) for name in Event.__dataclass_fields__}
    fields.update({name: getattr(placed, name) for name in PLACE_FIELDS})
    fields.update(
        event_date=dated.event_date, time_precision=dated.time_precision,
        actor1=base.actor1 or next((e.actor1 for e in group if e.actor1), None),
        actor2=base.actor2 or next((e.actor2 for e in group if e.actor2), None),
        fatalities=fatalities, fatalities_low=low, fatalities_high=high,
        injured=min(injured) if injured else None,
        confidence=max((e.confidence for e in group if e.confidence is not None), default=None),
        article_ids=_union(group, "article_ids"), sources=_union(group, "sources"),
        source_urls=_union(group, "source_urls"), n_reports=sum(e.n_reports for e in group),
        victims=_union(group, "victims"),
        timestamp=max((e.timestamp for e in group if e.timestamp is not None), default=None))
    fields.update(acled_columns(tuple(fields[name] for name in DERIVED_FROM)))
    return Event(**fields)


def _maybe(rng, value, chance=0.3):
    return None if rng.random() < chance else value


def _random_event(rng: random.Random, number: int) -> Event:
    told = _maybe(rng, rng.choice((0, 1, 3, 9)))
    return Event(
        event_id=f"e{number}", article_id=f"a{number}",
        event_type=rng.choice((t.BATTLES, t.PROTESTS, t.EXPLOSIONS)),
        sub_event_type=rng.choice((t.ARMED_CLASH, t.PEACEFUL_PROTEST, "")),
        event_date=_maybe(rng, date(2021, 5, 1) + timedelta(days=rng.randrange(3))),
        time_precision=_maybe(rng, rng.choice((0, 1, 2, 3))),
        actor1=_maybe(rng, rng.choice(("Protesters", "", "Syrian forces"))),
        actor2=_maybe(rng, rng.choice(("Police forces", "", "Rebels"))),
        fatalities=told,
        fatalities_low=None if told is None else _maybe(rng, max(0, told - 1), 0.7),
        fatalities_high=None if told is None else _maybe(rng, told + 2, 0.7),
        injured=_maybe(rng, rng.choice((0, 2, 5))),
        location=f"Place {rng.randrange(3)}", admin1="North", country="Testland", iso=4,
        lat=_maybe(rng, rng.uniform(30, 31)), lon=rng.uniform(60, 61),
        geo_precision=_maybe(rng, rng.choice((0, 1, 2, 3))),
        geonameid=_maybe(rng, rng.randrange(100)), notes=f"Crowds of {number} gathered.",
        source=_maybe(rng, rng.choice(("Reuters", "Town Paper"))),
        source_url=_maybe(rng, f"https://example.org/{rng.randrange(4)}"),
        confidence=_maybe(rng, rng.choice((0.5, 0.75, 0.9))),
        timestamp=_maybe(rng, 1_600_000_000 + rng.randrange(3) * 86_400),
        n_reports=rng.choice((1, 1, 2)),
        victims=tuple(rng.sample(("two soldiers", "a boy", "police"), rng.randrange(3))))


def test_each_group_merged_at_once_is_the_group_merged_alone():
    rng = random.Random(11)
    groups = [[_random_event(rng, 10 * g + k) for k in range(rng.randint(1, 5))]
              for g in range(400)]
    merged = merge_groups(groups)
    expected = [plain_merge(group) for group in groups]
    assert merged == expected
    assert [(e.victims, e.trigger_span) for e in merged] == [
        (e.victims, e.trigger_span) for e in expected]
    # the same values, of the same types (an int stays an int, not a float)
    assert [tuple(map(type, e.record().values())) for e in merged] == [
        tuple(map(type, e.record().values())) for e in expected]


def test_no_groups():
    assert merge_groups([]) == []
