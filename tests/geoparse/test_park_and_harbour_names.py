""""Park", "Harbor", "Castle", "Crossing", "Station" after a name belong to it: "Knox Park" is
the park, not the town it is named after; a facility word after words no place bears makes no
place."""

from __future__ import annotations

import pytest


def _names(parse, text):
    return [m.name for m in parse(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Skaters are banned from Knox Park after dark, the council said.", "Knox Park"),
    ("Tolls rose at the Boston Harbor tunnels this spring, drivers said.", "Boston Harbor"),
    ("Visitors filled the shops of Decatur Station on Friday, the owners said.",
     "Decatur Station"),
])
def test_a_known_name_grows_into_its_park_or_harbour(parse, text, name):
    names = _names(parse, text)
    assert name in names
    assert name.split()[0] not in names


def test_a_park_named_by_unknown_words_is_no_place(parse):
    text = "Neighbours of Brindlewick Home Park complained about the noise on Saturday."
    assert not any(name.endswith("Park") for name in _names(parse, text))
