"""A town's name before a disease word names the disease at that mention, even where the article
calls the town a place elsewhere; the mention that is the town stays."""

from __future__ import annotations


def test_a_virus_named_after_a_town_is_no_place_at_its_mentions(parse):
    text = "Marburg is a town in Hesse. Decades later the Marburg virus was named after it."
    found = [(m.name, m.start) for m in parse(text)]
    assert ("Marburg", 0) in found
    assert [name for name, _ in found].count("Marburg") == 1


def test_a_compound_virus_word_counts_as_a_disease_word(parse):
    names = [m.name for m in parse("The Bundibugyo ebolavirus killed dozens in 2007.")]
    assert "Bundibugyo" not in names
