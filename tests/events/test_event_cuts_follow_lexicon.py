"""Where a sentence is cut into events comes from the lexicon's events.toml (issue #12): a
clause break the lexicon adds starts a second event, and one it lacks does not."""

from dataclasses import replace
from datetime import date

from geomap.events.extract import extract_events
from geomap.lexicons import ENGLISH
from geomap.model import Article

#: English plus an invented clause break.
WIDER = replace(ENGLISH, segment_break=ENGLISH.segment_break + r"|\bzugleich\b")


def _events(text, lexicon=ENGLISH):
    article = Article("cuts", text, published=date(2021, 5, 4))
    return [(e.sub_event_type, e.location) for e in extract_events(article, lexicon=lexicon)]


def test_a_clause_break_of_the_lexicon_starts_a_second_event():
    text = ("On 3 May 2021, rebels shelled an army post in Aleppo zugleich police arrested "
            "ten protesters in Homs.")
    english, wider = _events(text), _events(text, WIDER)
    assert len(english) == 1
    assert len(wider) == 2 and {place for _, place in wider} == {"Aleppo", "Homs"}


def test_english_breaks_still_cut_with_the_default_lexicon():
    text = ("On 3 May 2021, rebels shelled an army post in Aleppo meanwhile police arrested "
            "ten protesters in Homs.")
    assert len(_events(text)) == 2
