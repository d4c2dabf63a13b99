"""``new_candidate`` (the lookup's fast constructor) builds exactly what ``Candidate(...)``
builds, field for field, and stays frozen."""

from __future__ import annotations

import dataclasses

import pytest

from gazetteer.model import _SET, Candidate, new_candidate

VALUES = (7, "Testabad", 34.5, 69.1, "P", "PPL", "AF", "13", "Testar", 1200, "geonames",
          "testabad", "Afghanistan", True, 45.5, "1301", "Test District")


def test_the_fast_constructor_builds_the_same_candidate():
    fast, plain = new_candidate(*VALUES), Candidate(*VALUES)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert [getattr(fast, f.name) for f in dataclasses.fields(Candidate)] == list(VALUES)


def test_its_setters_follow_the_field_order():
    assert len(_SET) == len(dataclasses.fields(Candidate))
    assert [setter.__self__.__name__ for setter in _SET] == \
        [f.name for f in dataclasses.fields(Candidate)]


def test_the_candidate_stays_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_candidate(*VALUES).score = 0.0
