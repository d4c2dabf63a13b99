"""An abandoned, destroyed or historical populated place ranks below a living namesake of the
same size: conflict news is about where people live now."""

from __future__ import annotations

import pytest

from gazetteer.model import Candidate
from geomap.geoparse.senses import prior

from .sense_fixtures import sense


def _place(code: str, population: int = 0) -> Candidate:
    return sense("Tell Vardo", lat=30.0, lon=40.0, code=code, feature_class="P", region="03",
                 region_name="Vardo", population=population)


@pytest.mark.parametrize("code", ["PPLQ", "PPLW", "PPLH"])
def test_a_place_no_longer_lived_in_ranks_below_a_living_one(code):
    normalize = str.lower
    assert prior(_place(code), "tell vardo", normalize) < prior(_place("PPL"), "tell vardo",
                                                                normalize)


def test_size_still_outweighs_the_penalty():
    # the penalty is less than what ten times the population is worth
    normalize = str.lower
    assert prior(_place("PPLQ", 10_000), "tell vardo", normalize) > prior(
        _place("PPL", 1_000), "tell vardo", normalize)
