"""Names of sites and natural features the gazetteer may lack are still the span task's most
specific place: a name that ends in a capitalised class word of a site ("the X Roundabout",
"the Y Gas Fields", "the Z Suburb") or opens on a feature's class word ("Jabal X", "Mount Y")."""

from __future__ import annotations

import pytest
from event_fixtures import verb_place


def _span(text: str, word: str) -> str | None:
    return verb_place(text, word, [])


@pytest.mark.parametrize("name", ["Dervan Roundabout", "Qasrin Gas Fields", "Al-Tawil Suburb",
                                  "Marsa Farms", "Bel Heights"])
def test_a_site_ending_in_its_class_word_is_the_place(name):
    text = f"The army captured the {name} after a week of fighting."
    assert _span(text, "captured") == name


@pytest.mark.parametrize("name", ["Jabal al-Kharaz", "Mount Orvelle", "Wadi Semmar"])
def test_a_feature_opening_on_its_class_word_is_the_place(name):
    text = f"Dozens were injured in airstrikes on {name} overnight."
    assert _span(text, "injured") == name
