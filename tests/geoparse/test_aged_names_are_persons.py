"""A name given an age ("X, 34,") is a person's, whatever town bears it, and so is the word
right before it; a country's name and a town followed by other numbers stay places."""

from __future__ import annotations

import pytest

from .parse_fixtures import names_of


@pytest.mark.parametrize("text", [
    "The crash killed Ariel Montoya, 22, and injured two others on the bridge.",
    "Police said Paris, 51, was found at home on Sunday.",
])
def test_an_aged_name_and_its_first_name_are_no_places(parse, text):
    assert names_of(parse, text) == []


def test_a_town_before_other_numbers_stays_a_place(parse):
    assert "Kabul" in names_of(parse, "The buses left Kabul, 12 hours late.")
