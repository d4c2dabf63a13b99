"""A site named after a place ("the X intersection in Y", "the X camp at Y") lies in the place
named after it: the event is placed at Y, not at the place the site takes its name from."""

from __future__ import annotations

from event_fixtures import event_location

from geomap.model import Mention, Place

NAMED_AFTER = Place("Velmora", 34.00, 36.00, 1, "ZZ", "Coastal", "P", "PPLA", 900_000)
HOLDER = Place("Dastri", 33.10, 37.40, 2, "ZZ", "Inland", "P", "PPL", 40_000)


def _locate(text: str, verb: str):
    mentions = []
    for name, place in (("Velmora", NAMED_AFTER), ("Dastri", HOLDER)):
        if name in text:
            at = text.index(name)
            mentions.append(Mention(at, at + len(name), name, "literal", place, 0.8))
    mentions.sort(key=lambda m: m.start)
    return event_location(text, verb, mentions)


def test_the_place_after_a_site_named_for_another_place_is_the_event_place():
    for text in ("On Monday, gunmen attacked soldiers at the Velmora intersection in Dastri.",
                 "On Monday, a rocket hit the Velmora Refugee Camp near Dastri.",
                 "On Monday, gunmen attacked soldiers at the Velmora police station in Dastri."):
        location = _locate(text, "attacked" if "attacked" in text else "hit")
        assert location is not None and location.place == HOLDER, text


def test_a_site_with_no_place_after_it_keeps_its_own_place():
    location = _locate("On Monday, gunmen attacked soldiers at the Velmora intersection.",
                       "attacked")
    assert location is not None and location.place == NAMED_AFTER


def test_two_places_without_a_site_word_between_them_keep_the_usual_choice():
    location = _locate("On Monday, gunmen attacked soldiers in Velmora and later in Dastri.",
                       "attacked")
    assert location is not None and location.place == NAMED_AFTER
