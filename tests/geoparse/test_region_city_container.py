""""X, Y" where Y is a city that names its province: Y is read as the province's city, not as a
namesake town abroad that a demonym of the sentence's actors points to."""

from __future__ import annotations


def test_a_container_city_that_names_its_region_beats_a_namesake_abroad(parse):
    mentions = parse("Russian forces shelled near Zabrovka, Donetsk. Casualties unknown.")
    donetsk = [m for m in mentions if m.name == "Donetsk"]
    assert donetsk and donetsk[0].place is not None
    assert donetsk[0].place.country == "UA"


def test_the_same_city_alone_keeps_its_plain_reading(parse):
    mentions = parse("Officials in Donetsk said the water supply was restored.")
    donetsk = [m for m in mentions if m.name == "Donetsk"]
    assert donetsk and donetsk[0].place.country == "UA"
