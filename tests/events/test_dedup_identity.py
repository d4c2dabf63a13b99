"""Dedup merges only the reports of one happening: near misses stay apart, true duplicates join.

The events are written here (sentences of our own, places from the embedded gazetteer's
coordinates) so that each rule is tested on its own, without the extraction stage.
"""

import random
from datetime import date, timedelta
from itertools import combinations

import pytest

from geomap.events.dedup import candidate_pairs, deduplicate, happenings
from geomap.events.identity import match_score, report_of
from geomap.model import Event

MONDAY = date(2023, 3, 13)
ALEPPO = dict(location="Aleppo", admin1="Aleppo", country="Syria", lat=36.20124, lon=37.16117,
              geonameid=170063, geo_precision=1)
KARAM_HOUMID = dict(location="Karam Houmid", admin1="Aleppo", country="Syria", lat=36.1923,
                    lon=37.1853, geonameid=-143187920073989, geo_precision=1)
BUSTAN = dict(location="Bustan al-Qasr", admin1="Aleppo", country="Syria", lat=36.196,
              lon=37.14, geonameid=-16469299167623, geo_precision=1)
NAIROBI = dict(location="Nairobi", admin1="Nairobi County", country="Kenya", lat=-1.28333,
               lon=36.81667, geonameid=184745, geo_precision=1)
TAFAS = dict(location="Tafas", admin1="Daraa", country="Syria", lat=32.7363, lon=35.9707,
             geonameid=163806, geo_precision=1)
DAEL = dict(location="Da'il", admin1="Daraa", country="Syria", lat=32.7561, lon=36.0362,
            geonameid=170959, geo_precision=1)
DARAA_REGION = dict(location="Daraa", admin1="Daraa", country="Syria", lat=32.8, lon=36.2,
                    geonameid=-1, geo_precision=3)


def report(article, notes, *, event_type="Explosions/Remote violence",
           sub_event_type="Remote explosive/landmine/IED", day=MONDAY, precision=1,
           place=KARAM_HOUMID, fatalities=None, injured=None, actor1=None, actor2=None,
           event_id=None, **extra):
    return Event(event_id=event_id or f"{article}-1", article_id=article, event_type=event_type,
                 sub_event_type=sub_event_type, event_date=day, time_precision=precision,
                 fatalities=fatalities, injured=injured, actor1=actor1, actor2=actor2,
                 notes=notes, source=article.split("-")[0].title(),
                 source_url=f"https://{article}.example/story", **{**place, **extra})


def test_one_bombing_told_by_three_outlets_is_one_event_with_every_report():
    reports = [
        report("wire-1", "A car bomb ripped through a vegetable market in Karam Houmid, Aleppo, "
               "killing 14 people, a hospital director said.", fatalities=14),
        report("daily-2", "At least 12 people died when an explosives-laden car blew up at a "
               "busy market in Aleppo's Karam Houmid neighbourhood.", fatalities=12, injured=30),
        report("radio-3", "A car bomb exploded at a crowded market in Aleppo, killing 13 "
               "people and wounding 25.", place=ALEPPO, fatalities=13, injured=25),
    ]
    merged = deduplicate(reports)
    assert len(merged) == 1
    event = merged[0]
    assert event.fatalities == 12  # ACLED: the most conservative figure
    assert (event.fatalities_low, event.fatalities_high) == (12, 14)
    assert event.injured == 25  # the lowest given
    assert event.article_ids == ("daily-2", "radio-3", "wire-1")
    assert event.sources == ("Daily", "Radio", "Wire") and len(event.source_urls) == 3
    assert event.n_reports == 3
    assert event.location == "Karam Houmid"  # the finest place any report gives


def test_two_bombings_in_two_quarters_of_one_city_on_one_day_stay_apart():
    market = report("wire-1", "A car bomb killed 14 people at a market in Karam Houmid.",
                    fatalities=14)
    police = report("daily-2", "A roadside bomb wounded three police officers in Bustan "
                    "al-Qasr.", place=BUSTAN, fatalities=0, injured=3)
    assert len(deduplicate([market, police])) == 2
    # even when the police bombing is placed only at the city that holds both quarters
    vague = report("radio-3", "A roadside bomb wounded three police officers in Aleppo.",
                   place=ALEPPO, fatalities=0, injured=3)
    assert len(deduplicate([market, vague])) == 2


def test_two_protests_by_different_groups_in_one_capital_on_one_day_stay_apart():
    kinds = dict(event_type="Protests", sub_event_type="Peaceful protest", place=NAIROBI,
                 actor1="Protesters", fatalities=0)
    teachers = report("wire-1", "Hundreds of teachers protested in Nairobi over salary arrears.",
                      **kinds)
    doctors = report("daily-2", "Doctors marched through Nairobi against a medicine shortage.",
                     **kinds)
    more_teachers = report("radio-3", "Thousands of teachers demonstrated in Nairobi over unpaid "
                           "salaries.", **kinds)
    groups = happenings([teachers, doctors, more_teachers])
    assert sorted(sorted(e.article_id for e in g) for g in groups) == [
        ["daily-2"], ["radio-3", "wire-1"]]


def test_battles_at_two_villages_six_km_apart_stay_apart():
    kinds = dict(event_type="Battles", sub_event_type="Armed clash", fatalities=5,
                 actor1="Government forces", actor2="Rebels")
    first = report("wire-1", "Troops clashed with rebels in Tafas, leaving five dead.",
                   place=TAFAS, **kinds)
    second = report("daily-2", "Troops and rebels fought in Da'il; five were killed.",
                    place=DAEL, **kinds)
    assert len(deduplicate([first, second])) == 2


