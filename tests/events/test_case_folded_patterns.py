"""A case-free pattern run case-sensitively on lower-cased ASCII text (phrases.folded) finds the
same matches at the same offsets, and the patterns it can not stand for are refused."""

from __future__ import annotations

import re

import pytest

from geomap.events import casualties
from geomap.events.casualties import parse_casualties
from geomap.events.casualty_patterns import casualty_words
from geomap.lexicons.phrases import folded, on_text

_SENTENCES = [
    "Gunmen killed 4 villagers and wounded two others near the old mill on Sunday.",
    "AT LEAST TWELVE SOLDIERS WERE KILLED WHEN A ROADSIDE BOMB STRUCK THEIR CONVOY.",
    "No Casualties Were Reported After The Shelling Of The Depot.",
    "The death toll rose to 31, officials said; the attacker then blew himself up.",
    "One of the five dead was a teacher. Three people were hurt, medics said.",
    "Fatalities were split between 3 events. Some 200 protesters gathered peacefully.",
    "tHe BlAsT kIlLeD sEvEn AnD iNjUrEd A dOzEn, ThE pOlIcE sAiD.",
]


def _patterns() -> list[re.Pattern]:
    words = casualty_words()
    grammar = [getattr(words.g, name) for name in dir(words.g)
               if isinstance(getattr(words.g, name), re.Pattern)]
    return [words.verb, words.not_people_after, words.not_people_before, words.reduced, *grammar]


def test_folded_patterns_find_the_same_matches():
    accepted = 0
    for pattern in _patterns():
        fast = folded(pattern)
        if fast is None:
            continue
        accepted += 1
        for text in _SENTENCES:
            assert [m.span() for m in fast.finditer(text.lower())] == \
                   [m.span() for m in pattern.finditer(text)], (pattern.pattern[:60], text)
    assert accepted >= 10  # most casualty phrases are plain lower-case words


@pytest.mark.parametrize("source", [
    r"(?-i:[a-z])ed",  # a span that keeps case would match a lowered capital
    r"Taliban",  # a capital: lower-cased text never holds it
    r"\x41b",  # a character given by its code may be a capital
    "\u212a",  # the Kelvin sign matches "k" without case
])
def test_patterns_that_can_not_be_folded_are_refused(source):
    assert folded(re.compile(source, re.IGNORECASE)) is None


def test_cased_patterns_and_group_names():
    assert folded(re.compile("killed")) is None  # compiled with case already
    assert folded(re.compile(r"(?P<num>\d+)\s+dead\b", re.IGNORECASE)) is not None
    assert folded(re.compile(r"(?P<Num>\d+)\s+\Bdead\S", re.IGNORECASE)) is not None


def test_on_text_keeps_non_ascii_text_case_free():
    pattern = re.compile("killed", re.IGNORECASE)
    text = "Sie wurden getötet: KILLED"
    run, subject = on_text(pattern, text, None)
    assert (run, subject) == (pattern, text)
    run, subject = on_text(pattern, "KILLED", "killed")
    assert run.search(subject).span() == (0, 6)


@pytest.mark.parametrize("text", _SENTENCES)
def test_casualties_read_the_same_without_folding(text, monkeypatch):
    folded_reading = parse_casualties(text)
    monkeypatch.setattr(casualties, "folded", lambda pattern: None)
    monkeypatch.setattr(casualties, "on_text", lambda pattern, text, lowered: (pattern, text))
    assert parse_casualties(text) == folded_reading


@pytest.mark.parametrize("text", [
    "On 3 May 2020, gunmen raided a farm.", "ON MARCH 14, 2019 A BOMB WENT OFF.",
    "The Talks Of 21 Sept. 2018 Ended.", "police said on 02/11/2021 that May 5 was calm",
])
def test_calendar_dates_read_the_same_without_folding(text, monkeypatch):
    from datetime import date

    from geomap.events import dates

    folded_reading = dates.find_dates(text, published=date(2021, 6, 1))
    monkeypatch.setattr(dates, "on_text", lambda pattern, text, lowered: (pattern, text))
    assert dates.find_dates(text, published=date(2021, 6, 1)) == folded_reading
    assert folded_reading  # every sentence holds a calendar date
