"""The geoparsing metrics of METRICS.md, on hand-made cases whose answers are known."""

from __future__ import annotations

import json
import math

import pytest

from geomap.evaluate.geoparse import (
    HALF_EARTH_KM,
    CorpusScores,
    Document,
    Toponym,
    auc,
    evaluate_corpus,
    match_spans,
    prf,
    read_corpus,
)


def span(start, end, text, lat=None, lon=None, geonameid=None):
    return Toponym(start, end, text[start:end], lat, lon, geonameid)


def test_exact_and_tolerant_matching():
    text = "xx Paris yy the Paris zz"
    gold = [span(3, 8, text)]
    shifted = [Toponym(2, 7, "Paris")]  # same string, midpoint 1 char away
    assert match_spans(gold, shifted, tolerant=False) == []
    assert match_spans(gold, shifted, tolerant=True) == [(0, 0)]
    far = [span(17, 22, text)]  # same string, 14 chars away
    assert match_spans(gold, far, tolerant=True) == []
    other = [Toponym(3, 8, "Lyons")]  # different string at the same place
    assert match_spans(gold, other, tolerant=True) == []


def test_matching_is_one_to_one_in_gold_order():
    gold = [Toponym(0, 5, "Paris"), Toponym(2, 7, "Paris")]
    predicted = [Toponym(1, 6, "Paris")]
    assert match_spans(gold, predicted, tolerant=True) == [(0, 0)]


def test_prf():
    assert prf(3, 1, 2) == pytest.approx({"precision": 0.75, "recall": 0.6,
                                          "f1": 2 * 0.75 * 0.6 / 1.35, "tp": 3, "fp": 1,
                                          "fn": 2})
    assert prf(0, 0, 0)["f1"] == 0.0


def test_auc_is_the_normalised_trapezoid_of_sorted_log_errors():
    assert auc([0.0, 0.0]) == 0.0
    assert auc([HALF_EARTH_KM, HALF_EARTH_KM]) == pytest.approx(
        2 * math.log(1 + HALF_EARTH_KM) / 2 / math.log(HALF_EARTH_KM))
    errors = [10.0, 0.0, 100.0]
    values = sorted(math.log(1 + e) for e in errors)
    expected = ((values[0] + values[1]) / 2 + (values[1] + values[2]) / 2) / (2 * math.log(
        HALF_EARTH_KM))
    assert auc(errors) == pytest.approx(expected)
    assert auc([]) is None


def test_resolution_scores_only_matched_toponyms_with_coordinates():
    text = "Paris and Lyon and Nice"
    gold = (span(0, 5, text, 48.85, 2.35, 1), span(10, 14, text, 45.76, 4.83, 2),
            span(19, 23, text))
    scores = CorpusScores("t")
    predicted = [span(0, 5, text, 48.85, 2.35, 1), span(10, 14, text, 48.85, 2.35, 9)]
    scores.add(Document("d", text, gold), predicted)
    summary = scores.summary()
    assert summary["exact"]["tp"] == 2 and summary["exact"]["fn"] == 1
    assert summary["acc161"] == 0.5
    assert summary["geonameid_accuracy"] == 0.5
    assert summary["median_km"] == pytest.approx(391.5 / 2, rel=0.05)
    categories = {m.category for m in scores.misses}
    assert categories == {"wrong sense", "missed span"}


def test_wiktor_is_recall_only(tmp_path):
    path = tmp_path / "wiktor.jsonl"
    record = {"id": "1", "text": "Roca is a village.", "toponyms": [
        {"start": 0, "end": 4, "name": "Roca", "lat": 40.65, "lon": -96.66}]}
    path.write_text(json.dumps(record) + "\n")
    summary = evaluate_corpus(path, lambda d: [Toponym(0, 4, "Roca", 40.65, -96.66),
                                               Toponym(10, 17, "village")]).summary()
    assert summary["recall_tolerant"] == 1.0
    assert "tolerant" not in summary
    assert summary["acc161"] == 1.0


def test_bad_lines_are_reported_with_their_numbers(tmp_path):
    path = tmp_path / "c.jsonl"
    good = json.dumps({"id": "a", "text": "Aleppo", "toponyms": []})
    path.write_text("\n".join([good, "{not json", json.dumps({"id": "b"}),
                               json.dumps({"id": "c", "text": "ab", "toponyms": [
                                   {"start": 0, "end": 9}]}), good]) + "\n")
    documents, bad = read_corpus(path)
    assert len(documents) == 2
    assert [b.line for b in bad] == [2, 3, 4]
