"""The span task answers with the name, not its coordinates: a name the gazetteer reads in
another country, or outside the district the sentence puts it in, still names the place
(its reading is wrong, the span is not). The coordinates task still distrusts such readings."""

from __future__ import annotations

from event_fixtures import build_mentions, verb_place

from geomap.events.locate import locate_event


def test_a_name_read_abroad_still_names_the_place():
    text = "Police in Homs and Idlib said militants attacked Asadabad market on Friday."
    assert verb_place(text, "attacked") == "Asadabad"


def test_a_name_read_outside_its_district_still_names_the_place():
    text = "Militants shot a guard near the Asadabad area of Homs district."
    assert verb_place(text, "shot") == "Asadabad"


def test_the_coordinates_task_still_distrusts_a_reading_abroad():
    text = "Police in Homs and Idlib said militants attacked Asadabad market on Friday."
    start = text.index("attacked")
    location = locate_event(text, (start, start + 8), (0, len(text)), build_mentions(text),
                            country="SY")
    assert location is not None and location.place.country == "SY"
