"""A recogniser plug-in replaces the default scan; the shared corpora parse end to end."""

from __future__ import annotations

import re

from geomap.evaluate.geoparse import evaluate_corpus, toponyms_from_mentions
from geomap.geoparse import Geoparser, Span


class CapitalisedPairRecognizer:
    """A stand-in for a model-based recogniser: every "In X" gives a span for X."""

    def recognize(self, text, tokens):
        spans = []
        for match in re.finditer(r"\bin ([A-Z]\w+)", text):
            first = next(k for k, t in enumerate(tokens) if t.start == match.start(1))
            spans.append(Span(match.start(1), match.end(1), first, first, "external"))
        return spans


def test_a_plugged_in_recognizer_feeds_the_same_kinds_and_resolution(parser):
    plugged = Geoparser(parser.gazetteer, recognizer=CapitalisedPairRecognizer())
    mentions = plugged.parse("Talks in Damascus failed; fighting in Homs went on. Homs is far.")
    assert [m.name for m in mentions] == ["Damascus", "Homs"]
    assert all(m.place.country == "SY" for m in mentions)


def test_shared_corpora_parse_with_sane_scores(shared_eval, parser, tmp_path):
    lines = (shared_eval / "geoparse" / "gwn.jsonl").read_text(encoding="utf-8").splitlines()
    sample = tmp_path / "gwn-sample.jsonl"  # a temporary slice, never kept in the project
    sample.write_text("\n".join(lines[:25]) + "\n", encoding="utf-8")
    scores = evaluate_corpus(sample, lambda d: toponyms_from_mentions(parser.parse(d.text)))
    summary = scores.summary()
    assert summary["documents"] == 25
    assert summary["tolerant"]["f1"] > 0.7
    assert summary["acc161"] > 0.8
