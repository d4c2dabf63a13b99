"""A name whose head goes on with "of" and another name ("Gulf of X", "Republic of Y") is one
name for the span answer; "X District of Y" stays two places."""

from __future__ import annotations

from event_fixtures import verb_place

from geomap.model import Mention


def _read(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, "literal", None, 0.9)


def test_a_gulf_of_a_named_sea_is_one_name():
    text = "Pirates captured a tanker in the Gulf of Tadjoura on Monday."
    assert verb_place(text, "captured", [_read(text, "Gulf")]) == "Gulf of Tadjoura"


def test_a_district_of_a_province_is_not():
    text = "Rebels captured the Chawkay District of Kunar on Monday."
    assert verb_place(text, "captured", [_read(text, "Chawkay District")]) == "Chawkay District"
