"""A compass point's initial before a street's name ("E. Harlow Street") is part of its name."""

from __future__ import annotations

import pytest

from .parse_fixtures import names_of


@pytest.mark.parametrize("text, street", [
    ("The bakery at 210 E. Harlow Street, Aleppo, reopened.", "E. Harlow Street"),
    ("A truck overturned on S. Quarry Road near Kabul.", "S. Quarry Road"),
])
def test_a_compass_initial_belongs_to_the_street(parse, text, street):
    found = names_of(parse, text)
    assert street in found
    assert street.split(" ", 1)[1] not in found


def test_a_middle_initial_before_a_surname_is_no_street_part(parse):
    assert "E. Harlow" not in names_of(parse, "Ada E. Harlow spoke in Aleppo.")
