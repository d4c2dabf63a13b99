"""A village the gazetteer lacks is often written as a known word glued or set beside an unknown
one ("Al-" and a name, two halves of a hyphenated name, a hamlet's word and a word no place
bears). Where the text places the whole -- a locative before it and a container after it -- the
whole is the place; its known part alone would be dropped or read as a namesake elsewhere."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_glued_article_and_an_unknown_name_are_one_place(parse):
    names = names_of(parse, "Gunmen attacked a checkpoint near Al-Qarnabat, Idlib, on Monday.")
    assert names == ["Al-Qarnabat", "Idlib"]


def test_a_hamlet_word_beside_an_unknown_word_is_one_place(parse):
    names = names_of(parse, "A mine went off near Vorlaty Yar, Donetsk.")
    assert names == ["Vorlaty Yar", "Donetsk"]


def test_a_bracketed_note_places_the_whole_too(parse):
    names = names_of(parse, "A convoy was shelled near Vorlaty Yar (Marinka district), Donetsk.")
    assert names[0] == "Vorlaty Yar"


def test_without_a_container_the_pair_is_not_joined(parse):
    assert "Vorlaty Yar" not in names_of(parse, "A mine went off near Vorlaty Yar on Monday.")


def test_a_list_of_firms_is_no_container(parse):
    names = names_of(parse, "He had spells at Dara Quintrel, Varnow Partners and Smith Capital.")
    assert "Dara Quintrel" not in names
