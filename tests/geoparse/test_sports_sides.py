"""A sports side takes its town's name: where the article uses a small place's name for a side
("X coach", "beat X"), the name is the team wherever it stands. A city of some size keeps its
place reading (its team's mentions are metonyms, another rule's business)."""

from __future__ import annotations

from .parse_fixtures import names_of


def test_a_small_town_used_as_a_side_is_the_team(parse):
    text = ("Rovers beat Carlow 2-0 on Saturday. Carlow coach Ann Byrne blamed the pitch, "
            "and Carlow now sit fifth in the table.")
    assert "Carlow" not in names_of(parse, text)


def test_the_same_town_without_a_side_stays_a_place(parse):
    text = "Heavy rain closed two roads near Carlow on Saturday."
    assert names_of(parse, text) == ["Carlow"]


def test_a_big_city_keeps_its_place_reading(parse):
    text = "Rovers beat Chicago 2-0. The mayor of Chicago attended the match."
    assert "Chicago" in names_of(parse, text)
