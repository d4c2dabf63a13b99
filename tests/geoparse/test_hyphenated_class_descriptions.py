""""X is a census-designated place", "X is a fifth-class town": a hyphenated description of
the class word calls X a place as plainly as "X is a small town" -- enough for a town that
bears a given name or a surname."""

from __future__ import annotations


def test_a_hyphenated_description_calls_a_town_a_place(parse):
    text = "Vernon is a fifth-class town on the river. Vernon has a small museum."
    assert [m.name for m in parse(text)] == ["Vernon", "Vernon"]


def test_a_hyphenated_age_before_an_office_calls_no_place(parse):
    text = "Vernon Pike, a long-serving city councillor, opened the museum."
    assert "Pike" not in [m.name for m in parse(text)]


def test_a_local_unit_word_calls_a_place(parse):
    text = "Vernon is a tehsil of the hill district. Vernon has two colleges."
    assert [m.name for m in parse(text)] == ["Vernon", "Vernon"]
