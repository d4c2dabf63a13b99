""""X, the town's zoning chief": a class word owning the noun after it ("the town's") says
whose office a person holds, not that X is a town; the person's surname stays a person's."""

from __future__ import annotations


def test_a_possessed_office_calls_no_place(parse):
    text = ("\"It will take a year,\" said Mabel Harris, the town's zoning chief. "
            "Harris later said the plan would wait.")
    assert [m.name for m in parse(text)] == []


def test_a_description_still_calls_a_place(parse):
    text = "Harris, a small town in the county, voted on the plan."
    assert "Harris" in [m.name for m in parse(text)]
