"""A lower-case Arabic article between two capitalised words joins them into one name: where
the text places the whole, the whole is the place (not the namesake its first or last word
spells); a word after an article in a person's name is no place."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_placed_name_with_a_spaced_article_is_whole(parse):
    text = "Army shelling struck the road near Tal el Hawa on Monday morning."
    assert "Tal el Hawa" in names_of(parse, text)
    assert "Tal" not in names_of(parse, text)


def test_a_placed_name_with_a_glued_article_is_whole(parse):
    text = "Residents fled from Tal al-Hawa when the shells started falling."
    assert "Tal al-Hawa" in names_of(parse, text)


def test_a_word_after_the_article_ends_the_name(parse):
    text = "The convoy was stopped in Maarat al Numan late on Sunday evening."
    assert "Numan" not in names_of(parse, text)


def test_the_last_word_of_a_person_name_is_no_place(parse):
    text = "Protesters gathered outside the house of the deputy Karim al Numan last night."
    assert names_of(parse, text) == []


def test_an_english_word_is_no_article(parse):
    assert "Kabul" in names_of(parse, "They met in Kabul at Noon for lunch with the delegation.")
