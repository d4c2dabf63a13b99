"""The case-sensitive patterns run on a lower-cased ASCII text find the same governing word as
the case-insensitive ones on the text as written."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from geomap.events.locate_score import preposition
from geomap.events.locate_words import locate_cues

_BEFORES = [
    "Shelling was reported IN the northern outskirts of ",
    "Troops Stormed the Village of ",
    "Residents rallied on Friday to ask that ",
    "the convoy was hit near the Main Gate of the ",
    "A market in the restive market town of ",
    "Police said the crowd gathered outside ",
    "Fighting resumed in the Kenyan capital, ",
    "They met in the port city, ",
    "on the road between ",
    "Witnesses in Lower Town's square said ",
    "Nothing here names a place before ",
    "Clashes erupted 12 km South Of ",
]


def test_the_lexicon_has_the_fast_patterns() -> None:
    cues = locate_cues()
    assert cues.preposition_ascii is not None
    assert cues.loose_preposition_ascii is not None


@pytest.mark.parametrize("before", _BEFORES)
def test_same_preposition_as_the_case_insensitive_patterns(before: str) -> None:
    fast = locate_cues()
    slow = dataclasses.replace(fast, preposition_ascii=None, loose_preposition_ascii=None)
    for variant in (before, before.upper(), before.lower(), before.title()):
        for places in ([], [len(variant) - 5], [3]):
            assert preposition(fast, variant, places) == preposition(slow, variant, places)


def test_non_ascii_text_keeps_the_case_insensitive_patterns() -> None:
    fast = locate_cues()
    slow = dataclasses.replace(fast, preposition_ascii=None, loose_preposition_ascii=None)
    for before, mark in itertools.product(_BEFORES, ("’s ", "é ")):
        assert preposition(fast, before + mark, []) == preposition(slow, before + mark, [])
    assert preposition(fast, "Fighting spread into ") == "into"
