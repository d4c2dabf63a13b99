"""A surname the article gave a person stays the person's when it then speaks or is given an
age, even where a capital bears the name; alone, the capital's name is still a place."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_person_named_like_a_capital_who_speaks_is_no_place(parse):
    assert names_of(parse, "Councillor Ann Lima opened the fair. Lima said the rides "
                         "were safe.") == []


def test_the_capital_alone_is_still_a_place(parse):
    assert "Lima" in names_of(parse, "The flight from Quito landed in Lima at noon.")
