"""The geoparser decides with the lexicon it is given: its word lists are geoparse.toml's (with
calendar.toml's months and days and actors.toml's armed groups), not lists in its code."""

from __future__ import annotations

import ast
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from geomap.geoparse import Geoparser
from geomap.geoparse.recognize import tokenize
from geomap.geoparse.surroundings import group_name_ranges
from geomap.geoparse.words import ENGLISH_WORDS, words_of
from geomap.lexicons import ENGLISH, ArmedGroup, LexiconError, read_lexicon

LEXICONS = Path(__file__).resolve().parents[2] / "geomap" / "lexicons"
GEOPARSE = Path(__file__).resolve().parents[2] / "geomap" / "geoparse"


def _names(parser, text: str) -> list[str]:
    return [m.name for m in parser.parse(text)]


def test_a_title_added_to_the_lexicon_makes_the_next_name_a_person(parser) -> None:
    text = "The letter was signed by Quaestor Paris and sent to the city council in Lyon."
    assert "Paris" in _names(parser, text)  # an unknown word before a capital: no person
    titled = replace(ENGLISH, geoparse=replace(
        ENGLISH.geoparse, titles=(*ENGLISH.geoparse.titles, "quaestor")))
    assert _names(Geoparser(parser.gazetteer, lexicon=titled), text) == ["Lyon"]


def test_an_armed_group_added_to_the_shared_table_is_kept_out_of_places() -> None:
    text = "Fighters of the Copper Hawks overran the post."
    tokens = tokenize(text)
    assert group_name_ranges(text, tokens) == []
    lexicon = replace(ENGLISH, groups=(*ENGLISH.groups,
                                       ArmedGroup("Copper Hawks", None, ("copper hawks",))))
    words = words_of(lexicon)
    assert group_name_ranges(text, tokens, words) == [(text.index("Copper"), text.index(" over"))]


def test_words_are_built_once_per_lexicon() -> None:
    assert words_of(ENGLISH) is ENGLISH_WORDS
    assert Geoparser.__init__.__kwdefaults__["lexicon"] is ENGLISH


def test_a_missing_geoparse_key_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "zz"
    shutil.copytree(LEXICONS / "en", folder)
    path = folder / "geoparse.toml"
    path.write_text(path.read_text().replace("surnames =", "family_names ="))
    with pytest.raises(LexiconError, match="surnames"):
        read_lexicon(folder, "zz")


def _code_words(source: str) -> set[str]:
    """The lower-case words of a module's string constants, docstrings left out."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return {word for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings for word in node.value.lower().split()}


@pytest.mark.parametrize("module", sorted(p.name for p in GEOPARSE.glob("*.py")))
def test_no_geoparse_module_spells_out_a_word_list(module: str) -> None:
    """Word lists belong in geoparse.toml: none of the English lists' distinctive words (given
    names, titles, surnames, state names) is written in the geoparser's code."""
    words = _code_words((GEOPARSE / module).read_text(encoding="utf-8"))
    for table in ("given_names", "surnames", "titles", "us_state_names"):
        entries = {w for w in getattr(ENGLISH.geoparse, table) if len(w) > 6}
        found = sorted(entries & words)
        assert len(found) <= 3, f"{module} repeats {table}: {found[:5]}"


def test_pattern_entries_are_regular_expressions_and_build_the_patterns() -> None:
    import re

    g = ENGLISH.geoparse
    for name in ("pattern_of_class", "pattern_suffix_class", "pattern_route_words",
                 "pattern_facility_before", "pattern_facility_words", "pattern_locative"):
        for fragment in getattr(g, name):
            re.compile(fragment)
    patterns = ENGLISH_WORDS.patterns
    assert patterns.suffix.search("Shells fell on Boone County overnight").group(1) == "Boone"
    assert patterns.route.search("a crash on Highway 19 late").group(1) == "Highway 19"


def test_a_class_word_added_to_the_lexicon_announces_a_place(parser) -> None:
    """A lexicon whose suffix class words include "Kebele" reads "Dawit Kebele" as a place."""
    text = "Gunmen burned homes in the remote Dawit Kebele last week."
    g = ENGLISH.geoparse
    extended = replace(ENGLISH, geoparse=replace(
        g, pattern_suffix_class=(*g.pattern_suffix_class, "Kebele")))
    names = _names(Geoparser(parser.gazetteer, lexicon=extended), text)
    assert "Dawit Kebele" in names and "Dawit Kebele" not in _names(parser, text)
