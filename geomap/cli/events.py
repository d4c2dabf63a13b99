"""`geomap locate`, `geomap eval events`, `geomap eval locate`: thin wrappers over the API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geomap.cli.options import gazetteer_option, offline_option, open_gazetteer
from geomap.cli.progress import progress
from geomap.errors import EXIT_PARTIAL, InputError, NoUsableInput


def _records(path: str) -> list[tuple[int, dict]]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"not JSON: {error}", path, number) from error
            if not isinstance(record, dict):
                raise InputError("a line must be a JSON object", path, number)
            out.append((number, record))
    return out


def _verb_spans(record: dict) -> list[tuple[int, int]] | None:
    """The record's verb spans; None when it names no verbs at all (an empty list is kept)."""
    verbs = record.get("verbs")
    if verbs is None:
        verbs = (record.get("meta") or {}).get("verbs")
    if verbs is None:
        return None
    return [(int(verb["start"]), int(verb["end"])) for verb in verbs]


def _event_spans(record: dict, mentions: list) -> list[tuple[int, int]]:
    """Without verbs in the input, the triggers of the events the text reports."""
    from geomap.events import extract_events
    from geomap.model import Article

    article = Article(id=str(record.get("id")), text=record["text"],
                      published=record.get("published"))
    return [event.trigger_span for event in extract_events(article, mentions)
            if event.trigger_span is not None]


@click.command("locate")
@click.argument("input_path", metavar="INPUT", type=click.Path(allow_dash=True))
@click.option("-o", "--output", "output_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write one JSON line per input document.")
@offline_option
@gazetteer_option
def locate_command(input_path: str, output_path: str, offline: bool,
                   gazetteer_path: str | None) -> None:
    """Event geolocation: for each event verb, the place where that event happened.

    JSONL input lines carry "id", "text" and "verbs" (or "meta.verbs"): [{"start", "end"}].
    Documents without verbs (and .txt, .html or .csv articles, or - for standard input) get
    one location per event the text reports.
    Output lines: {"id", "locations": [{"start","end","name","lat","lon"} or null, ...]}.

    \b
    Example:
      geomap locate sentences.jsonl -o located.jsonl
      geomap locate report.txt -o located.jsonl
    """
    from geomap.atomic import atomic_write
    from geomap.events.locate import locate_verb
    from geomap.geoparse import geoparse
    from geomap.ingest import iter_records

    gazetteer = open_gazetteer(gazetteer_path)
    problems: list = []
    lines = []
    with progress("locate", unit="document") as advance:
        for where, record in iter_records([input_path], problems=problems):
            text = record["text"]
            mentions = geoparse(text, offline=offline, gazetteer=gazetteer)
            try:
                spans = _verb_spans(record)
                if spans is None:
                    spans = _event_spans(record, mentions)
            except (KeyError, TypeError, ValueError) as error:
                problems.append(InputError(f"bad verbs: {error}", where))
                continue
            locations = []
            for start, end in spans:
                mention = locate_verb(text, start, end, mentions)
                place = mention.place if mention is not None else None
                locations.append(None if mention is None else {
                    "start": mention.start, "end": mention.end, "name": mention.name,
                    "lat": place.lat if place else None, "lon": place.lon if place else None})
            lines.append(json.dumps({"id": record.get("id"), "locations": locations},
                                    ensure_ascii=False, allow_nan=False, default=str))
            advance()
    for problem in problems:
        click.echo(f"{problem}: skipped", err=True)
    if not lines and problems:
        raise NoUsableInput("no document had a text", input_path)
    with atomic_write(Path(output_path)) as handle:
        handle.writelines(line + "\n" for line in lines)
    if problems:
        sys.exit(EXIT_PARTIAL)


@click.command("events")
@click.argument("input_paths", metavar="FILE.jsonl...", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--limit", type=int, default=None, help="Only the first N records.")
@click.option("--offline/--online", default=True, show_default=True,
              help="Evaluations never use the network; --online is accepted and ignored.")
@gazetteer_option
def eval_events_command(input_paths: tuple[str, ...], as_json: bool, limit: int | None,
                        offline: bool, gazetteer_path: str | None) -> None:
    """Event type, fatalities/injured and place against ACLED, GTD or PLOVER records.

    \b
    Example:
      geomap eval events ../shared/eval/events/acled.jsonl --json
      geomap eval events ../shared/eval/events/{acled,gtd}.jsonl
    """
    from geomap.evaluate.events import evaluate_events, format_report
    from geomap.events import extract_events
    from geomap.geoparse import geoparse

    gazetteer = open_gazetteer(gazetteer_path)

    def extract(article):  # the stages with the chosen gazetteer, offline
        return extract_events(article, geoparse(article.text, published=article.published,
                                                gazetteer=gazetteer), gazetteer=gazetteer)

    for input_path in input_paths:  # one report per file, as `eval geoparse`
        report = evaluate_events((r for _, r in _records(input_path)), limit=limit,
                                 extract=extract)
        if not report:
            raise NoUsableInput("no record carries labels to score: each needs an 'event_type' "
                                "(and a 'source' naming its corpus: ACLED, GTD, PLOVER or yours)",
                                input_path)
        click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


@click.command("locate")
@click.argument("input_path", metavar="FILE.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--limit", type=int, default=None, help="Only the first N records.")
@click.option("--offline/--online", default=True, show_default=True,
              help="Evaluations never use the network; --online is accepted and ignored.")
@gazetteer_option
def eval_locate_command(input_path: str, as_json: bool, limit: int | None, offline: bool,
                        gazetteer_path: str | None) -> None:
    """Event geolocation: predicted location span per verb vs the gold span (exact, overlap).

    \b
    Example:
      geomap eval locate ../shared/eval/events/event_location.jsonl
    """
    from geomap.evaluate.locate import evaluate_locate, format_locate_report
    from geomap.geoparse import geoparse

    gazetteer = open_gazetteer(gazetteer_path)
    report = evaluate_locate((r for _, r in _records(input_path)), limit=limit,
                             geoparse=lambda text: geoparse(text, gazetteer=gazetteer))
    if not report.get("verbs"):
        raise NoUsableInput("no record has 'verbs' (or 'meta.verbs') to locate", input_path)
    click.echo(json.dumps(report, indent=2) if as_json else format_locate_report(report))
