"""geomap.events.identity's rule over many candidate pairs at once, with the same decisions.

A million reports give about a million candidate pairs, most of them true duplicates, so
asking the rule pair by pair in Python costs tens of seconds. Here each report's fields and
sentence features become small ints once (codes, bit sets), every rule that compares them runs
in numpy over all pairs, the sentence similarities come from one rapidfuzz call in C, and a
pair goes back to ``match_score`` itself only where that reading needs the text in a way not
coded here (a town named in the other's sentence, several articles, a distance within a
rounding error of a threshold). ``scores`` equals ``match_score`` pair by pair
(tests/events/test_dedup_bulk.py checks it against the plain rule).
"""

from __future__ import annotations

from itertools import repeat
from operator import is_, is_not, itemgetter

import numpy as np
from rapidfuzz import fuzz, process

from geomap.events.columns import coded, converted, converted_rows, distinct
from geomap.events.identity import (
    NEAR_KM,
    SAME_POINT_KM,
    TOLL_FACTOR,
    TOLL_SLACK,
    WEAK_EVIDENCE_SIMILARITY,
    Report,
    match_score,
)
from geomap.events.wording import groups_in, names_in, sentence_of, unmatched
from geomap.geodesy import EARTH_RADIUS_KM

#: Distances this close to a threshold are left to the plain rule (float rounding may differ).
_ROUNDING_KM = 1e-6


