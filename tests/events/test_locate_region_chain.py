"""The province that closes a chain of names ("X village of Y district, Z") picks X's namesake
in Z, and a bracketed other name before "district" is never the event's place."""

from __future__ import annotations

from geomap.events.locate import locate_event
from geomap.events.refine import place_in_region
from geomap.geoparse import geoparse
from geomap.model import Mention, Place


def _region(name: str, country: str) -> Place:
    return Place(name, 0.0, 0.0, None, country, name, "A", "ADM1", 0)


def test_a_namesake_in_another_province_is_replaced_by_the_one_in_the_named_province(gazetteer):
    elsewhere = Place("Mykolaivka", 46.9, 31.9, None, "UA", "Mykolaiv", "P", "PPL", 500)
    mention = Mention(10, 20, "Mykolaivka", "literal", elsewhere, 0.5)
    better = place_in_region(mention, _region("Luhansk", "UA"), gazetteer)
    assert better is not None and better.admin1 == "Luhansk"


def test_a_reading_already_in_the_named_province_is_kept(gazetteer):
    inside = Place("Mykolaivka", 48.0, 38.0, None, "UA", "Donetsk", "P", "PPL", 500)
    mention = Mention(10, 20, "Mykolaivka", "literal", inside, 0.5)
    assert place_in_region(mention, _region("Donetsk", "UA"), gazetteer) is None


def test_no_namesake_in_the_province_keeps_the_reading(gazetteer):
    elsewhere = Place("Mykolaivka", 46.9, 31.9, None, "UA", "Mykolaiv", "P", "PPL", 500)
    mention = Mention(10, 20, "Mykolaivka", "literal", elsewhere, 0.5)
    assert place_in_region(mention, _region("Volyn", "UA"), gazetteer) is None


def test_the_event_is_placed_in_the_province_its_sentence_names(gazetteer):
    text = "Shelling hit Mykolaivka village of Sloviansk district, Donetsk, on Monday."
    mentions = sorted(geoparse(text), key=lambda m: m.start)
    start = text.index("hit")
    location = locate_event(text, (start, start + 3), (0, len(text)), mentions,
                            gazetteer=gazetteer)
    assert location is not None and location.place.name == "Mykolaivka"
    assert location.place.admin1 == "Donetsk"


def test_a_bracketed_other_name_before_district_is_not_the_place():
    text = "Gunmen attacked a post in Sangin (Gereshk) district, Helmand, on Friday."
    mentions = sorted(geoparse(text), key=lambda m: m.start)
    start = text.index("attacked")
    location = locate_event(text, (start, start + 8), (0, len(text)), mentions)
    assert location is not None and location.mention.name == "Sangin"
