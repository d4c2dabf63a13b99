"""The span answer covers the whole place name: the capitalised words and particles the
geoparser left after its mention, and no day or month it read into the name."""

from __future__ import annotations

from geomap.events.locate import locate_verb
from geomap.model import Mention, Place

_TOWN = Place("Sample", 35.0, 38.0, None, "SY", "Homs", "P", "PPL", 1000)


def _answer(text: str, name: str, verb: str) -> str | None:
    start = text.index(name)
    mention = Mention(start, start + len(name), name, "literal", _TOWN, 0.9)
    at = text.index(verb)
    found = locate_verb(text, at, at + len(verb), [mention])
    return None if found is None else text[found.start:found.end]


def test_a_part_read_as_the_name_grows_to_the_whole_name():
    text = "Gunmen attacked a checkpoint in Tal Qasir al-Kabir on Monday."
    assert _answer(text, "Tal", "attacked") == "Tal Qasir al-Kabir"
    text = "A bomb exploded in Deir el-Hawa overnight."
    assert _answer(text, "Deir", "exploded") == "Deir el-Hawa"


def test_a_day_read_into_the_name_is_left_out():
    text = "Two men were shot in Homs Saturday, police said."
    assert _answer(text, "Homs Saturday", "shot") == "Homs"


def test_a_class_word_a_day_or_a_lower_case_word_ends_the_name():
    text = "Rebels shelled Sample Province on Friday."
    assert _answer(text, "Sample", "shelled") == "Sample"
    text = "Rebels shelled Sample Friday."
    assert _answer(text, "Sample", "shelled") == "Sample"
    text = "Rebels shelled Sample village at dawn."
    assert _answer(text, "Sample", "shelled") == "Sample"


def test_the_name_stops_where_another_place_begins():
    text = "Protesters marched in Fresno California on Sunday."
    start = text.index("Fresno")
    fresno = Mention(start, start + 6, "Fresno", "literal", _TOWN, 0.9)
    state = Place("California", 37.0, -120.0, None, "US", "California", "A", "ADM1", 0)
    california = Mention(start + 7, start + 17, "California", "literal", state, 0.9)
    at = text.index("marched")
    found = locate_verb(text, at, at + 7, [fresno, california])
    assert found is not None and found.name == "Fresno"


def test_a_name_the_gazetteer_lacks_is_still_the_span_a_place_word_governs():
    text = "Fighters entered Kafr Zita al-Gharbi after a night of shelling."
    at = text.index("entered")
    found = locate_verb(text, at, at + 7, [])
    assert found is not None and found.name == "Kafr Zita al-Gharbi" and found.place is None
    text = "Two farmers were shot in the village of Umm Saiyid on Friday."
    at = text.index("shot")
    found = locate_verb(text, at, at + 4, [])
    assert found is not None and found.name == "Umm Saiyid"


def test_a_day_after_a_place_word_is_no_name():
    text = "Troops entered Sunday after the siege ended."
    at = text.index("entered")
    assert locate_verb(text, at, at + 7, []) is None


def test_a_town_read_inside_the_name_is_part_of_it():
    text = "Troops shelled Wadi Sample overnight."
    wadi = Mention(15, 19, "Wadi", "literal", _TOWN, 0.9)
    inner = Mention(20, 26, "Sample", "literal", _TOWN, 0.9)
    at = text.index("shelled")
    found = locate_verb(text, at, at + 7, [wadi, inner])
    assert found is not None and text[found.start:found.end] == "Wadi Sample"


def test_a_quote_mark_inside_a_transliterated_name_does_not_end_it():
    text = "Rebels stormed Tal Al-‘Ayn at dawn."
    assert _answer(text, "Tal", "stormed") == "Tal Al-‘Ayn"
