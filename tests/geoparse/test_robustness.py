"""No input makes the geoparser raise, and every offset quotes the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.geoparse import geoparse

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_valid(text, mentions):
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.name
        assert m.kind in {"literal", "demonym", "metonym", "embedded"}


@SETTINGS
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    assert_valid(text, geoparse(text))


_WORDS = st.sampled_from(["Aleppo", "Syria", "in", "the", "of", "John", "Kerry", "Paris",
                          "-", ",", ".", "'s", "County", "village", "US", "al", "New", "York",
                          "\n", "Washington", "Post", "said", "Mr.", "Ill.", "Tripoli",
                          "Al-Tharda", "mountain", "ALEPPO", "Ľviv", "Zürich", "東京"])


@SETTINGS
@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_place_like_word_salad(text):
    assert_valid(text, geoparse(text))


@SETTINGS
@given(st.text(alphabet="0123456789 .,-\n", max_size=300))
def test_only_numbers(text):
    assert geoparse(text) == []


@SETTINGS
@given(st.text(alphabet=st.characters(categories=["Lu"]) | st.just(" "), max_size=300))
def test_only_capitals(text):
    assert_valid(text, geoparse(text))


def test_empty_and_blank_text():
    assert geoparse("") == []
    assert geoparse(" \n\t ") == []


def test_five_megabytes_finish_and_stay_valid():
    unit = ("Shelling hit Aleppo and Idlib, Syria, on Monday, said John Kerry. "
            "THE VILLAGE OF KAFR NUBL 12345 ")
    text = unit * (5_000_000 // len(unit))
    # How long it takes is scripts/bench.py large_article's business, not a timed unit test's.
    mentions = geoparse(text)
    assert len(mentions) >= text.count("Aleppo")
    assert_valid(text, mentions[:1000])
    assert_valid(text, mentions[-1000:])
