"""`geomap eval dedup`: how well dedup groups reports of one happening, against labelled groups.

Input: JSONL, one report per line, each with a group label (``group`` unless told otherwise);
lines with one label are reports of one happening. A line is either

- an **article**: ``{"id", "text", "published" (or "date"), "source", "url", "group"}``, run
  through the normal pipeline (offline); each event it yields is a report of its group; or
- an **event record** as `geomap export` writes it (``event_type``, ``article_id`` ...) plus the
  group label.

Scores (over events, before and after dedup): pairwise precision/recall/F1 (pairs of reports put
in one event vs pairs with one label), B-cubed precision/recall/F1 (per report: the share of its
event that belongs to its group, and of its group in its event), **records kept as their own
event** (the share of input lines with an event that was not merged into another line's: the
line is its event's first report, whose ids the event keeps) and the stricter **alone** (the
share of lines with an event holding no other group's report). With ``--group-field id`` every
line is its own group, so these are the shares of distinct events dedup leaves distinct. Two
events of one article are never merged (dedup leaves that to extraction), so an article
yielding two events of its group costs pairwise recall.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from geomap.errors import InputError
from geomap.model import Article, Event


@dataclass(frozen=True)
class Labelled:
    """Reports read from a labelled file: each event's group and input line."""

    events: list[Event]
    group_of: dict[int, str]  # id(event) -> group label
    line_of: dict[int, int]  # id(event) -> input line number
    lines: dict[int, str]  # line number -> group label
    skipped: list[str]


def _published(record: dict) -> date | None:
    value = record.get("published") or record.get("date")
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_labelled(records: Iterable[tuple[int, dict]], *, group_field: str = "group",
                  path: str | None = None) -> Labelled:
    """Run article lines through the pipeline and read event lines; InputError without labels."""
    from geomap.pipeline import process_article
    from geomap.store import event_from_json

    events: list[Event] = []
    group_of: dict[int, str] = {}
    line_of: dict[int, int] = {}
    lines: dict[int, str] = {}
    skipped: list[str] = []
    for number, record in records:
        label = record.get(group_field)
        if label is None or label == "":
            skipped.append(f"line {number}: no {group_field!r} label")
            continue
        label = str(label)
        if isinstance(record.get("text"), str):
            article = Article(id=str(record.get("id") or f"line{number}"), text=record["text"],
                              published=_published(record), url=record.get("url"),
                              source=record.get("source"), title=record.get("title"))
            found = process_article(article, offline=True).events
        elif record.get("event_type") and record.get("article_id"):
            try:
                found = [event_from_json(json.dumps(record))]
            except (TypeError, ValueError) as error:
                skipped.append(f"line {number}: not an event record: {error}")
                continue
        else:
            skipped.append(f"line {number}: neither an article (text) nor an event record")
            continue
        lines[number] = label
        for event in found:
            events.append(event)
            group_of[id(event)] = label
            line_of[id(event)] = number
    if not lines:
        raise InputError(f"no line carries a {group_field!r} label (use --group-field to name "
                         "the field that groups the reports of one happening)", path)
    return Labelled(events, group_of, line_of, lines, skipped)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _pairs(counts: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts)


def score_groups(predicted: list[list[str]]) -> dict[str, float]:
    """Pairwise and B-cubed scores; ``predicted`` lists each event's reports by gold label."""
    gold_sizes = Counter(label for event in predicted for label in event)
    together = _pairs(len(event) for event in predicted)
    correct = sum(_pairs(Counter(event).values()) for event in predicted)
    gold_pairs = _pairs(gold_sizes.values())
    precision = correct / together if together else 1.0
    recall = correct / gold_pairs if gold_pairs else 1.0
    b_precision = b_recall = 0.0
    for event in predicted:
        for label, shared in Counter(event).items():
            b_precision += shared * shared / len(event)
            b_recall += shared * shared / gold_sizes[label]
    reports = sum(gold_sizes.values()) or 1
    b_precision, b_recall = b_precision / reports, b_recall / reports
    return {
        "pairwise_precision": precision, "pairwise_recall": recall,
        "pairwise_f1": _f1(precision, recall), "bcubed_precision": b_precision,
        "bcubed_recall": b_recall, "bcubed_f1": _f1(b_precision, b_recall),
    }


def evaluate_dedup(labelled: Labelled) -> dict[str, Any]:
    from geomap.events.dedup import happenings

    groups = happenings(labelled.events)
    predicted = [[labelled.group_of[id(event)] for event in group] for group in groups]
    kept = {labelled.line_of[id(group[0])] for group in groups}
    alone: set[int] = set()
    for group in groups:
        if len({labelled.group_of[id(event)] for event in group}) == 1:
            alone.update(labelled.line_of[id(event)] for event in group)
    with_events = set(labelled.line_of.values())
    report: dict[str, Any] = {
        "records": len(labelled.lines), "records_without_event":
        len(labelled.lines) - len(with_events), "groups": len(set(labelled.lines.values())),
        "reports": len(labelled.events), "events": len(groups),
        "records_kept_as_own_event": len(kept) / len(labelled.lines),
        "records_alone": len(alone) / len(labelled.lines),
        "skipped": len(labelled.skipped),
    }
    report.update(score_groups(predicted))
    return report


def format_dedup_report(report: dict[str, Any]) -> str:
    rows = [
        f"records {report['records']} (without any event: {report['records_without_event']}), "
        f"groups {report['groups']}, reports {report['reports']} -> events {report['events']}",
        f"records kept as their own event  {report['records_kept_as_own_event']:.3f}   "
        f"alone (no other group's report in their event) {report['records_alone']:.3f}",
        "             precision  recall  F1",
        f"pairwise     {report['pairwise_precision']:9.3f}  {report['pairwise_recall']:6.3f}  "
        f"{report['pairwise_f1']:.3f}",
        f"B-cubed      {report['bcubed_precision']:9.3f}  {report['bcubed_recall']:6.3f}  "
        f"{report['bcubed_f1']:.3f}",
    ]
    if report["skipped"]:
        rows.append(f"skipped lines {report['skipped']}")
    return "\n".join(rows)
