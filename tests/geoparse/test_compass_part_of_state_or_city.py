"""A compass word before a US state or a town says which part of it is meant; before a
continent or a country's region it belongs to the region's name."""

from __future__ import annotations

import pytest


def _names(parse, text):
    return [(m.name, m.place.feature_code if m.place else None) for m in parse(text)]


@pytest.mark.parametrize(("text", "state"), [
    ("Hail flattened the wheat of Northeast Oregon last week.", "Oregon"),
    ("The orchards of Eastern Idaho bloomed early this spring.", "Idaho"),
    ("Wildfires closed roads across Southern Utah on Friday.", "Utah"),
])
def test_a_descriptive_compass_word_is_no_part_of_a_state(parse, text, state):
    assert (state, "ADM1") in _names(parse, text)


def test_a_compass_word_is_no_part_of_a_town(parse):
    names = [name for name, _ in _names(parse, "She opened a bakery in North Houston.")]
    assert names == ["Houston"]


@pytest.mark.parametrize(("text", "region"), [
    ("A bare point names a region: West Texas saw record rain.", "West Texas"),
    ("Cholera spread across West Africa in May.", "West Africa"),
    ("Storms crossed Northern Europe overnight.", "Northern Europe"),
    ("Flooding hit Greater Manchester after the storm.", "Greater Manchester"),
])
def test_other_compass_words_stay_in_the_name(parse, text, region):
    assert region in [name for name, _ in _names(parse, text)]
