"""A country named far from the verb frames the story rather than placing the event (span
task): "killed three villagers on Monday in the deadliest of the many raids carried out this
year across X" gives no place, while "killed three villagers in X" does."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_country_far_from_the_verb_is_no_place():
    text = ("Gunmen killed three villagers on Monday in the deadliest of the many raids carried "
            "out this year across Syria.")
    assert verb_place(text, "killed") is None


def test_a_country_near_the_verb_is_its_place():
    assert verb_place("Gunmen killed three villagers in Syria on Monday.", "killed") == "Syria"


def test_a_town_as_far_from_the_verb_keeps_its_place():
    text = ("Gunmen killed three villagers on Monday in the deadliest of the many raids carried "
            "out this year across Jarablus.")
    assert verb_place(text, "killed") == "Jarablus"
