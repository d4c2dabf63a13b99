"""`geomap eval locate` scores spans per verb and, as Halterman (2019) publishes, per token: a
verb with a gold place split in two (or two gold places) is found in full only when every word
of them is."""

from __future__ import annotations

import json

from geomap.evaluate.locate import evaluate_locate
from geomap.model import Mention, Place

_TOWN = Place("Sample", 35.0, 38.0, None, "SY", "Homs", "P", "PPL", 1000)


def _geoparse_marking(*names: str):
    """A geoparser that marks exactly ``names`` (the scorer takes any callable)."""

    def geoparse(text: str) -> list[Mention]:
        found = []
        for name in names:
            at = text.find(name)
            if at >= 0:
                found.append(Mention(at, at + len(name), name, "literal", _TOWN, 0.9))
        return sorted(found, key=lambda m: m.start)

    return geoparse


def _record(text: str, verb: str, *places: str) -> dict:
    at = text.index(verb)
    return {"id": "r", "text": text, "meta": {"verbs": [{"start": at, "end": at + len(verb)}]},
            "toponyms": [{"start": text.index(p), "end": text.index(p) + len(p), "name": p}
                         for p in places]}


def test_one_of_two_gold_places_is_a_whole_span_hit_but_half_the_words():
    record = _record("Rebels shelled Kafr Nabl and Maarat on Monday.", "shelled",
                     "Kafr Nabl", "Maarat")
    report = evaluate_locate([record], geoparse=_geoparse_marking("Kafr Nabl"))
    assert report["overlap"]["recall"] == 1.0 and report["exact"]["recall"] == 1.0
    assert report["token"]["precision"] == 1.0
    assert abs(report["token"]["recall"] - 2 / 3) < 1e-3  # "Kafr", "Nabl" of three words


def test_a_link_where_gold_has_none_costs_token_precision_and_null_accuracy():
    record = _record("Rebels shelled Kafr Nabl on Monday.", "shelled")
    report = evaluate_locate([record], geoparse=_geoparse_marking("Kafr Nabl"))
    assert report["null_accuracy"] == 0.0
    assert report["token"]["precision"] == 0.0 and report["token"]["recall"] is None


def test_the_dev_half_keeps_its_level(shared_eval):
    path = shared_eval / "events" / "event_location.jsonl"
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    report = evaluate_locate(records)
    assert report["overlap"]["f1"] >= 0.715
    assert report["exact"]["f1"] >= 0.69
    assert report["token"]["f1"] >= 0.69
