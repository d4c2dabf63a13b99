""""The X provincial governor", "the X district police chief": a name qualifying an actor
through a few lower-case words still names whose official it is, not where the event
happened."""

from __future__ import annotations

from event_fixtures import event_place


def test_the_province_of_a_governor_is_not_the_place_of_the_attack():
    text = "A roadside bomb exploded against the convoy of the Homs provincial governor in Idlib."
    assert event_place(text, "exploded") == "Idlib"


def test_the_district_of_a_police_chief_is_not_either():
    text = "Gunmen shot and killed the Homs district police chief in Idlib."
    assert event_place(text, "killed") == "Idlib"
