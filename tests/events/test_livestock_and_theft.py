"""Stealing goods or killing animals is property, not people, harmed: ACLED's Looting/property
destruction unless people were hurt too."""

import pytest
from event_fixtures import first_event

from geomap.events import extract_events
from geomap.model import Article


@pytest.mark.parametrize("text", [
    "On 9 May 2021, bandits raided a farm near Maradi and shot 30 goats. Nobody was hurt.",
    "On 9 May 2021, bandits attacked a market in Maradi. No one was injured, but several "
    "motorbikes were stolen.",
    "On 9 May 2021, armed herders rustled cattle from a village near Maradi.",
])
def test_theft_and_dead_animals_are_property_destruction(text):
    event = first_event(text)
    assert (event.event_type, event.sub_event_type) == (
        "Strategic developments", "Looting/property destruction")


def test_people_killed_as_well_make_it_an_attack():
    event = first_event("On 9 May 2021, gunmen raided a village near Maradi, killed three farmers "
                        "and stole their cattle.")
    assert event.sub_event_type == "Attack"


def test_a_stolen_election_is_no_theft():
    assert extract_events(Article(id="t", text="Opposition leaders in Maradi said on 9 May "
                                  "2021 that the stolen election must be rerun.")) == []
