"""US news names a legislator with a party's letter glued to the town the legislator represents
("Sen. X, D-Town", "Rep. Y (R-Town)"): that town is a place, though the hyphen glues it to a
letter that is no place and a person's name stands before it."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_party_letter_after_a_comma_names_a_home_town(parse):
    text = "The bill was filed by state Sen. Orla Vantreece, D-Springfield, on Tuesday."
    assert "Springfield" in names_of(parse, text)


def test_a_party_letter_in_brackets_names_a_home_town(parse):
    text = "Rep. Dell Marquardt (R-Lakeview) voted against the measure."
    assert "Lakeview" in names_of(parse, text)


def test_a_capitalised_word_glued_to_another_letter_stays_out(parse):
    text = "The team tested the X-Lakeview prototype on Monday."
    assert "Lakeview" not in names_of(parse, text)
