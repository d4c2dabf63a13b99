"""Dedup's bulk scoring (numpy over all candidate pairs) decides every pair exactly as the plain
pairwise rule does, and the grouping built on it equals a plain complete-link grouping.

The reports are random mixes of our own sentences, places, dates, tolls, actors and victims, so
every rule of geomap.events.identity is exercised in both directions.
"""

import random
from datetime import date, timedelta
from itertools import combinations

import numpy as np
import pytest

from geomap.events import pair_scores
from geomap.events.dedup import candidate_pairs, group_reports
from geomap.events.identity import match_score, report_of
from geomap.model import Event

DAY = date(2022, 5, 2)
PLACES = [
    dict(location="Mosul", admin1="Nineveh", country="Iraq", lat=36.34, lon=43.13,
         geonameid=99072, geo_precision=1),
    dict(location="Bartella", admin1="Nineveh", country="Iraq", lat=36.352, lon=43.38,
         geonameid=99001, geo_precision=1),
    dict(location="Mosul", admin1="Nineveh", country="Iraq", lat=36.36, lon=43.15,
         geonameid=None, place_id="osm:1", geo_precision=2),
    dict(location="Hamdaniya", admin1="Nineveh", country="Iraq", lat=36.27, lon=43.37,
         geonameid=99002, geo_precision=2),
    dict(location="Nineveh", admin1="Nineveh", country="Iraq", lat=36.2, lon=43.0,
         geonameid=-5, geo_precision=3),
    dict(location="Mosul", admin1="Nineveh", country="Iraq", lat=None, lon=None,
         geonameid=None, geo_precision=1),
    dict(location="Erbil", admin1="Erbil", country="Iraq", lat=36.19, lon=44.01,
         geonameid=95446, geo_precision=1),
    dict(location=None, admin1=None, country="Iraq", lat=None, lon=None, geonameid=None,
         geo_precision=None),
]
SENTENCES = [
    "A drone struck a convoy near Mosul, killing several fighters.",
    "An air strike hit a convoy outside Mosul in Nineveh on Monday.",
    "Gunmen attacked teachers at a school in Bartella, police said.",
    "Gunmen attacked doctors at a clinic in Bartella, Reuters said.",
    "Shelling hit Hamdaniya and Bartella, according to the Interior Ministry.",
    "Protesters gathered in Erbil demanding unpaid salaries.",
    "A roadside bomb wounded two soldiers near Hamdaniya.",
    "A roadside bomb killed two policemen in Mosul.",
]
TYPES = [("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Strategic developments", "Arrests"), ("Battles", None)]
ACTORS = [None, "Islamic State", "Military forces of Iraq", "Iraqi forces", "Peshmerga",
          "Unidentified armed group"]
VICTIMS = [(), ("two soldiers",), ("policemen",), ("civilians", "a child"), ("fighters",)]


def _reports(count: int, seed: int) -> list[Event]:
    rng = random.Random(seed)
    events = []
    for i in range(count):
        event_type, sub_type = rng.choice(TYPES[:3] if rng.random() < 0.7 else TYPES)
        fatalities = rng.choice((None, 0, 1, 2, 5, 9, 30))
        low = high = None
        if fatalities and rng.random() < 0.2:
            low, high = fatalities - 1, fatalities + 4
        events.append(Event(
            event_id=f"e{i}", article_id=f"a{rng.randrange(count // 3)}",
            event_type=event_type, sub_event_type=sub_type,
            event_date=None if rng.random() < 0.03 else DAY + timedelta(days=rng.randrange(3)),
            time_precision=rng.choice((1, 1, 1, 2, 3, None)), actor1=rng.choice(ACTORS),
            actor2=rng.choice(ACTORS) if rng.random() < 0.2 else None, fatalities=fatalities,
            fatalities_low=low, fatalities_high=high,
            injured=rng.choice((None, None, 0, 3, 20)),
            notes=rng.choice(SENTENCES) + rng.choice(("", " [victims: soldiers]")),
            victims=rng.choice(VICTIMS),
            article_ids=(f"a{i}", f"b{i % 7}") if rng.random() < 0.05 else (),
            **rng.choice(PLACES)))
    return events


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bulk_scores_equal_the_plain_rule_on_every_pair(seed):
    reports = [report_of(e) for e in _reports(200, seed)]
    pairs = np.array(list(combinations(range(len(reports)), 2)))
    bulk = pair_scores.scores(reports, pairs[:, 0], pairs[:, 1])
    plain = [match_score(reports[i], reports[j]) for i, j in pairs.tolist()]
    assert sum(score is not None for score in plain) > 30, "the sample must hold matches"
    assert sum(score is None for score in plain) > 50, "and near misses"
    for (i, j), fast, slow in zip(pairs.tolist(), bulk.tolist(), plain, strict=True):
        assert (np.isnan(fast) and slow is None) or fast == slow, (i, j, fast, slow)


def _plain_groups(events: list[Event]) -> list[list[int]]:
    """Complete link over the candidate pairs scored one by one, best score first: the
    reference for group_reports (an unmapped report meets only reports of its place name, so
    the candidates, not every pair)."""
    reports = [report_of(e) for e in events]
    scores = {(i, j): s for i, j in candidate_pairs(events)
              if (s := match_score(reports[i], reports[j])) is not None}
    group_of = {i: [i] for i in range(len(events))}
    for (i, j), _ in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        left, right = group_of[i], group_of[j]
        if left is right or not all((min(x, y), max(x, y)) in scores
                                    for x in left for y in right):
            continue
        joined = sorted(left + right)
        for index in joined:
            group_of[index] = joined
    return sorted({id(g): g for g in group_of.values()}.values())


@pytest.mark.parametrize("seed", [4, 5])
def test_grouping_equals_complete_link_over_the_candidates_scored_one_by_one(seed):
    events = _reports(300, seed)
    groups = group_reports(events)
    assert any(len(group) > 2 for group in groups)
    assert sorted(groups) == _plain_groups(events)
