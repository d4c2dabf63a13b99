"""A resident's name formed on a region whose own name begins with a compass word is a demonym
with the compass word, placed at that region."""

from __future__ import annotations


def test_a_compass_region_demonym_is_one_demonym(parse):
    found = parse("A South Ossetian choir sang at the festival on Sunday.")
    assert [(m.name, m.kind) for m in found] == [("South Ossetian", "demonym")]
    assert found[0].place is not None and found[0].place.country == "GE"


def test_the_plural_is_one_too(parse):
    names = [m.name for m in parse("Many South Ossetians watch the games on television at home.")]
    assert names == ["South Ossetians"]


def test_country_demonyms_with_a_compass_word_are_unchanged(parse):
    found = parse("North Korean and South Sudanese diplomats met on Tuesday.")
    assert [(m.name, m.place.country) for m in found] == [("North Korean", "KP"),
                                                         ("South Sudanese", "SS")]


def test_a_compass_word_before_a_word_no_region_explains_is_left_alone(parse):
    assert all(m.kind != "demonym" for m in parse("The South Pittsburghian choir sang."))


def test_a_word_met_alone_first_still_takes_its_compass_word(parse):
    # (the typer remembers the words that are no demonym alone; the compass test reads the
    # word before them each time)
    assert all(m.kind != "demonym" for m in parse("Ossetians sang at the festival on Sunday."))
    names = [m.name for m in parse("Many South Ossetians sang at the festival on Sunday.")]
    assert names == ["South Ossetians"]
