"""A respelt name the text puts in a province is searched among that province's names alone, at
the floor its (smaller) number of names allows, and must lie near the towns the text also puts
it in."""

from __future__ import annotations


def _place(mentions, name):
    found = [m for m in mentions if m.name == name]
    assert found, f"{name!r} not recognised in {[m.name for m in mentions]}"
    return found[0].place


def test_a_respelling_below_the_country_floor_is_found_in_the_named_state(parse, parser):
    # one vowel changed in a short name: too unlike for the whole country's floor, close enough
    # among one state's names
    for name, state, meant in (("Herrimen", "Utah", "Herriman"), ("Oelwain", "Iowa", "Oelwein")):
        assert parser.fuzzy.match(name, ["US"]) is None
        place = _place(parse(f"A fire destroyed a barn near {name}, {state}, late on Sunday."),
                       name)
        assert place is not None and place.name == meant and place.source == "fuzzy"


def test_the_state_search_needs_the_state(parse):
    place = _place(parse("A fire destroyed a barn near Herrimen late on Sunday."), "Herrimen")
    assert place is None


def test_a_likeness_far_from_the_town_named_with_it_is_another_place(parse):
    far = parse("A fire destroyed a barn near Rundon, Amarillo, Texas, late on Sunday.")
    assert _place(far, "Rundon") is None
    near = parse("A fire destroyed a barn near Rundon, Fort Worth, Texas, late on Sunday.")
    place = _place(near, "Rundon")
    assert place is not None and place.name == "Rendon"
