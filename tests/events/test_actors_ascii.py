"""Actors found with the case-sensitive patterns on a lower-cased ASCII sentence are the ones
the case-insensitive patterns find on the sentence as written."""

from __future__ import annotations

import dataclasses

import pytest

from geomap.events import actors
from geomap.lexicons import ENGLISH, built_from

_SENTENCES = [
    "RUSSIAN FORCES shelled the town while Ukrainian Troops held the bridge.",
    "Gunmen attacked a bus; Police Officers and villagers fled.",
    "The Syrian Government said rebels and MILITANTS clashed near the camp.",
    "Protesters and Rioters faced security forces as Civilians watched.",
    "Unidentified armed men shot two farmers, and the army later arrived.",
    "Nigerian soldiers and a local militia repelled insurgents at dawn.",
]


def _tables_without_fast_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    slow = dataclasses.replace(built_from(ENGLISH, actors._actors), national_ascii=None,
                               generic_ascii=None)
    monkeypatch.setattr(actors, "built_from", lambda lexicon, build: slow)


def test_the_english_lexicon_has_the_fast_patterns() -> None:
    tables = built_from(ENGLISH, actors._actors)
    assert tables.national_ascii is not None and tables.generic_ascii is not None


@pytest.mark.parametrize("sentence", _SENTENCES)
def test_same_actors_as_the_case_insensitive_patterns(sentence: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Earlier. " + sentence + " Later, more."
    start, end = 9, 9 + len(sentence)
    fast = [actors.find_actors(variant, start, end)
            for variant in (text, text.upper(), text.lower(), "x" + text[1:])]
    assert fast[0]  # every sentence names actors
    _tables_without_fast_patterns(monkeypatch)
    slow = [actors.find_actors(variant, start, end)
            for variant in (text, text.upper(), text.lower(), "x" + text[1:])]
    assert fast == slow


def test_a_word_running_into_the_sentence_start_is_not_an_actor() -> None:
    text = "xrebels attacked"  # "\b" must see the character before the sentence start
    assert actors.find_actors(text, 1, len(text)) == []
    assert actors.find_actors(text, 0, len(text)) == []
    assert actors.find_actors("rebels attacked", 0, 15) == [(0, "Rebels")]
