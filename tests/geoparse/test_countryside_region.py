""""the X countryside", "the countryside of X", "the province of X": the text names the region
called X, not the city it is named after."""

from __future__ import annotations

import pytest


def _place_of(mentions, name):
    found = [m for m in mentions if m.name == name and m.place is not None]
    assert found, name
    return found[0].place


@pytest.mark.parametrize("text", [
    "Artillery fell on two farms in the Aleppo countryside on Tuesday.",
    "Artillery fell on two farms in the western countryside of Aleppo on Tuesday.",
    "Militants raided a checkpoint in the province of Kandahar overnight.",
])
def test_the_region_is_meant(parse, text):
    name = "Aleppo" if "Aleppo" in text else "Kandahar"
    assert _place_of(parse(text), name).feature_code == "ADM1"


@pytest.mark.parametrize("text", [
    "Artillery fell on two markets in Aleppo on Tuesday.",
    "The mayor of Aleppo spoke to reporters.",
])
def test_the_city_alone_stays_the_city(parse, text):
    assert _place_of(parse(text), "Aleppo").feature_class == "P"
