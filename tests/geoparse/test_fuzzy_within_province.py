"""A name the gazetteer lacks under the text's spelling is guessed among the spellings of the
article's country; where the text puts it in a province ("X, Y province", "X, Y" with Y a city
that names its province), a likeness outside that province is some other place."""

from __future__ import annotations


def _place(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, name
    return found[0].place


def test_a_likeness_in_the_named_province_is_kept(parse):
    place = _place(parse("Gunmen attacked a post in Gireshkh, Helmand province, on Sunday."),
                   "Gireshkh")
    assert place is not None and place.name == "Gereshk"


def test_a_likeness_in_another_province_is_dropped(parse):
    for text in ("Gunmen attacked a post in Gireshkh, Kunar province, on Sunday.",
                 "Gunmen attacked a post in Gireshkh, Kandahar, on Sunday."):
        assert _place(parse(text), "Gireshkh") is None


def test_a_likeness_in_the_named_country_is_kept(parse):
    place = _place(parse("Gunmen attacked a post in Gireshkh, Afghanistan, on Sunday."),
                   "Gireshkh")
    assert place is not None and place.country == "AF"


def test_a_name_whose_senses_all_lie_elsewhere_is_searched_in_the_province(parse):
    # every sense of the text's spelling lies abroad; the province holds another spelling
    for name, province in (("Dehnow", "Kabul"), ("Khonj", "Panjshir")):
        text = f"Gunmen attacked a convoy near {name}, {province} province, on Friday."
        place = _place(parse(text), name)
        assert place is not None and place.admin1 == province


def test_a_name_put_in_a_mere_country_is_not_searched(parse):
    for name in ("Dehnow", "Khonj"):
        text = f"Gunmen attacked a convoy near {name}, Afghanistan, on Friday."
        assert _place(parse(text), name) is None
