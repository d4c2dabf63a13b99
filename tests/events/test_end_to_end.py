"""The whole stage on real geoparser output: the user's example, our own article, and a slice of
the shared evaluation data when it is present."""

from datetime import date

import pytest
from test_extract import FIXTURE

from geomap.events import extract_events
from geomap.events.taxonomy import EXPLOSIONS, STRATEGIC
from geomap.model import Article

FORBIDDEN = {"Moscow", "Washington", "Ireland", "Japan", "Ukraine"}


def _check_kerry_story(events):
    by_place = {}
    for event in events:
        by_place.setdefault(event.location, []).append(event)
    assert not FORBIDDEN & set(by_place), by_place.keys()
    assert not {e.country for e in events} & {"Ireland", "Japan", "Ukraine", "Russia",
                                              "United States"}
    aleppo = [e for e in by_place.get("Aleppo", []) if (e.fatalities or 0) >= 100]
    assert aleppo and aleppo[0].sub_event_type in {"Air/drone strike",
                                                   "Shelling/artillery/missile attack"}
    karam = by_place["Karam Houmid"]
    assert [(e.sub_event_type, e.event_date) for e in karam] == [
        ("Air/drone strike", date(2016, 10, 4))]
    tartus = [e for e in events if e.location and "art" in e.location and e.admin1 == "Tartus"]
    assert [e.event_type for e in tartus] == [STRATEGIC]
    tharda = [e for e in events if e.location and "Tharda" in e.location]
    assert len(tharda) == 1
    assert (tharda[0].sub_event_type, tharda[0].event_date, tharda[0].fatalities) == (
        "Air/drone strike", date(2016, 9, 17), 80)
    assert all(e.event_type in {EXPLOSIONS, STRATEGIC} for e in events)


def test_user_example_end_to_end(user_example):
    text = user_example.read_text(encoding="utf-8")
    events = extract_events(Article("kerry", text, published=date(2016, 10, 7)))
    _check_kerry_story(events)


def test_own_fixture_article_end_to_end_with_the_real_geoparser():
    events = extract_events(Article("fixture", FIXTURE, published=date(2016, 10, 7)))
    _check_kerry_story(events)


def test_shared_acled_slice_keeps_its_level(shared_eval):
    """A regression guard on 300 development records (the full table comes from `geomap eval`)."""
    from geomap.evaluate.events import evaluate_events, read_records

    records = read_records(shared_eval / "events" / "acled.jsonl")
    report = evaluate_events(records, limit=300)["acled"]
    assert report["event_type_accuracy"] >= 0.85
    assert report["fatalities"]["exact"] >= 0.85


@pytest.mark.parametrize("name", ["gtd.jsonl", "event_location.jsonl", "plover_gsr.jsonl"])
def test_every_shared_corpus_runs_without_error(shared_eval, name):
    from geomap.evaluate.events import evaluate_events, read_records
    from geomap.evaluate.locate import evaluate_locate

    records = read_records(shared_eval / "events" / name)
    if name == "event_location.jsonl":
        assert evaluate_locate(records, limit=200)["verbs"] >= 200
    else:
        assert next(iter(evaluate_events(records, limit=200).values()))["n"] == 200
