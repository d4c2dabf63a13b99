"""A parser is built from its settings once: the per-process parsers never have their fallback
swapped under another caller, the fuzzy match is a setting (no environment variable), and a
document read once is parsed with its own tokens."""

from __future__ import annotations

from geomap.geoparse import Geoparser, default_geoparser, geoparse, read_document


class _Answers:
    """A fallback geocoder that knows nothing (the geoparser only calls ``lookup``)."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def lookup(self, name, country=None):
        self.asked.append(name)
        return None


def test_a_fallback_gets_its_own_parser_and_never_replaces_another() -> None:
    online = _Answers()
    with_fallback = default_geoparser(fallback=online)
    offline = default_geoparser()
    assert with_fallback is not offline
    assert with_fallback.fallback is online and offline.fallback is None
    assert default_geoparser(fallback=online) is with_fallback  # built once, kept
    assert default_geoparser() is offline and offline.fallback is None


def test_the_fuzzy_match_is_a_setting(parser) -> None:
    assert parser.fuzzy is not None  # on by default
    assert Geoparser(parser.gazetteer, fuzzy=False).fuzzy is None


def test_a_document_read_once_gives_the_same_mentions_and_its_sentences(parser) -> None:
    text = "Rockets hit Kandahar on Monday. Two shops burned in Herat, officials said."
    document = parser.read(text)
    assert document.tokens == read_document(text).tokens
    assert parser.parse_document(document) == parser.parse(text)
    assert geoparse(text, document=document) == geoparse(text)
    assert [text[a:b] for a, b in document.sentences] == [
        "Rockets hit Kandahar on Monday.", "Two shops burned in Herat, officials said."]
