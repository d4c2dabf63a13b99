"""ACLED-style place chains: "X (Y) district, Z" and "A, B and C districts, Z"."""

from __future__ import annotations

from geomap.geoparse.context import find_containment
from geomap.geoparse.recognize import tokenize


def _links(parser, text):
    tokens = tokenize(text)
    spans = parser.recognize(text, tokens)
    names = [text[s.start:s.end] for s in spans]
    found = find_containment(text, tokens, spans)
    return {names[k]: names[j] for k, j in found.inside.items()}, names


def test_a_bracketed_other_name_before_district_is_no_container(parser):
    links, names = _links(parser, "Gunmen attacked a post in Sangin (Gereshk) district, Helmand.")
    assert {"Sangin", "Gereshk", "Helmand"} <= set(names)
    # the bracket gives the district's other name; both lie in the province after the comma
    assert links.get("Gereshk") == "Helmand"
    assert links.get("Sangin") == "Helmand"


def test_a_bracket_without_a_class_word_still_reads_as_the_container(parser):
    links, _ = _links(parser, "Protesters gathered in Sangin (Helmand) on Friday.")
    assert links.get("Sangin") == "Helmand"


def test_a_plural_class_word_puts_every_listed_name_in_the_region(parser):
    links, names = _links(parser, "Clashes were reported in Sangin, Nad Ali and Musa Qala "
                                  "districts, Helmand.")
    assert {"Sangin", "Nad Ali", "Musa Qala", "Helmand"} <= set(names)
    assert links.get("Nad Ali") == "Helmand"
    assert links.get("Sangin") == "Helmand"
