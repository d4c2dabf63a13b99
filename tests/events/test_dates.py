from datetime import date

import pytest

from geomap.events.dates import find_date, resolve_date

PUBLISHED = date(2016, 10, 7)  # a Friday


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("Officials said on Friday that", date(2016, 10, 7), 1),
    ("On Monday, the US decided", date(2016, 10, 3), 1),
    ("last Friday", date(2016, 9, 30), 1),
    ("targeted a base on September 17, killing", date(2016, 9, 17), 1),
    ("in Aleppo, Syria October 4, 2016.", date(2016, 10, 4), 1),
    ("On 1 March 2020, a mortar round", date(2020, 3, 1), 1),
    ("29 Apr 2020", date(2020, 4, 29), 1),
    ("01/02/2021: Assailants", date(2021, 1, 2), 1),
    ("earlier this week", date(2016, 10, 7), 2),
    ("last month", date(2016, 9, 15), 3),
    ("yesterday", date(2016, 10, 6), 1),
    ("Two days ago, gunmen attacked", date(2016, 10, 5), 1),
    ("the raid three weeks ago", date(2016, 9, 16), 2),
    ("fighting in mid-September", date(2016, 9, 15), 2),
    ("clashes in early March 2015", date(2015, 3, 5), 3),
])
def test_dates_resolve_against_publication(text, value, precision):
    found = find_date(text, published=PUBLISHED)
    assert (found.value, found.precision) == (value, precision)


def test_a_date_without_year_is_never_after_publication():
    assert find_date("on December 20", published=date(2017, 1, 3)).value == date(2016, 12, 20)


def test_no_date_falls_back_to_publication_week_or_none():
    text = "Russia deployed missiles."
    assert resolve_date(text, 0, len(text), PUBLISHED).precision == 2
    assert resolve_date(text, 0, len(text), None) is None
    assert find_date("you may 5 times", published=PUBLISHED) is None


def test_days_before_another_event_are_not_counted_from_publication():
    assert find_date("two days earlier, the convoy left", published=PUBLISHED) is None
