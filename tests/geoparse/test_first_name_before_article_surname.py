"""A name right before a surname the article gave a person is that person's first name, even
where a town bears it."""

from __future__ import annotations


def test_a_relative_sharing_the_surname_is_no_place(parse):
    text = "Coach Ivan Petrenko retired in June. His daughter Augusta Petrenko took over the team."
    assert [m.name for m in parse(text)] == []


def test_the_town_before_another_word_stays_a_place(parse):
    text = "Coach Ivan Petrenko retired in June. His daughter moved to Augusta, Arkansas."
    assert "Augusta" in [m.name for m in parse(text)]
