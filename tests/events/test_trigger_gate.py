"""The trigger gate split by the two characters a match begins with finds exactly the word
starts where some lexicon entry matches, and the prefix reading it rests on never drops one."""

from __future__ import annotations

import re

import pytest

from geomap.events.match_prefixes import match_prefixes
from geomap.events.triggers import _ENGLISH, _gate, _in_background, find_triggers

_TEXT = (
    "Artillery shelled the outskirts overnight and a drone strike hit a fuel depot. "
    "Gunmen opened fire on a checkpoint; soldiers repelled the assault after clashes. "
    "Protesters marched to the ministry and rioters looted shops, police arrested ten. "
    "A roadside bomb exploded near the bridge, a suicide bomber blew himself up at a gate. "
    "Rebels captured two villages and seized positions held by the army, then withdrew. "
    "The aircraft bombed the depot, jets struck twice; air-strikes and air raids followed. "
    "Nothing happened at the quiet harbour, where boats, nets and gulls waited for the tide."
)


@pytest.mark.parametrize(("pattern", "expected"), [
    ("abc|de", {"ab", "de"}),
    ("a?bc", {"ab", "bc"}),
    ("x{0,3}y", {"y", "xy", "xx"}),
    ("(?=q)ab|(?<!z)cd", {"ab", "cd"}),
    ("[a-c]x", {"ax", "bx", "cx"}),
    ("a(?:b|)", {"ab", "a"}),
])
def test_prefixes_of_small_patterns(pattern: str, expected: set[str]) -> None:
    assert match_prefixes(pattern, 2) == expected


@pytest.mark.parametrize("pattern", [r"\w+ing", r".x", r"[^a]b", r"(?i:ab)", r"(a)\1"])
def test_unknown_first_characters_give_none(pattern: str) -> None:
    assert match_prefixes(pattern, 2) is None


def test_every_trigger_match_begins_with_a_listed_prefix() -> None:
    lowered = _TEXT.lower()
    for k in _ENGLISH.lower_entries:
        pattern = _ENGLISH.compiled[k][1]
        heads = match_prefixes(pattern.pattern, 2)
        assert heads is not None
        for match in pattern.finditer(lowered):
            assert match.group()[:2] in heads


@pytest.mark.parametrize("cased", [False, True])
def test_split_gate_finds_the_word_starts_where_an_entry_matches(cased: bool) -> None:
    gate = _ENGLISH.cased_gate if cased else _ENGLISH.gate
    subject = _TEXT if cased else _TEXT.lower()
    compiled = _ENGLISH.compiled
    expected = {pos for pos in range(len(subject))
                if any(compiled[k][1].match(subject, pos) for k in gate.entries)}
    assert expected  # the text has triggers to find
    assert {m.start() for m in gate.scan.finditer(subject)} == expected
    for pos in expected:
        tried = gate.by_prefix[subject[pos:pos + 2]]
        assert all(compiled[k][1].match(subject, pos) is None
                   for k in set(gate.entries) - set(tried))


def test_an_entry_with_unknown_first_characters_keeps_the_joined_gate() -> None:
    compiled = [("fire", re.compile(r"(?<![\w-])(?:shot\w*)(?![\w])"), True, True),
                ("fire", re.compile(r"(?<![\w-])(?:\w+fire)(?![\w])"), True, True)]
    gate = _gate(compiled, [0, 1])
    assert gate.by_prefix == {}
    text = "they shot at the crossfire"
    assert [m.start() for m in gate.scan.finditer(text)] == [5, 17]


def test_no_entries_give_a_gate_that_never_opens() -> None:
    assert _gate([], []).scan.search("shelling and clashes") is None


def test_triggers_found_through_the_gate() -> None:
    sentence = "Soldiers repelled an assault and artillery shelled the town."
    cues = [(sentence[t.start:t.end], t.cue) for t in find_triggers(sentence)]
    assert cues == [("repelled an assault", "clash"), ("artillery", "shell"),
                    ("shelled", "shell")]


@pytest.mark.parametrize("sentence", [
    "Officials ACCUSED the rebels of shelling the market.",
    "The army shelled the market, after talks failed.",
    "Leaders Condemned the airstrike; the strike killed four.",
    "Protesters demanded an end to the raids while police fired tear gas.",
    "The group Warned it Would attack the base.",
])
def test_background_read_on_the_lowered_text_as_on_the_text(sentence: str) -> None:
    for text in (sentence, sentence.upper(), "x" + sentence.lower()):
        lowered = text.lower()
        for trigger_start in range(1, len(text)):
            assert _in_background(text, 1, trigger_start, _ENGLISH, lowered) == \
                _in_background(text, 1, trigger_start, _ENGLISH)


def test_an_entry_whose_first_two_characters_hold_a_line_break_is_found() -> None:
    compiled = [("fire", re.compile("(?<![\\w-])(?:a\nb)(?![\\w])"), True, True)]
    gate = _gate(compiled, [0])
    assert gate.by_prefix == {"a\n": (0,)}
    assert [m.start() for m in gate.scan.finditer("x a\nb")] == [2]
