"""The event-location dev half keeps the level this round's rules reached (thresholds only; the
records are read, never copied)."""

from __future__ import annotations

import json

from geomap.evaluate.locate import evaluate_locate


def test_the_dev_half_keeps_this_rounds_level(shared_eval):
    path = shared_eval / "events" / "event_location.jsonl"
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    report = evaluate_locate(records)
    assert report["overlap"]["f1"] >= 0.715
    assert report["exact"]["f1"] >= 0.69
    assert report["token"]["f1"] >= 0.69
