"""The phrase patterns written to open with a letter (so the regex engine skips to it) or to take
a name's letters whole (NAME_BEFORE_BREAK) find exactly what the plain ``\\b(?:...)`` and NAME
forms find, and the gates that spare an article a scan never hide a match."""

from __future__ import annotations

import re

import pytest

from geomap.geoparse.patterns import GAP, NAME, compile_patterns
from geomap.geoparse.recognize import pattern_spans, tokenize
from geomap.geoparse.words import ENGLISH_WORDS
from geomap.lexicons import ENGLISH

SENTENCES = [
    "Traffic stopped on Highway 19 and on Route 7-9 near the US 1 junction.",
    "Highway 4 opened; the xHighway 5 sign and State Route 12 did not.",
    "I-95 and Interstate 80 were shut, U.S. 30 too, and County Road 3.",
    "Boone County sheriffs met St. Francis Parish officials on Main St. downtown.",
    "Ward Dr. Jones lives on Elm Rd. near the Nile River and Lake Tana.",
    "The village of Kafr Testa and the town of St. Remy lie in the district of Al Qusayr.",
    "Shells fell at the main Al Noor Hospital and near the Central Market in Testville.",
    "St.Louis County and O'Brien County, Saint-Denis Township, Lake\tErie Canal.",
    # names ending in an apostrophe or a hyphen, which the names taken whole must never keep
    "The Foo' County line, Bar- River banks, Baz'-Qux Lake and the Smiths' Park.",
    "Fighting at the Foo-Bar Al Noor Hospital of Qux- and near Ann' Market raged.",
    "Guards stormed Ridge’ Prison and Low-Hill Tower for Ames’.",
    "Nothing here: a quiet day with no names in it at all.",
]


def _plain(fragments: tuple[str, ...]) -> str:
    return r"\b(?:" + "|".join(fragments) + ")"


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_letter_led_forms_match_as_the_plain_forms_do(text):
    g = ENGLISH.geoparse
    patterns = compile_patterns(g)
    route = re.compile(r"(" + _plain(g.pattern_route_words) + r"[- ]\d+)\b")
    suffix = re.compile(
        r"\b(" + NAME + r"(?:" + GAP + NAME + r"){0,2})" + GAP + r"(" + "|".join(
            g.pattern_suffix_class) + r"|(?:" + "|".join(g.pattern_suffix_abbreviations)
        + r")\.(?![ \t]+[A-Z]))(?!\w)(?![ \t]*\d)")
    facility = re.compile(
        r"\b(?:" + "|".join(g.pattern_facility_before) + r")[ \t]+(?:the[ \t]+)?(?:(?:"
        + "|".join(g.pattern_facility_modifiers) + r")[ \t]+)?((?:" + NAME + GAP + r"){1,5}(?:"
        + "|".join(g.pattern_facility_words) + r")(?:[ \t]+(?:of|for)[ \t]+" + NAME
        + r")?)(?!\w)")
    assert _matches(patterns.route, text) == _matches(route, text)
    assert _matches(patterns.suffix, text) == _matches(suffix, text)
    assert _matches(patterns.facility, text) == _matches(facility, text)


def test_the_route_pattern_still_needs_a_word_start():
    patterns = compile_patterns(ENGLISH.geoparse)
    assert [m.group(1) for m in patterns.route.finditer("xHighway 5, Highway 6")] == \
        ["Highway 6"]
    assert patterns.route.match("Highway 6").group(1) == "Highway 6"  # at the very start


def test_the_gates_never_hide_a_phrase():
    text = SENTENCES[5] + " " + SENTENCES[6]
    spans = pattern_spans(text, tokenize(text), ENGLISH_WORDS)
    found = {(text[s.start:s.end], s.feature_word) for s in spans}
    assert {("Kafr Testa", "village"), ("St. Remy", "town"), ("Al Qusayr", "district"),
            ("Al Noor Hospital", "facility")} <= found
    quiet = SENTENCES[-1]
    assert ENGLISH_WORDS.patterns.of_gate.search(quiet) is None
    assert ENGLISH_WORDS.patterns.facility_gate.search(quiet) is None


@pytest.mark.parametrize("blanks", [" ", "  ", "\t", " \t "])
def test_the_of_gate_lets_every_class_word_through(blanks):
    patterns = compile_patterns(ENGLISH.geoparse)
    for word in ("village", "town", "neighborhood", "neighbourhood", "municipality"):
        text = f"Shells fell on the {word}{blanks}of{blanks}Testa and the {word} of St. Remy."
        assert patterns.of.search(text) is not None
        assert patterns.of_gate.search(text) is not None


def test_the_of_gate_spares_an_article_whose_of_follows_no_class_word():
    patterns = compile_patterns(ENGLISH.geoparse)
    assert patterns.of_gate.search("The leader of Testa met the mayor of St. Remy.") is None


LOCATIVE_TEXTS = [
    "Troops massed near Velkarosh and In  Tremvali, then moved\tinto Ostrudan.",
    "(in Velkarosh) \"at Tremvali\" -near Ostrudan; towards al-Tremvali at dawn.",
    "Fighting spread in in Velkarosh, begin Tremvali and Ostrudan in Velkarosh West.",
    # glued after an apostrophe or a dot inside a word: the only starts that are no token's
    "They were rock'in Velkarosh, e.g.in Tremvali, or Ostrudan.In Velkarosh it rained.",
    "Stuck\u2019at Tremvali, and near",
]


@pytest.mark.parametrize("text", LOCATIVE_TEXTS)
def test_locatives_tried_at_preposition_tokens_are_the_whole_scans(text):
    from geomap.geoparse.recognize import _locatives

    patterns = ENGLISH_WORDS.patterns
    found = [(m.span(), m.groups()) for m in _locatives(text, tokenize(text), patterns)]
    assert found == _matches(patterns.locative, text) and found


def test_a_preposition_glued_inside_a_word_sends_the_article_to_the_whole_scan():
    patterns = ENGLISH_WORDS.patterns
    assert patterns.locative_glued.search(LOCATIVE_TEXTS[3])
    assert patterns.locative_glued.search(LOCATIVE_TEXTS[4])
    assert not patterns.locative_glued.search(LOCATIVE_TEXTS[0])
