"""A line where most longer words are capitalised is a headline (capitals say nothing about
names there); a paragraph of prose is not, however many names it holds."""

from __future__ import annotations

from geomap.geoparse.persons import DocumentWords
from geomap.geoparse.recognize import tokenize


def _flags(text: str) -> dict[str, bool]:
    tokens = tokenize(text)
    return {t.text: flag for t, flag in zip(tokens, DocumentWords(text, tokens).title_case,
                                            strict=True)}


def test_a_headline_and_the_prose_below_it():
    flags = _flags("Storm Floods Quendrith Valley Farms\n"
                   "Heavy rain flooded farms near Quendrith on Sunday, officials said.")
    assert flags["Floods"] and flags["Farms"]
    assert not flags["Heavy"] and not flags["officials"]


def test_short_lower_case_words_do_not_spoil_a_headline():
    assert _flags("Storm Hits Quendrith and the Coast of Maroby\nRain fell.")["Coast"]


def test_a_headline_right_at_four_fifths_capitalised():
    # ten longer words, eight of them capitalised: exactly the share a headline needs
    flags = _flags("Quendrith Valley Farms Report Record Harvest Despite Storms while waiting\n"
                   "the rest of the story follows in lower case words here.")
    assert flags["Harvest"] and flags["waiting"]
    assert not flags["story"]


def test_prose_full_of_names_is_no_headline():
    flags = _flags("Quendrith Valley and Maroby Coast farmers met Quendrith officials about "
                   "the flooding of roads between Maroby and Tessel.")
    assert not any(flags.values())
