"""Geoparsing metrics (../shared/eval/METRICS.md) and the `geomap eval geoparse` runner.

Recognition: spans matched one-to-one, greedily in gold order, exactly or tolerantly (Gritta et
al. 2018: same lower-cased string, midpoints < 10 characters apart). Resolution: over matched gold
toponyms with coordinates on both sides -- Acc@161, AUC of sorted ln(1 + km), mean/median km,
geonameid accuracy.
"""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geomap.geodesy import haversine_km

HALF_EARTH_KM = 20039.0
TOLERANCE_CHARS = 10


@dataclass(frozen=True, slots=True)
class Toponym:
    """A gold or predicted span with its coordinates (None when absent)."""

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str | None = None

    @property
    def midpoint(self) -> float:
        return (self.start + self.end) / 2


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    toponyms: tuple[Toponym, ...]
    source: str | None = None


@dataclass
class BadLine:
    line: int
    reason: str


def read_corpus(path: str | Path) -> tuple[list[Document], list[BadLine]]:
    """Documents of a JSONL corpus; unreadable lines are returned, never raised."""
    documents, bad = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                documents.append(_document(json.loads(line)))
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                bad.append(BadLine(number, f"{type(error).__name__}: {error}"))
    return documents, bad


def _document(record: dict[str, Any]) -> Document:
    text = record["text"]
    if not isinstance(text, str):
        raise TypeError("'text' is not a string")
    toponyms = []
    for item in record.get("toponyms") or ():
        start, end = int(item["start"]), int(item["end"])
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"toponym offsets {start}-{end} outside the text")
        toponyms.append(Toponym(start, end, text[start:end], _float(item.get("lat")),
                                _float(item.get("lon")), _int(item.get("geonameid")),
                                item.get("type")))
    return Document(str(record.get("id", "")), text, tuple(toponyms), record.get("source"))


def _float(value) -> float | None:
    return None if value is None else float(value)


def _int(value) -> int | None:
    return None if value is None else int(value)


