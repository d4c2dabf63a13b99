"""'The X suburb of Y', 'the X capital Y': a name used attributively before a class word holds
the name after it, so the span task answers with the second, more specific name."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_named_suburb_not_the_city_that_holds_it():
    text = "Gunmen shot two traders in the eastern Aleppo suburb of Karam Houmid on Monday."
    assert verb_place(text, "shot") == "Karam Houmid"


def test_the_named_capital_not_the_province():
    text = "Hundreds of students marched in the Kunar capital Asadabad on Sunday."
    assert verb_place(text, "marched") == "Asadabad"


def test_a_possessive_owner_holds_the_place_after_its_class_word():
    text = "A bomb exploded in Kunar's provincial capital of Asadabad overnight."
    assert verb_place(text, "exploded") == "Asadabad"


def test_without_the_article_the_first_name_is_the_part():
    text = "Shells fell on Karam Houmid district of Aleppo at dawn."
    assert verb_place(text, "fell") == "Karam Houmid"
