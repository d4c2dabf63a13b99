"""A total reported across several attacks is split evenly; a remainder goes to the share most
of the events get (coders give it to some events, one each, and we cannot tell which)."""

from geomap.events.casualties import parse_casualties
from geomap.events.coded_tolls import coded_toll
from geomap.events.numbers import even_share


def test_even_share_takes_the_majority_share():
    assert even_share(10, 2) == 5
    assert even_share(7, 3) == 2  # 3, 2, 2: most events get 2
    assert even_share(8, 3) == 3  # 3, 3, 2: most events get 3
    assert even_share(1, 4) == 1  # a death reported for the event at hand is never 0
    assert even_share(1, 4, at_least_one=False) == 0


def test_a_total_across_attacks_is_split_by_majority_share():
    text = ("Raiders hit a border post. This was one of three raids in the valley that night. "
            "Eight guards were killed and five were hurt across the raids.")
    found = parse_casualties(text)
    assert (found.fatalities, found.injured) == (3, 2)


def test_an_acled_split_of_few_deaths_over_many_events_leaves_zero():
    note = "One guard was killed at an unnamed post [1 fatality split among 9 events]."
    assert coded_toll(note, 1) == 0
