"""Casualty words come from the lexicon a caller passes, not from English alone: a lexicon with
one more casualty verb reads a toll English does not (issue #12)."""

from dataclasses import replace
from datetime import date

from geomap.events.casualties import parse_casualties
from geomap.events.casualty_patterns import casualty_words
from geomap.events.extract import extract_events
from geomap.events.numbers import parse_count
from geomap.lexicons import ENGLISH
from geomap.model import Article

#: English plus one invented casualty verb, read both as a passive and an active verb.
WIDER = replace(ENGLISH, kill=(*ENGLISH.kill, "vanquished"),
                active_verbs=(*ENGLISH.active_verbs, "vanquished"))


def test_a_new_casualty_verb_is_read_only_with_its_lexicon():
    passive = "Four villagers were vanquished near the mill."
    active = "Raiders vanquished at least three guards at the depot."
    assert parse_casualties(passive).fatalities is None
    assert parse_casualties(active).fatalities is None
    assert parse_casualties(passive, WIDER).fatalities == 4
    found = parse_casualties(active, WIDER)
    assert (found.fatalities, found.fatalities_low) == (3, 3)


def test_extract_events_reads_casualties_with_the_lexicon_passed():
    text = "On 3 May 2021, gunmen attacked a checkpoint and six soldiers were vanquished."
    article = Article("lexicon", text, published=date(2021, 5, 4))
    english = extract_events(article, mentions=[])
    wider = extract_events(article, mentions=[], lexicon=WIDER)
    assert english and wider
    assert english[0].fatalities in (None, 0)
    assert wider[0].fatalities == 6


def test_patterns_are_built_once_per_lexicon():
    assert casualty_words(WIDER) is casualty_words(WIDER)
    assert casualty_words() is casualty_words(ENGLISH)
    assert casualty_words(WIDER) is not casualty_words(ENGLISH)


def test_person_nouns_and_number_words_follow_the_lexicon():
    people = replace(ENGLISH, person=(*ENGLISH.person, "oarsmen"))
    counted = replace(ENGLISH, units=(*ENGLISH.units, ("zwo", 2)))
    nouns = "Gunmen stormed the quay; five oarsmen were later found and killed by the gunmen."
    assert parse_casualties(nouns).fatalities is None
    assert parse_casualties(nouns, people).fatalities == 5
    spelled = "In the raid, zwo villagers were killed."
    assert parse_casualties(spelled).fatalities is None
    assert parse_casualties(spelled, counted).fatalities == 2
    assert parse_count("zwo", counted) == 2 and parse_count("zwo") is None
