"""The fuzzy fallback: a respelt town resolves in its article's country, and only there."""

from __future__ import annotations

import pytest

from geomap.geoparse import Geoparser, fuzzy


def _place(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, f"{name!r} not recognised in {[m.name for m in mentions]}"
    return found[0].place, found[0].confidence


def test_skeleton_folds_vowels_doubles_and_transliteration_pairs():
    assert fuzzy.skeleton("girishk") == fuzzy.skeleton("gereshk") == "grshk"
    assert fuzzy.skeleton("qandahar") == fuzzy.skeleton("kandahaar")
    assert fuzzy.skeleton("irbil") == fuzzy.skeleton("erbil")


def test_misspelt_town_in_a_country_context_sentence_resolves_marked_as_fuzzy(parse):
    mentions = parse("Taliban fighters attacked a police checkpoint in Gireshkh district of "
                     "Helmand province, Afghanistan, on Monday.")
    place, confidence = _place(mentions, "Gireshkh")
    assert place is not None and place.name == "Gereshk" and place.country == "AF"
    assert place.source == "fuzzy"
    assert 0 < confidence < 0.5  # below any exact match


def test_the_same_misspelling_without_country_context_stays_unresolved(parse):
    mentions = parse("Fighters attacked a police checkpoint in Gireshkh district on Monday.")
    place, _ = _place(mentions, "Gireshkh")
    assert place is None


def test_an_unknown_spelling_after_a_locative_preposition_is_searched(parse):
    # "Mirpurkhas" is found only by the "in X" pattern, not by the gazetteer
    place, _ = _place(parse("Two groups clashed over water in Mirpurkhas, Sindh."), "Mirpurkhas")
    assert place is not None and place.name == "Mirpur Khas" and place.source == "fuzzy"


def test_a_spacing_and_vowel_variant_resolves_through_a_demonym(parse):
    mentions = parse("Afghan forces repelled an attack on Lashkargaah district overnight.")
    place, _ = _place(mentions, "Lashkargaah")
    assert place is not None and place.country == "AF" and place.source == "fuzzy"


def test_a_person_name_in_the_same_country_context_is_not_fuzzed_into_a_place(parser):
    text = "Afghan officials said Mullah Akhtar Mansoor met elders in Kandahar."
    start = text.index("Mullah")
    mentions = parser.resolve_spans(text, [(start, start + len("Mullah Akhtar Mansoor")),
                                           (text.index("Kandahar"), len(text) - 1)])
    assert mentions[0].place is None
    assert mentions[1].place is not None and mentions[1].place.source != "fuzzy"
    parsed = parser.parse("Afghan President Ashraf Ghanni visited troops in Kandahar.")
    assert not any(m.place is not None and m.place.source == "fuzzy" for m in parsed)


@pytest.mark.parametrize("name", ["E. Riverside", "Mosul FC", "Taliban-controlled",
                                  "Helmand's governor", "John Smith", "Homs"])
def test_abbreviations_acronyms_phrases_person_and_short_names_are_not_searched(parser, name):
    assert not parser.fuzzy.fuzzable(name)


def test_a_plain_name_of_five_letters_or_more_is_searched(parser):
    assert parser.fuzzy.fuzzable("Gireshkh") and parser.fuzzy.fuzzable("Qala-e Naw")


def test_a_name_grown_at_its_end_is_a_derived_word_not_a_respelling(parser):
    assert parser.fuzzy.match("Helmandi", ["AF"]) is None  # not Helmand
    assert parser.fuzzy.match("Gireshkh", ["AF"]).name == "Gereshk"
    assert parser.fuzzy.match("Gireshkh", ["FR"]) is None  # only in the article's country


def test_country_context_needs_a_clear_leading_country():
    from collections import Counter

    assert fuzzy.context_countries(Counter({"AF": 3, "PK": 1})) == ["AF"]
    assert fuzzy.context_countries(Counter({"AF": 2, "PK": 2, "IR": 2})) == []
    assert fuzzy.context_countries(Counter({"AF": 1})) == ["AF"]  # one demonym is enough
    assert fuzzy.context_countries(Counter()) == []


def test_the_fallback_can_be_switched_off(parser):
    quiet = Geoparser(parser.gazetteer, fuzzy=False)
    mentions = quiet.parse("Taliban fighters attacked a police checkpoint in Gireshkh district "
                           "of Helmand province, Afghanistan, on Monday.")
    place, _ = _place(mentions, "Gireshkh")
    assert place is None
