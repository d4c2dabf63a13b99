"""Arbitrary text never breaks the stage, and what it returns always keeps the contract."""

from datetime import date

from event_fixtures import PLACES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.events import events_frame, extract_events
from geomap.events.casualties import parse_casualties
from geomap.events.dates import find_date
from geomap.events.taxonomy import SUB_EVENT_TYPES
from geomap.model import EVENT_FIELDS, Article, Mention

WORDS = st.sampled_from([
    "killed", "12", "at least", "dozens", "airstrike", "in", "Aleppo", "near", "protest",
    "police", "arrested", "shelled", "2016", "Resolution 2254", "80 km", "on Friday", ",", ".",
    "said", "would", "attack", "rebels", "wounded", "Casualties unknown", "between 3 and", "\n",
    "F-16", "tear gas", "IED", "[size=no report]", "Fatalities coded as 0", "hundreds of",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1))))
def test_arbitrary_text_gives_valid_events(text, published):
    mentions = [Mention(i, i + 6, "Aleppo", "literal", PLACES["Aleppo"], 0.9)
                for i in range(len(text)) if text.startswith("Aleppo", i)]
    events = extract_events(Article("p", text, published=published), mentions)
    for event in events:
        assert SUB_EVENT_TYPES[event.sub_event_type] == event.event_type
        assert event.fatalities is None or event.fatalities >= 0
        assert event.time_precision in (None, 1, 2, 3)
        start, end = event.trigger_span
        assert 0 <= start < end <= len(text)
    assert list(events_frame(events).columns) == list(EVENT_FIELDS)


@settings(max_examples=200, deadline=None)
@given(text=TEXT)
def test_casualties_and_dates_never_raise(text):
    result = parse_casualties(text)
    assert result.fatalities is None or result.fatalities >= 0
    find_date(text, published=date(2020, 5, 1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT)
def test_arbitrary_text_through_the_real_geoparser(text):
    events = extract_events(Article("g", text, published=date(2020, 5, 1)))
    for event in events:
        assert (event.lat is None) == (event.lon is None)
        assert event.geo_precision in (None, 1, 2, 3)
