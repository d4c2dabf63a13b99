""""X (X)", "X town (X, Z)": a town put in a unit of its own name is the town that names the
unit (a seat of government, or a city named like its province), not a larger namesake abroad."""

from __future__ import annotations


def _place(mentions, name):
    found = [m for m in mentions if m.name == name and m.place is not None]
    assert found, f"{name} unresolved"
    return found[0].place


def test_a_town_in_its_namesake_unit_is_the_units_seat(parse):
    mentions = parse("Dock workers marched in Santa Ana (Santa Ana) on Tuesday over unpaid pay.")
    place = _place(mentions, "Santa Ana")
    assert place.country == "SV"
    assert all(m.place.country == "SV" for m in mentions if m.name == "Santa Ana")


def test_without_the_namesake_unit_the_larger_town_stays(parse):
    # the rule is what moves the name: alone it keeps its population prior
    place = _place(parse("Dock workers marched in Santa Ana on Tuesday over unpaid pay."),
                   "Santa Ana")
    assert place.country != "SV"


def test_a_stated_link_to_the_namesake_is_no_such_cue(parse):
    # "of" also links a town to the statistical area or county named after it
    text = "Santa Ana is the largest city of the Santa Ana basin, where the river floods."
    place = _place(parse(text), "Santa Ana")
    assert place.country != "SV"