def scores(reports: list[Report], first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """match_score of each pair (reports[first[k]], reports[second[k]]); NaN where None."""
    if not len(first):
        return np.empty(0)
    f = _Features(reports)
    a, b = first, second
    ok = (f.article[a] != f.article[b]) & (f.kind[a] == f.kind[b]) & (
        (f.family[a] < 0) | (f.family[b] < 0) | (f.family[a] == f.family[b]))
    ok &= (f.first_day[a] <= f.last_day[b]) & (f.first_day[b] <= f.last_day[a])
    ok &= _agree(f.low[a], f.high[a], f.low[b], f.high[b])
    ok &= _agree(f.injured[a], f.injured[a], f.injured[b], f.injured[b])
    ok &= ~((f.doer[a] >= 0) & (f.doer[b] >= 0) & (f.doer[a] != f.doer[b]))
    shared = ((f.actor1[a] == f.actor1[b]) | (f.actor1[a] == f.actor2[b])
              | (f.actor2[a] == f.actor1[b]) | (f.actor2[a] == f.actor2[b]))
    ok &= ~((f.actor1[a] >= 0) & (f.actor1[b] >= 0) & ~shared)
    for bits in (f.groups, f.victims):
        ok &= ~((bits[a] != 0) & (bits[b] != 0) & ((bits[a] & bits[b]) == 0))
    same, within, plain = _places(f, a, b)
    plain |= f.unusual[a] | f.unusual[b]
    ok &= same | within | plain
    ok &= _names_agree(f, a, b, ok & ~plain)
    out = np.full(len(a), np.nan)
    fast = np.nonzero(ok & ~plain)[0]
    similar = process.cpdist([f.sentence[i] for i in a[fast].tolist()],
                             [f.sentence[i] for i in b[fast].tolist()],
                             scorer=fuzz.token_set_ratio, dtype=np.float64)
    af, bf = a[fast], b[fast]
    strong = same[fast] & f.day_precise[af] & f.day_precise[bf] & (f.precision[af] != 3)
    dead = (f.high[af] > 0) & (f.high[bf] > 0)
    accept = strong | (similar >= WEAK_EVIDENCE_SIMILARITY) | dead
    out[fast[accept]] = (similar + np.where(strong, 100.0, 0.0))[accept]
    for k in np.nonzero(ok & plain)[0].tolist():
        score = match_score(reports[a[k]], reports[b[k]])
        out[k] = np.nan if score is None else score
    return out


class _Features:
    """Each report's fields as arrays of ints (codes: -1 for None) and floats. Reports are
    tuples: a column per field comes from one zip, and each distinct value of a column is
    converted once (geomap.events.columns); a loop building a row per report cost far more."""

    def __init__(self, reports: list[Report]) -> None:
        codes: dict = {None: -1}  # one int per value compared; the fields never meet
        r = Report(*zip(*reports, strict=True))
        # each sentence read once here: the cached reading would only evict and insert
        sentences = list(map(sentence_of.__wrapped__, r.notes))
        self.article = _article_codes(r.articles)
        self.kind = coded(r.event_type, codes)
        self.place = coded(r.place_id, codes)
        # the falsy ones ("") are None to the rule
        self.family, self.doer, self.country, self.admin1, self.location = (
            converted(values, lambda value: codes.setdefault(value or None, len(codes) - 1))
            for values in (r.family, r.doer, r.country, r.admin1, r.location))
        self.first_day = converted(r.first_day, lambda day: day or 0)
        self.last_day = converted(r.last_day, lambda day: day or 0)
        # (low, high, whether a figure is negative), one reading of the column
        deaths = converted_rows(r.deaths, lambda deaths: (*(deaths or (-1, -1)),
                                                          min(deaths or (0,)) < 0), 3)
        self.low, self.high, negative = np.ascontiguousarray(deaths.T)
        self.injured = converted(r.injured, lambda injured: injured or -1)
        self.precision = converted(r.precision, lambda precision: -1 if precision is None
                                   else precision)
        actor_codes: dict[frozenset[str], tuple[int, int]] = {}
        actors = converted_rows(r.actors, lambda actors: _actor_codes(actors, codes,
                                                                      actor_codes), 2)
        self.actor1, self.actor2 = np.ascontiguousarray(actors.T)
        bit_sets: dict[frozenset[str], int] = {}
        bits: dict[str, int] = {}
        self.sentence = [s.casefold() for s in sentences]  # similarity's processor, once
        self.groups = converted(groups_in(sentences, self.sentence),
                                lambda groups: _bits(groups, bits, bit_sets))
        self.victims = converted(r.victims, lambda victims: _bits(victims, bits, bit_sets))
        self.day_precise = np.array(r.day_precise, bool)
        self.has_lat = np.fromiter(map(is_not, r.lat, repeat(None)), bool, len(reports))
        # several articles, no date or a negative figure: the plain rule judges those
        self.unusual = (self.article == -2) | converted(r.first_day, lambda day: day is None, bool)
        self.unusual |= negative.astype(bool)
        self.unusual |= converted(r.injured, lambda injured: (injured or 0) < 0, bool)
        self.lat, self.lon = np.array(r.lat, np.float64), np.array(r.lon, np.float64)
        missing = ~self.has_lat | np.fromiter(map(is_, r.lon, repeat(None)), bool, len(reports))
        self.lat[missing] = self.lon[missing] = np.nan
        self.raw_sentence = sentences


def _article_codes(articles: tuple[tuple[str, ...], ...]) -> np.ndarray:
    """Each report's article as a number (its own numbering: articles are compared only with
    articles), -2 for a report of several. Every report has its own article, so the table of
    distinct values is as long as the column: it is numbered in C, not value by value."""
    count = len(articles)
    sizes = np.fromiter(map(len, articles), np.int64, count)
    if (sizes == 0).any():  # (no Event has no article; a Report made by hand may)
        articles = tuple(ids or (None,) for ids in articles)
    first = list(map(itemgetter(0), articles))
    table = dict.fromkeys(first)
    table = dict(zip(table, range(len(table)), strict=True))
    numbers = np.fromiter(map(table.__getitem__, first), np.int64, count)
    numbers[sizes != 1] = -2
    return numbers


def _actor_codes(actors: frozenset[str], numbers: dict, known: dict) -> tuple[int, int]:
    """A set of at most two actors as (lowest code, highest code); (-1, -1) when empty."""
    if actors not in known:
        codes = sorted(numbers.setdefault(actor, len(numbers) - 1) for actor in actors) or [-1]
        known[actors] = codes[0], codes[-1]
    return known[actors]


def _bits(labels: frozenset[str], numbers: dict[str, int],
          known: dict[frozenset[str], int]) -> int:
    """A set of labels (wording's few dozen classes) as one int, a bit per label."""
    bits = 0
    for label in labels:
        bits |= 1 << numbers.setdefault(label, len(numbers))
    if len(numbers) > 62:
        raise ValueError("more labels than bits in an int64")
    known[labels] = bits
    return bits


def _names_agree(f: _Features, a: np.ndarray, b: np.ndarray, asked: np.ndarray) -> np.ndarray:
    """identity.no_conflicting_names for the ``asked`` pairs (the others: True): the names of
    only the sentences asked about, equal name sets agree, the others are read once per pair
    of sets."""
    agree = np.ones(len(a), bool)
    needed = distinct(np.concatenate([a[asked], b[asked]]))
    if not len(needed):
        return agree
    name_codes: dict[frozenset[str], int] = {}
    names = np.full(len(f.raw_sentence), -1)
    read = names_in.__wrapped__  # each sentence once: the cache would only evict and insert
    found = map(read, map(f.raw_sentence.__getitem__, needed.tolist()))
    names[needed] = np.fromiter((name_codes.setdefault(name_set, len(name_codes))
                                 for name_set in found), np.int64, len(needed))
    differ = asked & (names[a] != names[b])
    if not differ.any():
        return agree
    sets, width = list(name_codes), len(name_codes)
    unique, inverse = np.unique(names[a[differ]] * width + names[b[differ]],
                                return_inverse=True)
    verdicts = np.fromiter((not (unmatched(sets[x], sets[y]) and unmatched(sets[y], sets[x]))
                            for x, y in zip((unique // width).tolist(),
                                            (unique % width).tolist(), strict=True)),
                           bool, len(unique))
    agree[differ] = verdicts[inverse.ravel()]
    return agree


def _agree(low_a: np.ndarray, high_a: np.ndarray, low_b: np.ndarray,
           high_b: np.ndarray) -> np.ndarray:
    """identity.figures_agree over arrays; a negative low is an unknown figure."""
    a_lower = high_a < low_b
    lower_high = np.where(a_lower, high_a, high_b)
    higher_low = np.where(a_lower, low_b, low_a)
    return (low_a < 0) | (low_b < 0) | ((low_a <= high_b) & (low_b <= high_a)) | (
        (lower_high != 0) & (higher_low <= TOLL_FACTOR * lower_high + TOLL_SLACK))


def _places(f: _Features, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, ...]:
    """identity.place_relation over arrays: (SAME, WITHIN by region, left to the plain rule)."""
    phi1, phi2 = np.radians(f.lat[a]), np.radians(f.lat[b])
    half_chord = (np.sin((phi2 - phi1) / 2) ** 2 + np.cos(phi1) * np.cos(phi2)
                  * np.sin(np.radians(f.lon[b] - f.lon[a]) / 2) ** 2)
    distance = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(half_chord)))
    mapped = ~np.isnan(distance)
    plain = mapped & ((np.abs(distance - NEAR_KM) < _ROUNDING_KM)
                      | (np.abs(distance - SAME_POINT_KM) < _ROUNDING_KM))
    placed = ((f.location[a] >= 0) | f.has_lat[a]) & ((f.location[b] >= 0) | f.has_lat[b])
    placed &= ~((f.country[a] >= 0) & (f.country[b] >= 0) & (f.country[a] != f.country[b]))
    near = ~mapped | (distance <= NEAR_KM)
    same = (f.place[a] >= 0) & (f.place[a] == f.place[b])
    same |= (f.location[a] >= 0) & (f.location[a] == f.location[b]) & near & (
        (f.admin1[a] < 0) | (f.admin1[b] < 0) | (f.admin1[a] == f.admin1[b]))
    same |= mapped & (distance <= SAME_POINT_KM)
    same &= placed
    within = np.zeros(len(a), bool)
    for outer, inner in ((a, b), (b, a)):
        region = f.precision[outer] == 3
        within |= region & (f.precision[inner] < 3) & (f.admin1[inner] >= 0) & (
            (f.admin1[inner] == f.location[outer]) | (f.admin1[inner] == f.admin1[outer]))
        # a town named in the other's sentence: the plain rule reads the text
        plain |= ~region & mapped & (distance <= NEAR_KM) & (f.location[outer] >= 0)
    plain &= placed & ~same & ~within
    return same, within & ~same, plain
