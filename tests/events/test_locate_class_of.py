""""<class word> of X" names X itself. Before the verb it still places the event ("gunmen in the
port city of X killed ...", unlike "residents of X protested"); and in "the X district of
Y" X names the part, so X is the more specific place (while "the Y suburb of X" is X)."""

from __future__ import annotations

from event_fixtures import verb_place


def test_a_town_of_x_before_the_verb_places_the_event():
    text = "Masked gunmen in the old Crusader city of Aleppo killed a judge outside his home."
    assert verb_place(text, "killed") == "Aleppo"


def test_residents_of_x_before_the_verb_do_not_place_it():
    text = "Residents of Homs protested loudly against the new tax."
    assert verb_place(text, "protested") is None


def test_the_x_district_of_y_is_x():
    text = "A car bomb exploded in the Karam Houmid district of Aleppo, police said."
    assert verb_place(text, "exploded") == "Karam Houmid"


def test_the_y_suburb_of_x_is_x():
    text = "A car bomb exploded in the Aleppo suburb of Karam Houmid, police said."
    assert verb_place(text, "exploded") == "Karam Houmid"


def test_the_city_neighbourhood_of_x_is_x():
    """A part word after the bigger place: the city holds the quarter named next."""
    text = "A car bomb exploded in the Aleppo neighbourhood of Karam Houmid, police said."
    assert verb_place(text, "exploded") == "Karam Houmid"
