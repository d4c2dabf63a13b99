"""A nationality before a class word ("a Syrian camp") is a demonym, not a place to look up."""

from __future__ import annotations


def test_a_demonym_keeps_no_class_word_to_resolve(parser):
    text = "Two guards were hurt in a Syrian camp near the border on Friday."
    spans = [s for s in parser.recognize(text) if text[s.start:s.end] == "Syrian"]
    assert spans and spans[0].kind == "demonym"
    # the class word "camp" would be looked up as a place of its own (some hamlet "Camp")
    assert spans[0].feature_word is None
