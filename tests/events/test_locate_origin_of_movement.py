""""Rebels fired from X at positions in Y": "from" names where a movement or a shot set out,
so an event's coordinates are at Y; the span task still answers X for "withdrew from X"."""

from __future__ import annotations

from event_fixtures import build_mentions, verb_place

from geomap.events.locate import locate_event


def _place(text: str, verb: str) -> str | None:
    start = text.index(verb)
    location = locate_event(text, (start, start + len(verb)), (0, len(text)),
                            build_mentions(text))
    return None if location is None or location.place is None else location.place.name


def test_the_event_lies_where_the_fire_landed_not_where_it_set_out():
    assert _place("Rebels fired from Homs at army positions in Idlib.", "fired") == "Idlib"


def test_a_lone_origin_still_places_the_event():
    assert _place("Rebels fired from Homs overnight.", "fired") == "Homs"


def test_the_span_task_keeps_the_place_left():
    assert verb_place("The militia withdrew from Homs after a week.", "withdrew") == "Homs"
