"""The span task's preference for towns over provinces and countries only breaks near-ties: a
region the verb governs clearly more closely than the town ("launched an offensive in the X
countryside to retake the town of Y") is where the event is placed."""

from __future__ import annotations

from event_fixtures import event_place, verb_place

OFFENSIVE = ("Rebels launched a wide offensive in the Kunar countryside on Monday morning in an "
             "attempt to retake the hilltop town of Asadabad.")


def test_a_region_governed_next_to_the_verb_beats_a_town_in_a_later_clause():
    assert verb_place(OFFENSIVE, "launched") == "Kunar"


def test_the_town_still_wins_a_near_tie():
    text = "Rebels shelled Asadabad in Kunar on Monday."
    assert verb_place(text, "shelled") == "Asadabad"


def test_the_events_path_still_prefers_the_town():
    assert event_place(OFFENSIVE, "launched") == "Asadabad"


def test_a_region_that_only_says_where_the_town_lies_does_not_win():
    text = "A bomb in the old quarter of Asadabad in the restive province of Kunar killed four."
    assert verb_place(text, "killed") == "Asadabad"
