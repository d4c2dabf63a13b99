"""A time of day ("at 9:40 a.m. (0640 GMT)") does not end the verb's sentence: the place
named after it still belongs to the verb."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_place_after_a_time_of_day_belongs_to_the_verb():
    text = "A car bomb exploded at about 9:40 a.m. (0640 GMT) near a market in Homs."
    assert verb_place(text, "exploded") == "Homs"


def test_a_real_sentence_end_after_a_time_still_ends_the_sentence():
    text = "The talks ended at 5 p.m. Rebels later shelled Idlib."
    assert verb_place(text, "ended") is None
