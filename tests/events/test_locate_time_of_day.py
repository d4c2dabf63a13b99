"""A time of day ("at 9:40 a.m. (0640 GMT)") does not end the verb's sentence: the place
named after it still belongs to the verb."""

from __future__ import annotations

from event_fixtures import build_mentions

from geomap.events.locate import locate_verb


def _span(text: str, word: str) -> str | None:
    start = text.index(word)
    mention = locate_verb(text, start, start + len(word), build_mentions(text))
    return None if mention is None else mention.name


def test_a_place_after_a_time_of_day_belongs_to_the_verb():
    text = "A car bomb exploded at about 9:40 a.m. (0640 GMT) near a market in Homs."
    assert _span(text, "exploded") == "Homs"


def test_a_real_sentence_end_after_a_time_still_ends_the_sentence():
    text = "The talks ended at 5 p.m. Rebels later shelled Idlib."
    assert _span(text, "ended") is None
