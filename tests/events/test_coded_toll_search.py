"""The coded-toll statements are found near their anchor words ("fatalit", "split"/"spread")
instead of by a search from every position of the text: the same statement must be found,
and a long article must not pay a search per position."""

from __future__ import annotations

import random

import pytest

from geomap.events import coded_tolls as ct

_WORDS = ["7", "1,200", "twenty-five", "a handful of", "two dozen", "fatalities", "Fatality",
          "FATALITIES", "were", "was", "is", "coded", "attributed", "to", "this", "event", "as",
          "split", "Spread", "up", "evenly", "between", "among", "over", "4", "events", "days",
          "(2)", ".", "]", ",", "-", ";", "and", "then", "the", "fatalit", "\n", "1999", "'",
          "-split", "3fatalities"]
_STATEMENTS = ["{n} fatalities were coded to this event", "fatalities coded as {n}",
               "{n} fatalities were split between {m} events ({k})", "spread over {m} districts",
               "{n} fatalities split across {m} days", ". {n} fatalities.", "] {n} Fatality. \n",
               "{n} fatality is attributed to this event", "was split up evenly among {m} fronts"]
_NUMBERS = ["7", "1,200", "twenty-five", "a handful of", "two dozen", "12", "several", "1999"]


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 25)):
            piece = rng.choice(_STATEMENTS).format(
                n=rng.choice(_NUMBERS), m=rng.choice(_NUMBERS), k=rng.randint(1, 9)) \
                if rng.random() < 0.15 else rng.choice(_WORDS)
            pieces.append(piece + rng.choice([" ", "", "  ", ". ", "\t"]))
        texts.append("".join(pieces))
    return texts


def _searched(text: str) -> tuple[int, int] | None:
    """The statement a plain search from every position finds (the definition)."""
    lowered = text.lower()
    if "fatalit" not in lowered and "split" not in lowered and "spread" not in lowered:
        return None
    found = [m for pattern in (ct._CODED_TO_EVENT, ct._CODED_AS, ct._SPLIT, ct._TRAILING_TOTAL)
             if (m := pattern.search(text))]
    return min((m.span() for m in found), default=None)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_statement_as_a_search_from_every_position(seed):
    texts = _texts(seed, 3000)
    assert sum(_searched(text) is not None for text in texts) > 300  # the check has teeth
    for text in texts:
        assert ct.coding_statement(text) == _searched(text), text


def test_each_pattern_finds_the_leftmost_match():
    for text in _texts(4, 3000):
        for pattern, anchor, before in ct._STATEMENTS:
            searched, near = pattern.search(text), ct._leftmost(pattern, text, anchor, before)
            assert (searched and searched.span()) == (near and near.span()), text
        searched = ct._TRAILING_TOTAL.search(text)
        closing = ct._closing_total(text)
        assert (searched and searched.span()) == (closing and closing.span()), text


class _Counting:
    """A statement pattern that counts the starts it is tried at."""

    def __init__(self, pattern):
        self.pattern, self.tries = pattern, 0

    def match(self, text, pos=0):
        self.tries += 1
        return self.pattern.match(text, pos)


def _tries(repeats: int) -> int:
    text = ("Fighting later spread to the hills east of the town. "
            + "Residents said that bread and fuel cost twice what they did in spring. " * repeats
            + "The unrest spread to two more districts by the evening.")
    counting = _Counting(ct._SPLIT)
    assert ct._leftmost(counting, text, ct._SPLIT_WORD, ct._BEFORE_COUNT) is None
    return counting.tries


def test_a_long_text_is_tried_only_near_its_anchor_words():
    # the word starts before each "spread" in its sentence, however long the text between
    assert _tries(10) == _tries(10_000) <= 10
