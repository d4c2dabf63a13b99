"""The local-unit-word search answers at once for a text that cannot hold a unit word, and
finds exactly what the case-blind pattern finds otherwise (odd case folds included)."""

from __future__ import annotations

import pytest

from geomap.geoparse.words import ENGLISH_WORDS

TEXTS = [
    "Fighting spread to a second woreda near the river.",
    "The BARANGAY captain and the Kebele chair met; two LGAs were named.",
    "A quiet report with “curly quotes” and no local unit words at all.",
    "Officials of the upaz\u0131la (a dotless i) spoke.",  # ı matches "i" when case is ignored
    "Two lga\u017f held votes.",  # long s matches "s" when case is ignored
    "A panchayatworeda is no word; panchayat-level votes are.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_gate_finds_what_the_pattern_finds(text):
    units = ENGLISH_WORDS.unit_word
    assert units.findall(text) == units.pattern.findall(text)


def test_odd_case_folds_still_match():
    units = ENGLISH_WORDS.unit_word
    assert units.findall(TEXTS[3]) == ["upaz\u0131la"]
    assert units.findall(TEXTS[4]) == ["lga\u017f"]
    assert units.findall(TEXTS[2]) == []
