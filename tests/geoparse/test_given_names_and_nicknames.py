"""A place's name used as a person's given name before a middle initial, or as a nickname in
quotes between a given name and a surname, is no place."""

from __future__ import annotations

import pytest

from .parse_fixtures import names_of


@pytest.mark.parametrize("text, person", [
    ("The driver, Georgia M. Pellow, 44, was taken to a hospital in Tillworth.", "Georgia"),
    ("Police said Dakota R. Pellow left Aleppo on Monday.", "Dakota"),
])
def test_a_name_before_a_middle_initial_is_a_given_name(parse, text, person):
    assert person not in names_of(parse, text)


def test_an_initial_pair_after_a_city_keeps_the_city(parse):
    assert "Washington D. C." in names_of(parse, "She moved to Washington D. C. last year.")


@pytest.mark.parametrize("text, nickname", [
    ('Marietta "Rio" Vasquez was elected in Tillworth.', "Rio"),
    ("Ansel “Boston” Quimby said the road to Aleppo was closed.", "Boston"),
])
def test_a_quoted_nickname_between_names_is_no_place(parse, text, nickname):
    assert nickname not in names_of(parse, text)


def test_a_quoted_place_without_a_surname_stays_a_place(parse):
    assert "Boston" in names_of(parse, 'The "Boston" office said the road to Aleppo was closed.')
