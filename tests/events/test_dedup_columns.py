"""Dedup's columns: each distinct value converted once, the array equal to converting every
value; codes shared by several fields number a value once."""

from datetime import date

import numpy as np

from geomap.events.columns import coded, converted


def test_a_converted_column_equals_converting_every_value_and_converts_each_value_once():
    days = [date(2024, 5, 1), None, date(2024, 5, 3), date(2024, 5, 1), None]
    calls = []

    def ordinal(day):
        calls.append(day)
        return -1 if day is None else day.toordinal()

    column = converted(days, ordinal)
    assert column.tolist() == [-1 if d is None else d.toordinal() for d in days]
    assert column.dtype == np.int64 and len(calls) == 3
    assert converted((3, None, 1), lambda v: v == 3, bool).tolist() == [True, False, False]
    assert converted([], ordinal).tolist() == []


def test_codes_shared_by_two_fields_give_one_value_one_number():
    codes = {None: -1}
    admin1 = coded(["Hill", None, "Vale", "Hill"], codes)
    location = coded(["Vale", "Ford", None], codes)
    assert admin1.tolist() == [0, -1, 1, 0]
    assert location.tolist() == [1, 2, -1]
