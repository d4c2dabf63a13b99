""""Park", "Harbor", "Castle", "Crossing", "Station" after a name belong to it: "Macon Park" is
the park, not the town it is named after; a facility word after words no place bears makes no
place."""

from __future__ import annotations

import pytest

from .parse_fixtures import names_of


@pytest.mark.parametrize(("text", "name"), [
    ("Joggers crowd Macon Park every morning before work.", "Macon Park"),
    ("Ferries crossed Baltimore Harbor at dawn with the cargo.", "Baltimore Harbor"),
    ("Visitors filled the shops of Decatur Station on Friday, the owners said.",
     "Decatur Station"),
])
def test_a_known_name_grows_into_its_park_or_harbour(parse, text, name):
    names = names_of(parse, text)
    assert name in names
    assert name.split()[0] not in names


def test_a_park_named_by_unknown_words_is_no_place(parse):
    text = "Neighbours of Brindlewick Home Park complained about the noise on Saturday."
    assert not any(name.endswith("Park") for name in names_of(parse, text))
