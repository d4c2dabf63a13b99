"""The proximity bonus reads the same from the anchor grid as from a scan of every anchor."""

from __future__ import annotations

import random
from dataclasses import dataclass

from geomap.geoparse.anchors import _GRID_FROM, Anchors, distance_bonus


@dataclass(frozen=True)
class _Candidate:
    lat: float
    lon: float


def _scan(candidate: _Candidate, points, own: str) -> float:
    """The bonus computed against a plain list (no grid)."""
    small = Anchors([])
    small.points = points  # a grid-free Anchors over the same points
    return distance_bonus(candidate, small, own)


def test_grid_and_scan_agree_everywhere_including_poles_and_the_date_line():
    rng = random.Random(7)
    points = [(rng.uniform(-89.9, 89.9), rng.uniform(-180, 180), f"n{i}") for i in range(400)]
    # clusters near the date line and the poles, where wrapping and shrinking matter
    points += [(rng.uniform(-20, 20), rng.choice([-179.9, 179.9]) + rng.uniform(-3, 3) % 0.1,
                f"d{i}") for i in range(40)]
    points += [(rng.uniform(84, 89.9), rng.uniform(-180, 180), f"p{i}") for i in range(40)]
    grid = Anchors(points)
    assert grid._grid is not None
    probes = [_Candidate(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(1500)]
    probes += [_Candidate(0.0, 179.99), _Candidate(0.0, -179.99), _Candidate(89.99, 10.0),
               _Candidate(-89.99, -170.0)]
    for probe in probes:
        assert distance_bonus(probe, grid, "n0") == _scan(probe, points, "n0")


def test_a_candidate_visits_only_the_anchors_within_reach():
    rng = random.Random(3)
    points = [(rng.uniform(-60, 60), rng.uniform(-180, 180), f"n{i}") for i in range(5000)]
    grid = Anchors(points)
    visited = len(grid.near(10.0, 20.0))
    assert visited < len(points) / 20


def test_few_anchors_need_no_grid():
    assert Anchors([(1.0, 2.0, "a")] * _GRID_FROM)._grid is None
    assert not Anchors([])
