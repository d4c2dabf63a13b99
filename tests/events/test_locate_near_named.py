"""(span task) "the X bridge near Y": Y only says where X lies, and X is where the event
happened; but a region is no landmark to a town ("workers from <province> near the town of Y")."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_place_near_another_is_the_answer():
    text = "A car bomb went off on the Karam Houmid bridge near Aleppo, killing four people."
    assert verb_place(text, "killing") == "Karam Houmid"


def test_a_region_before_near_does_not_demote_the_town():
    text = "Gunmen shot five farm workers from Kunar near the town of Asadabad."
    assert verb_place(text, "shot") == "Asadabad"


def test_a_place_on_the_outskirts_of_another_is_the_answer():
    text = "In the Karam Houmid quarter on the outskirts of Aleppo, shells killed two boys."
    assert verb_place(text, "killed") == "Karam Houmid"
