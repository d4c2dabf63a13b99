"""One search of all the generic actor patterns together decides whether a sentence needs a pass
of each: the actors found are the same as with every pattern run on every sentence."""

from __future__ import annotations

import dataclasses
import re

import pytest

from geomap.events import actors
from geomap.lexicons import ENGLISH, built_from

_SENTENCES = [
    "Gunmen attacked a bus near the depot; Police Officers and villagers fled.",
    "The Syrian Government said rebels and MILITANTS clashed near the camp.",
    "A storm flooded the valley and the harvest was lost.",
    "Protesters and rioters faced security forces as civilians watched.",
    "Prices of bread and fuel doubled since the spring, traders said.",
    "Nigerian soldiers and a local militia repelled insurgents at dawn.",
    "The mayor opened a bridge over the river on Tuesday.",
]


def _always_open(monkeypatch: pytest.MonkeyPatch) -> None:
    opened = dataclasses.replace(built_from(ENGLISH, actors._actors),
                                 generic_gate=re.compile(""), generic_gate_ascii=re.compile(""))
    monkeypatch.setattr(actors, "built_from", lambda lexicon, build: opened)


@pytest.mark.parametrize("sentence", _SENTENCES)
def test_same_actors_as_every_pattern_on_every_sentence(sentence, monkeypatch):
    text = "Earlier. " + sentence + " Later, more."
    start, end = 9, 9 + len(sentence)
    variants = (text, text.upper(), "x" + text[1:], text.replace("a", "\u00e4", 1))
    gated = [actors.find_actors(variant, start, end) for variant in variants]
    _always_open(monkeypatch)
    assert gated == [actors.find_actors(variant, start, end) for variant in variants]


def test_the_gate_stays_shut_without_a_generic_actor():
    tables = built_from(ENGLISH, actors._actors)
    assert tables.generic_gate.search("The mayor opened a bridge over the river.") is None
    assert tables.generic_gate.search("Later the POLICE arrived.") is not None
