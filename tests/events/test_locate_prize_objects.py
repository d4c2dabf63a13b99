"""A verb of taking whose object is a win in a race, a match or a vote ("captured her first
tour victory", "captured 40 wickets", "captured an absolute majority") takes no place: the
place named after it is where the contest was held, not a place that was fought over."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_win_several_words_on_is_still_a_prize():
    text = "The veteran driver captured his third straight desert rally victory near Homs."
    assert verb_place(text, "captured") is None


def test_a_bowlers_wickets_are_a_prize():
    text = "The spinner captured 31 wickets in Homs last winter."
    assert verb_place(text, "captured") is None


def test_an_absolute_majority_is_a_prize_but_the_majority_of_a_town_is_not():
    assert verb_place("The party captured an absolute majority in Homs.", "captured") is None
    text = "Rebels captured the majority of the old quarter in Homs."
    assert verb_place(text, "captured") == "Homs"


def test_the_lead_of_a_race_is_a_prize_but_a_lead_vehicle_is_not():
    assert verb_place("She captured the clubhouse lead in Homs.", "captured") is None
    text = "Militants captured the lead truck of the convoy near Homs."
    assert verb_place(text, "captured") == "Homs"
