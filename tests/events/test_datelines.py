"""Datelines set the day relative dates count from; the given publication date only stands in
when a text has none. All sentences here are written for these tests."""

from datetime import date
from pathlib import Path

import pytest

from geomap.evaluate.events import evaluate_events, read_records
from geomap.events import extract_events
from geomap.events.dates import find_date, find_dateline, reference_day
from geomap.model import Article

PRESS_RELEASES = Path(__file__).parent.parent / "data" / "press_releases.jsonl"


@pytest.mark.parametrize(("text", "value"), [
    ("HERAT, Afghanistan (Feb. 9, 2012) – A patrol found a rocket cache.", date(2012, 2, 9)),
    ("Provincial Operations Update, Feb. 21, 2011\n\nKABUL – Soldiers cleared a road.",
     date(2011, 2, 21)),
    ("April 3, 2018 — Gunmen attacked a checkpoint.", date(2018, 4, 3)),
    ("GOMA, 7 October 2019 – The mission condemns the attack.", date(2019, 10, 7)),
    ("KISMAYO, Somalia, Dec. 2, 2014 (Xinhua) -- Militants shelled the port.", date(2014, 12, 2)),
    ("2020-05-17 | Defence ministry statement\nTroops repelled a raid.", date(2020, 5, 17)),
    ("Police Command\nPRESS RELEASE\nDate: 23/08/2019\n\nOfficers arrested two men.",
     date(2019, 8, 23)),
    ("Town clashes spread\nPESHAWAR, June 4, 2016: Police said two men died.", date(2016, 6, 4)),
])
def test_dateline_shapes(text, value):
    assert find_dateline(text).value == value


@pytest.mark.parametrize("text", [
    "On 4 March 2019, gunmen attacked a checkpoint near the river.",
    "Gunmen attacked a checkpoint. The raid happened on 4 March 2019 - officials said so.",
    "Soldiers were deployed in 2019 to guard the dam.",
])
def test_dates_inside_the_story_are_no_dateline(text):
    assert find_dateline(text) is None


def test_a_dateline_without_year_takes_it_from_the_publication_date():
    text = "BASRA, March 3 (Reuters) - A roadside bomb hit a convoy on Sunday."
    assert find_dateline(text) is None
    assert find_dateline(text, published=date(2013, 3, 4)).value == date(2013, 3, 3)


def test_dateline_wins_over_a_different_publication_date():
    text = "MOSUL, Iraq (Oct. 1, 2017) — A drone strike killed four fighters yesterday."
    assert reference_day(text, date(2017, 10, 20))[0] == date(2017, 10, 1)
    assert reference_day("A drone strike killed four fighters yesterday.",
                         date(2017, 10, 20))[0] == date(2017, 10, 20)


REFERENCE = date(2013, 1, 25)  # a Friday


@pytest.mark.parametrize(("phrase", "value", "precision"), [
    ("yesterday", date(2013, 1, 24), 1),
    ("last night", date(2013, 1, 24), 1),
    ("the day before yesterday", date(2013, 1, 23), 1),
    ("this morning", date(2013, 1, 25), 1),
    ("this afternoon", date(2013, 1, 25), 1),
    ("overnight", date(2013, 1, 25), 1),
    ("on Tuesday", date(2013, 1, 22), 1),
    ("on Friday", date(2013, 1, 25), 1),  # a Friday release's Friday is that very day
    ("last Friday", date(2013, 1, 18), 1),
    ("earlier this week", date(2013, 1, 25), 2),
    ("last week", date(2013, 1, 18), 2),
    ("earlier this month", date(2013, 1, 25), 3),
    ("last month", date(2012, 12, 15), 3),
    ("in March", date(2012, 3, 15), 3),
    ("last year", date(2012, 7, 1), 3),
    ("in 1995", date(1995, 7, 1), 3),
])
def test_relative_dates_count_from_the_reference_day(phrase, value, precision):
    found = find_date(f"Gunmen attacked the post {phrase}.", published=REFERENCE)
    assert (found.value, found.precision) == (value, precision)


def test_a_bare_year_gives_way_to_any_fuller_date():
    text = "A faction formed in 2009 raided the market on Tuesday."
    assert find_date(text, published=REFERENCE).value == date(2013, 1, 22)


def test_release_events_take_their_day_from_the_dateline():
    text = ("Insurgents lose commander in Logar\n\n"
            "KABUL, Afghanistan (March 8, 2012) – An Afghan and coalition force killed a "
            "Taliban commander and two fighters in Logar province on Wednesday. The force also "
            "detained a suspect.")
    events = extract_events(Article("r", text))
    assert len(events) == 1  # the headline restates the body's event
    assert (events[0].event_date, events[0].time_precision) == (date(2012, 3, 7), 1)
    assert events[0].fatalities == 3


def test_release_without_day_word_is_dated_to_its_dateline_week():
    text = ("BAIDOA, Somalia, July 9, 2019 (Xinhua) -- Government troops killed six militants "
            "in an ambush near the town, officials said.")
    event = extract_events(Article("r", text))[0]
    assert (event.event_date, event.time_precision) == (date(2019, 7, 9), 2)


def test_incident_record_date_dates_the_incident_itself():
    text = ("03/14/2019: Assailants shot dead a trader in a market. The suspects were arrested "
            "on March 20, 2019.")
    event = extract_events(Article("g", text))[0]
    assert (event.event_date, event.time_precision) == (date(2019, 3, 14), 1)


def test_own_press_release_corpus_meets_the_issue_targets():
    report = evaluate_events(read_records(PRESS_RELEASES))["press_release"]
    assert report["n"] >= 40
    assert report["fatalities"]["exact"] >= 0.85
    assert report["date"]["exact"] >= 0.85


def test_a_day_set_by_the_story_carries_to_the_next_sentences():
    text = ("On 12 August 2021, gunmen ambushed a police patrol on the ring road. Two officers "
            "were killed in the ensuing clash.")
    events = extract_events(Article("s", text))
    assert events and all(e.event_date == date(2021, 8, 12) for e in events)
