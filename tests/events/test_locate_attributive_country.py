"""A country an article puts before an actor or a thing ("a X patrol", "the Y coalition")
says whose it is, not where the event happened (span task); a country governed on its own
still places it."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_country_qualifying_a_patrol_is_no_place():
    text = "A roadside bomb detonated near a Russia patrol on Monday."
    assert verb_place(text, "detonated") is None


def test_a_country_governed_on_its_own_is_the_place():
    text = "A roadside bomb detonated in Russia on Monday."
    assert verb_place(text, "detonated") == "Russia"
