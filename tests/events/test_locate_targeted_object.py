""""Airstrikes targeted X": "targeted" governs the place it names, as "targeting" does, so X --
not the province named after it in brackets -- is where the strikes fell, also when the event's
word is the noun before it."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_object_of_targeted_places_the_strikes_named_before_it():
    text = "Coalition airstrikes reportedly targeted Jarablus district (Aleppo) on Monday."
    assert verb_place(text, "airstrikes") == "Jarablus"


def test_a_place_before_targeted_is_still_not_its_object():
    text = "Residents of Jarablus said coalition airstrikes targeted a convoy."
    assert verb_place(text, "airstrikes") is None
