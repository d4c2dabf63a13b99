"""Events the text places by district land on the district (precision 2, its point), with the
embedded default's districts (gazetteer/sources/admin2.py)."""

from __future__ import annotations

from gazetteer import Gazetteer
from gazetteer.sources.admin2 import SOURCE
from geomap.events import extract_events
from geomap.geoparse import geoparse
from geomap.model import Article


def _events(text: str):
    gazetteer = Gazetteer.open()
    return extract_events(Article("d", text), geoparse(text, gazetteer=gazetteer),
                          gazetteer=gazetteer)


def test_fighting_in_a_district_is_placed_at_the_district_with_precision_2():
    gazetteer = Gazetteer.open()
    district = next(c for c in gazetteer.candidates("Kahmard") if c.source == SOURCE)
    events = _events("On 12 March 2021, Taliban fighters and Afghan forces were fighting in "
                     "Kahmard district of Bamyan.")
    assert len(events) == 1
    event = events[0]
    assert (event.location, event.geo_precision) == ("Kahmard", 2)
    assert (event.lat, event.lon) == (district.lat, district.lon)


def test_an_lga_named_by_the_text_is_the_lga():
    events = _events("On 2 May 2020, herders and farmers clashed in Ohaukwu, Ebonyi state, "
                     "killing 3.")
    assert [(e.location, e.geo_precision, e.fatalities) for e in events] == [("Ohaukwu", 2, 3)]
