"""Grouping by complete link takes the shortcut for sets of reports that all match one another
and still groups exactly as joining pair by pair, best first, does: on random match graphs
with chains, stars, cliques and ties in the scores."""

import random

import numpy as np

from geomap.events.dedup import _complete_link


def plain_complete_link(count, pairs, scores):
    """Join the pairs best first (then by pair); two groups join only if every member of one
    matches every member of the other. Labels: each group's lowest index."""
    compatible = set(pairs)
    group = {i: {i} for i in range(count)}
    for (i, j) in sorted(pairs, key=lambda pair: (-scores[pair], pair)):
        if group[i] is group[j]:
            continue
        if all((min(x, y), max(x, y)) in compatible for x in group[i] for y in group[j]):
            joined = group[i] | group[j]
            for member in joined:
                group[member] = joined
    return [min(group[i]) for i in range(count)]


def _random_graph(rng, count):
    pairs = set()
    for _ in range(rng.randrange(count * 2)):
        i, j = rng.sample(range(count), 2)
        pairs.add((min(i, j), max(i, j)))
    for start in range(0, count - 4, 9):  # some sets that all match one another
        members = range(start, start + rng.randint(2, 4))
        pairs |= {(i, j) for i in members for j in members if i < j}
    return sorted(pairs), {pair: float(rng.choice((50, 70, 150, 170))) for pair in pairs}


def test_groups_equal_joining_pair_by_pair():
    rng = random.Random(5)
    for _ in range(200):
        count = rng.randint(1, 30)
        pairs, scores = _random_graph(rng, count)
        first = np.array([i for i, _ in pairs], np.int64)
        second = np.array([j for _, j in pairs], np.int64)
        score = np.array([scores[pair] for pair in pairs])
        assert _complete_link(count, first, second, score).tolist() == plain_complete_link(
            count, pairs, scores)


def test_a_chain_is_not_one_group():
    first, second = np.array([0, 1]), np.array([1, 2])
    labels = _complete_link(3, first, second, np.array([90.0, 80.0]))
    assert labels.tolist() == [0, 0, 2]
