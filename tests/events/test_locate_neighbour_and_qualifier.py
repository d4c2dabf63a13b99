"""Two ways a name near the verb says something other than where the event happened (span
task): "at the border with X" names the country across the border, and "the X-based firm",
"X-backed fighters" say where a firm or an actor comes from."""

from __future__ import annotations

from event_fixtures import verb_place


def test_the_country_across_a_border_is_not_the_place():
    text = "Two smugglers were killed by guards at the border with Syria."
    assert verb_place(text, "killed") is None


def test_a_town_on_the_border_keeps_its_place():
    text = "Two smugglers were killed by guards near Jarablus on the border with Syria."
    assert verb_place(text, "killed") == "Jarablus"


def test_a_hyphenated_origin_gives_way_to_the_place_of_the_event():
    text = "The blast destroyed the offices of a Moscow-based trading firm in Aleppo."
    assert verb_place(text, "destroyed") == "Aleppo"


def test_backers_named_by_hyphen_are_no_place():
    text = "Moscow-backed gunmen attacked a convoy overnight."
    assert verb_place(text, "attacked") is None