def match_spans(gold: list[Toponym], predicted: list[Toponym], *,
                tolerant: bool) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one-to-one, greedily in gold order; among several
    fitting predictions the nearest midpoint wins."""
    used: set[int] = set()
    pairs = []
    for g, gold_span in enumerate(gold):
        best, best_distance = None, math.inf
        for p, span in enumerate(predicted):
            if p in used:
                continue
            if tolerant:
                distance = abs(span.midpoint - gold_span.midpoint)
                fits = (distance < TOLERANCE_CHARS and span.name.lower() == gold_span.name.lower())
            else:
                distance = 0.0
                fits = span.start == gold_span.start and span.end == gold_span.end
            if fits and distance < best_distance:
                best, best_distance = p, distance
        if best is not None:
            used.add(best)
            pairs.append((g, best))
    return pairs


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def auc(errors_km: list[float]) -> float | None:
    """Area under the sorted ln(1 + error) curve, normalised so 0 is perfect and 1 is worst."""
    if not errors_km:
        return None
    values = sorted(math.log(1 + e) for e in errors_km)
    if len(values) == 1:
        return values[0] / math.log(HALF_EARTH_KM)
    area = sum((a + b) / 2 for a, b in zip(values, values[1:], strict=False))
    return area / ((len(values) - 1) * math.log(HALF_EARTH_KM))


@dataclass
class Miss:
    """One gold toponym the system got wrong, for the error listing."""

    document: str
    name: str
    start: int
    category: str  # wrong sense | coordinates | unresolved | missed span | false span
    error_km: float | None = None
    predicted: str | None = None
    context: str = ""


@dataclass
class CorpusScores:
    name: str
    documents: int = 0
    exact: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    tolerant: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    errors_km: list[float] = field(default_factory=list)
    ids_right: int = 0
    ids_total: int = 0
    unresolved: int = 0
    misses: list[Miss] = field(default_factory=list)
    bad_lines: list[BadLine] = field(default_factory=list)
    recall_only: bool = False

    def add(self, document: Document, predicted: list[Toponym]) -> None:
        gold = list(document.toponyms)
        self.documents += 1
        for scores, tolerant in ((self.exact, False), (self.tolerant, True)):
            pairs = match_spans(gold, predicted, tolerant=tolerant)
            scores["tp"] += len(pairs)
            scores["fp"] += len(predicted) - len(pairs)
            scores["fn"] += len(gold) - len(pairs)
        pairs = match_spans(gold, predicted, tolerant=True)
        matched_gold = {g for g, _ in pairs}
        matched_predicted = {p for _, p in pairs}
        for g, p in pairs:
            self._resolution(document, gold[g], predicted[p])
        for g, span in enumerate(gold):
            if g not in matched_gold:
                self.misses.append(Miss(document.id, span.name, span.start, "missed span",
                                        context=_context(document.text, span)))
        if not self.recall_only:
            for p, span in enumerate(predicted):
                if p not in matched_predicted:
                    self.misses.append(Miss(document.id, span.name, span.start, "false span",
                                            context=_context(document.text, span)))

    def _resolution(self, document: Document, gold: Toponym, predicted: Toponym) -> None:
        if gold.geonameid is not None:
            self.ids_total += 1
            self.ids_right += int(predicted.geonameid == gold.geonameid)
        if gold.lat is None or gold.lon is None:
            return
        if predicted.lat is None or predicted.lon is None:
            self.unresolved += 1
            self.misses.append(Miss(document.id, gold.name, gold.start, "unresolved",
                                    context=_context(document.text, gold)))
            return
        error = haversine_km(gold.lat, gold.lon, predicted.lat, predicted.lon)
        self.errors_km.append(error)
        if error >= 161:
            # The right feature at a different point (a country's centroid convention, say) is the
            # gazetteer's coordinates, not a wrong choice.
            same = gold.geonameid is not None and predicted.geonameid == gold.geonameid
            self.misses.append(Miss(document.id, gold.name, gold.start,
                                    "coordinates" if same else "wrong sense", error,
                                    f"{predicted.lat:.3f},{predicted.lon:.3f}",
                                    _context(document.text, gold)))

    def summary(self) -> dict[str, Any]:
        errors = self.errors_km
        out: dict[str, Any] = {"corpus": self.name, "documents": self.documents}
        exact, tolerant = prf(**self.exact), prf(**self.tolerant)
        if self.recall_only:
            out["recall_exact"] = exact["recall"]
            out["recall_tolerant"] = tolerant["recall"]
        else:
            out["exact"] = exact
            out["tolerant"] = tolerant
        out.update({
            "resolved": len(errors),
            "unresolved": self.unresolved,
            "acc161": sum(e < 161 for e in errors) / len(errors) if errors else None,
            "auc": auc(errors),
            "mean_km": statistics.fmean(errors) if errors else None,
            "median_km": statistics.median(errors) if errors else None,
            "geonameid_accuracy": self.ids_right / self.ids_total if self.ids_total else None,
            "bad_lines": [vars(b) for b in self.bad_lines],
        })
        return out

    def worst(self, limit: int) -> list[Miss]:
        """Misses ordered: the largest resolution errors first, then unresolved, missed, false."""
        order = {"wrong sense": 0, "coordinates": 1, "unresolved": 2, "missed span": 3,
                 "false span": 4}
        return sorted(self.misses, key=lambda m: (order[m.category], -(m.error_km or 0)))[:limit]


def _context(text: str, span: Toponym, width: int = 40) -> str:
    left = text[max(0, span.start - width):span.start]
    right = text[span.end:span.end + width]
    return " ".join(f"{left}[[{span.name}]]{right}".split())


Predictor = Callable[[Document], list[Toponym]]


def evaluate_corpus(path: str | Path, predict: Predictor, *,
                    name: str | None = None) -> CorpusScores:
    """Scores of ``predict`` over one corpus file; WikToR (one toponym per page) is recall-only."""
    documents, bad = read_corpus(path)
    corpus = name or Path(path).stem
    recall_only = corpus.lower().startswith("wiktor") or any(
        (d.source or "").lower() == "wiktor" for d in documents[:1])
    scores = CorpusScores(corpus, bad_lines=bad, recall_only=recall_only)
    for document in documents:
        scores.add(document, predict(document))
    return scores


def toponyms_from_mentions(mentions: Iterable) -> list[Toponym]:
    out = []
    for m in mentions:
        place = m.place
        out.append(Toponym(m.start, m.end, m.name, place.lat if place else None,
                           place.lon if place else None, place.geonameid if place else None,
                           m.kind))
    return out




def format_summary(summary: dict[str, Any]) -> str:
    """One human-readable block per corpus."""

    def number(value, digits=3):
        return "–" if value is None else f"{value:.{digits}f}"

    lines = [f"{summary['corpus']} ({summary.get('mode', 'pipeline')}, "
             f"{summary['documents']} documents)"]
    if summary.get("mode") == "gold-spans":
        pass  # the spans are the gold ones: recognition scores would be 1.0 by construction
    elif "tolerant" in summary:
        for label in ("exact", "tolerant"):
            s = summary[label]
            lines.append(f"  {label:9} P {number(s['precision'])}  R {number(s['recall'])}  "
                         f"F1 {number(s['f1'])}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})")
    else:
        lines.append(f"  recall    exact {number(summary['recall_exact'])}  "
                     f"tolerant {number(summary['recall_tolerant'])}")
    lines.append(f"  Acc@161 {number(summary['acc161'])}  AUC {number(summary['auc'])}  "
                 f"mean {number(summary['mean_km'], 0)} km  "
                 f"median {number(summary['median_km'], 0)} km  "
                 f"geonameid {number(summary['geonameid_accuracy'])}  (resolved "
                 f"{summary['resolved']}, unresolved {summary['unresolved']})")
    return "\n".join(lines)