def test_day_precise_reports_of_different_days_stay_apart_but_a_week_overlaps():
    monday = report("wire-1", "A car bomb killed two people at a market in Karam Houmid.",
                    fatalities=2)
    tuesday = report("daily-2", "A car bomb killed two people at a market in Karam Houmid.",
                     fatalities=2, day=MONDAY + timedelta(days=1))
    assert len(deduplicate([monday, tuesday])) == 2
    this_week = report("radio-3", "A car bomb killed two people at a market in Karam Houmid "
                       "this week.", fatalities=2, day=MONDAY + timedelta(days=2), precision=2)
    assert len(deduplicate([monday, this_week])) == 1


@pytest.mark.parametrize(("field", "value"), [
    ("event_type", "Battles"), ("sub_event_type", "Air/drone strike"),
    ("fatalities", 0), ("fatalities", 40), ("actor1", "Islamic State"),
])
def test_a_conflicting_type_figure_or_actor_keeps_reports_apart(field, value):
    base = dict(fatalities=9, actor1="Hayat Tahrir al-Sham")
    first = report("wire-1", "A car bomb killed nine people at a market in Karam Houmid.", **base)
    second = report("daily-2", "A car bomb killed nine people at a market in Karam Houmid.",
                    **{**base, field: value})
    assert len(deduplicate([first, second])) == 2


def test_two_sentences_naming_different_villages_at_one_district_stay_apart():
    kinds = dict(place=ALEPPO, sub_event_type="Shelling/artillery/missile attack")
    first = report("wire-1", "Government forces shelled Anadan in the Aleppo countryside.",
                   **kinds)
    second = report("daily-2", "Government forces shelled Hayan in the Aleppo countryside.",
                    **kinds)
    assert len(deduplicate([first, second])) == 2


def test_events_of_one_article_are_never_merged():
    first = report("wire-1", "A car bomb killed nine people at a market in Karam Houmid.")
    second = first.replace(event_id="wire-1-2")
    assert len(deduplicate([first, second])) == 2


def test_reports_join_only_when_each_matches_every_other_no_chaining():
    # the city report fits either quarter's bombing, but the two quarters are two places
    city = report("radio-3", "A car bomb exploded at a market in Aleppo, killing people.",
                  place=ALEPPO, fatalities=9)
    east = report("wire-1", "A car bomb exploded at a market in Karam Houmid in Aleppo, killing "
                  "people.", fatalities=9)
    west = report("daily-2", "A car bomb exploded at a market in Bustan al-Qasr in Aleppo, "
                  "killing people.", place=BUSTAN, fatalities=9)
    groups = happenings([city, east, west])
    assert len(groups) == 2
    assert not any({"wire-1", "daily-2"} <= {e.article_id for e in g} for g in groups)


def test_a_region_level_report_contains_a_town_report_of_its_region():
    kinds = dict(event_type="Battles", sub_event_type="Armed clash", fatalities=4)
    town = report("wire-1", "Troops clashed with rebels in Tafas in Daraa province, killing "
                  "four fighters.", place=TAFAS, **kinds)
    region = report("daily-2", "Troops clashed with rebels in Daraa province, killing four "
                    "fighters.", place=DARAA_REGION, **kinds)
    merged = deduplicate([town, region])
    assert len(merged) == 1 and merged[0].location == "Tafas" and merged[0].geo_precision == 1


def test_undated_or_unplaced_reports_stay_alone_and_unmapped_ones_need_the_same_name():
    notes = "A car bomb killed nine people at a market in Karam Houmid."
    undated = [report("wire-1", notes, day=None), report("daily-2", notes, day=None)]
    assert len(deduplicate(undated)) == 2
    nowhere = dict(location=None, admin1=None, country=None, lat=None, lon=None,
                   geonameid=None, geo_precision=None)
    assert len(deduplicate([report("wire-1", notes, place=nowhere),
                            report("daily-2", notes, place=nowhere)])) == 2
    unmapped = {**KARAM_HOUMID, "lat": None, "lon": None, "geonameid": None}
    assert len(deduplicate([report("wire-1", notes, place=unmapped),
                            report("daily-2", notes, place=unmapped)])) == 1
    assert len(deduplicate([report("wire-1", notes, place=unmapped),
                            report("daily-2", notes)])) == 2


def _synthetic(count, seed):
    rng = random.Random(seed)
    places = [ALEPPO, KARAM_HOUMID, BUSTAN, TAFAS, DAEL, DARAA_REGION]
    sentences = ["A car bomb killed people at a market.", "A bomb exploded near a market.",
                 "Gunmen fired on a checkpoint.", "A car bomb killed people in a market."]
    return [report(f"art{rng.randrange(count // 2)}", rng.choice(
        sentences), place=rng.choice(places), day=MONDAY + timedelta(days=rng.randrange(6)),
        precision=rng.choice((1, 1, 2, 3)), fatalities=rng.choice((None, 0, 2, 3, 9)),
        event_id=f"e{i}") for i in range(count)]


def test_the_buckets_find_every_pair_the_rule_accepts():
    events = sorted(_synthetic(120, seed=3), key=lambda e: e.event_id)
    accepted = {(i, j) for i, j in combinations(range(len(events)), 2)
                if match_score(report_of(events[i]), report_of(events[j])) is not None}
    assert accepted, "the sample must hold some duplicates"
    assert accepted <= set(candidate_pairs(events))


def test_the_result_does_not_depend_on_input_order():
    events = _synthetic(150, seed=5)
    expected = deduplicate(events)
    assert any(e.n_reports > 1 for e in expected)
    for seed in range(3):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert deduplicate(shuffled) == expected
