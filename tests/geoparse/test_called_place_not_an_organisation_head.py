"""The "X, <state>" form calls X a town; an organisation's head word that ends a longer
capitalised name is no town for it ("... State University, California ..."), while a town
that bears such a word alone still is one."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_university_before_a_state_name_is_no_town(parse):
    text = "She chose Coastal Plains State University, California Lutheran and a college."
    assert "University" not in names_of(parse, text)


def test_a_town_called_by_an_organisation_word_stays_a_place(parse):
    text = "The fair in Union, Ohio, opened on Friday."
    assert "Union" in names_of(parse, text)
