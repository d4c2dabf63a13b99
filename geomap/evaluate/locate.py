"""`geomap eval locate`: event geolocation (which place span is where the event happened).

For each gold verb: the predicted location span against the gold span(s). Exact = same
(start, end); overlap = the spans share a character. A verb whose sentence has no gold location
expects None: predicting a span there is a false positive, predicting None a true negative.

Halterman (2019), whose corpus this is, publishes precision and recall *by token*: every word of
a predicted span is right or wrong, every word of a gold span found or missed. The span scores
count a verb with several gold places as found when one of them is; the token scores count each
gold place's words, so they are the comparable ones (and the stricter on such verbs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from geomap.events.locate import locate_verbs
from geomap.model import Mention


def _verbs(record: dict[str, Any]) -> list[dict[str, Any]]:
    return record.get("verbs") or (record.get("meta") or {}).get("verbs") or []


def locate_record(record: dict[str, Any], geoparse: Callable[[str], list[Mention]]
                  ) -> list[Mention | None]:
    """One predicted location mention (or None) per verb of a record."""
    text = record.get("text") or ""
    mentions = geoparse(text)
    return locate_verbs(text, [(verb["start"], verb["end"]) for verb in _verbs(record)], mentions)


_WORD = re.compile(r"\w+")


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """The start offsets of the words of ``text`` that lie in any of ``spans``."""
    spans = list(spans)
    return {m.start() for m in _WORD.finditer(text)
            if any(start <= m.start() and m.end() <= end for start, end in spans)}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | None]:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = (2 * precision * recall / (precision + recall)) if precision and recall else 0.0
    return {"precision": None if precision is None else round(precision, 4),
            "recall": None if recall is None else round(recall, 4), "f1": round(f1, 4)}


def evaluate_locate(records: Iterable[dict[str, Any]], *,
                    geoparse: Callable[[str], list[Mention]] | None = None,
                    limit: int | None = None) -> dict[str, Any]:
    """Exact and overlap P/R/F1, and null accuracy, over the records' verbs."""
    if geoparse is None:
        from geomap.geoparse import geoparse as default

        def geoparse(text: str) -> list[Mention]:
            return default(text, offline=True)

    counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
    words = [0, 0, 0]  # token-level true positives, false positives, false negatives
    verbs = gold_null = null_right = 0
    for index, record in enumerate(records):
        if limit is not None and index >= limit:
            break
        gold = [(t["start"], t["end"]) for t in record.get("toponyms") or []]
        text = record.get("text") or ""
        gold_words = _tokens(text, gold)
        for predicted in locate_record(record, geoparse):
            verbs += 1
            found = _tokens(text, [] if predicted is None else [(predicted.start, predicted.end)])
            words[0] += len(found & gold_words)
            words[1] += len(found - gold_words)
            words[2] += len(gold_words - found)
            if not gold:
                gold_null += 1
                null_right += predicted is None
            for mode, (tp_fp_fn) in counts.items():
                hit = predicted is not None and any(
                    (predicted.start, predicted.end) == span if mode == "exact" else
                    (predicted.start < span[1] and span[0] < predicted.end) for span in gold)
                if hit:
                    tp_fp_fn[0] += 1
                else:
                    if predicted is not None:
                        tp_fp_fn[1] += 1
                    if gold:
                        tp_fp_fn[2] += 1
    return {
        "verbs": verbs,
        "gold_null": gold_null,
        "null_accuracy": round(null_right / gold_null, 4) if gold_null else None,
        "exact": _prf(*counts["exact"]),
        "overlap": _prf(*counts["overlap"]),
        "token": _prf(*words),
    }


def format_locate_report(report: dict[str, Any]) -> str:
    lines = [f"== event_location (verbs={report['verbs']}, gold null={report['gold_null']})",
             f"  null accuracy  {report['null_accuracy']}"]
    for mode in ("exact", "overlap", "token"):
        m = report[mode]
        lines.append(f"  {mode:8s} P={m['precision']} R={m['recall']} F1={m['f1']}")
    return "\n".join(lines)
