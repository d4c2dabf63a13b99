"""Date phrases come from the lexicon's calendar.toml (issue #12): relative days with their
offset and precision, month parts and the phrases around dates are data, so a lexicon that
adds a phrase reads it and one with an unknown anchor fails when first used."""

from dataclasses import replace
from datetime import date

import pytest

from geomap.events.dates import find_date
from geomap.lexicons import ENGLISH, LexiconError, RelativeDay

FRIDAY = date(2021, 3, 19)


def test_a_relative_day_of_the_lexicon_resolves_with_its_offset_and_precision():
    text = "Gunmen raided the depot vorgestern, officials said."
    assert find_date(text, published=FRIDAY) is None
    wider = replace(ENGLISH, relative_days=(*ENGLISH.relative_days,
                                            RelativeDay("vorgestern", 2, 1)))
    found = find_date(text, published=FRIDAY, lexicon=wider)
    assert (found.value, found.precision) == (date(2021, 3, 17), 1)
    assert text[found.start:found.end] == "vorgestern"


def test_anchored_days_follow_their_anchor():
    text = "The ferry was seized last month."
    found = find_date(text, published=FRIDAY)
    assert (found.value, found.precision) == (date(2021, 2, 15), 3)


def test_an_unknown_anchor_is_a_lexicon_error():
    broken = replace(ENGLISH, relative_days=(RelativeDay("anno", 0, 3, "next_decade"),))
    with pytest.raises(LexiconError, match="next_decade"):
        find_date("It happened anno.", published=FRIDAY, lexicon=broken)


def test_month_parts_are_lexicon_data():
    text = "The raids began in early March."
    assert find_date(text, published=FRIDAY).value == date(2021, 3, 5)
    later = replace(ENGLISH, month_parts=(("early", (10, 3)), ("mid", (15, 2)),
                                          ("late", (25, 3))))
    assert find_date(text, published=FRIDAY, lexicon=later).value == date(2021, 3, 10)
