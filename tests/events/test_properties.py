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


def _triggers_one_pass_per_entry(text, sentences):
    """The plain reading of the lexicon: every entry scanned on its own with finditer."""
    import bisect
    import re

    from geomap.events import triggers

    lowered = text.lower() if len(text.lower()) == len(text) else None
    starts = [s for s, _ in sentences]
    buckets = [[] for _ in sentences]
    for cue, pattern, on_lower, strong in triggers._COMPILED:
        haystack = lowered if on_lower and lowered is not None else text
        if on_lower and lowered is None:
            pattern = re.compile(pattern.pattern, re.IGNORECASE)
        for m in pattern.finditer(haystack, sentences[0][0], sentences[-1][1]):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= sentences[i][1] and triggers._case_ok(
                    text[m.start():m.end()], pattern.pattern):
                buckets[i].append((m.start(), m.end(), cue, strong))
    return [triggers._resolve(text, sentences[i][0], b) for i, b in enumerate(buckets)]


TRIGGER_WORDS = st.sampled_from([
    "shelled", "shelling", "shells hit", "fired shells", "killed", "airstrikes", "air strike",
    "clashes", "fighting", "IED", "roadside bomb", "exploded", "protesters", "marched", "March",
    "rockets", "missiles struck", "captured the village", "seized", "Kharkiv", "the", "and", "-",
    "land mines", "mines exploded", "detonated", "unshelled", "İstanbul", ".", ",", "\n",
])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(TRIGGER_WORDS, min_size=1, max_size=40))
def test_the_gated_trigger_scan_finds_what_one_pass_per_entry_finds(words):
    from geomap.events.triggers import find_triggers_by_sentence
    from geomap.text import sentence_spans

    text = " ".join(words)
    sentences = sentence_spans(text) or [(0, len(text))]
    assert find_triggers_by_sentence(text, sentences) == _triggers_one_pass_per_entry(
        text, sentences)
