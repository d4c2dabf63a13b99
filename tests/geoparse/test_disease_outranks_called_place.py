"""A town's name before a disease word names the disease at that mention, even where the article
calls the town a place elsewhere; the mention that is the town stays."""

from __future__ import annotations


def test_a_virus_named_after_a_town_is_no_place_at_its_mentions(parse):
    text = "Lab monkeys were shipped to Reston, Virginia, in 1989. Later the Reston virus was " \
           "found in pigs."
    found = [(m.name, m.start) for m in parse(text)]
    assert ("Reston", text.index("Reston")) in found
    assert [name for name, _ in found].count("Reston") == 1


def test_a_compound_virus_word_counts_as_a_disease_word(parse):
    names = [m.name for m in parse("Farm pigs carried the Reston ebolavirus, officials said.")]
    assert "Reston" not in names
