"""A name the gazetteer writes as one word and the text as two ("Faisal Abad" for Faisalabad):
transliteration splits words as often as it joins them. English words and a given name before a
surname stay apart."""

from __future__ import annotations


def _places(mentions):
    return {m.name: m.place for m in mentions}


def test_a_split_spelling_is_the_one_word_name(parse):
    places = _places(parse("Police said two shops burned in Faisal Abad overnight."))
    assert places["Faisal Abad"] is not None
    assert places["Faisal Abad"].name == "Faisalabad"


def test_english_words_are_not_joined(parse):
    places = _places(parse("Police said two shops burned on Mill Street overnight."))
    assert "Mill" not in places
    assert all(place is None or place.name != "Millstreet" for place in places.values())


def test_a_person_is_not_joined(parse):
    mentions = parse("Police said John Stone was arrested overnight.")
    assert all(m.place is None or m.place.name != "Johnstone" for m in mentions)


def test_the_recogniser_knows_the_joined_spelling(parser):
    recognizer = parser.recognizer
    assert recognizer.joined_spelling("Faisal Abad") == "Faisalabad"
    assert recognizer.joined_spelling("North Eastern") is None   # a direction
    assert recognizer.joined_spelling("Faisal Abad Road") is None  # two words only
