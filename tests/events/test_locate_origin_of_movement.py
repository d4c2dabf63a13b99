""""Rebels fired from X at positions in Y": "from" names where a movement or a shot set out,
so an event's coordinates are at Y; the span task still answers X for "withdrew from X"."""

from __future__ import annotations

from event_fixtures import event_place, verb_place


def test_the_event_lies_where_the_fire_landed_not_where_it_set_out():
    assert event_place("Rebels fired from Homs at army positions in Idlib.", "fired") == "Idlib"


def test_a_lone_origin_still_places_the_event():
    assert event_place("Rebels fired from Homs overnight.", "fired") == "Homs"


def test_the_span_task_keeps_the_place_left():
    assert verb_place("The militia withdrew from Homs after a week.", "withdrew") == "Homs"
