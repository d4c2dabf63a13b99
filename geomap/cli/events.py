"""`geomap locate`, `geomap eval events`, `geomap eval locate`: thin wrappers over the API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

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


@click.command("locate")
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write one JSON line per input line.")
@click.option("--offline/--online", default=True, show_default=True,
              help="Never use the network (the geocoding fallback stays off).")
def locate_command(input_path: str, output_path: str, offline: bool) -> None:
    """Event geolocation: for each event verb, the place where that event happened.

    Input lines carry "id", "text" and "verbs" (or "meta.verbs"): [{"start", "end"}].
    Output lines: {"id", "locations": [{"start","end","name","lat","lon"} or null, ...]}.

    \b
    Example:
      geomap locate sentences.jsonl -o located.jsonl
    """
    from geomap.atomic import atomic_write
    from geomap.evaluate.locate import locate_record
    from geomap.geoparse import geoparse

    def parse(text: str):
        return geoparse(text, offline=offline)

    lines, skipped = [], 0
    for number, record in _records(input_path):
        if not isinstance(record.get("text"), str):
            click.echo(f"{input_path}:{number}: no text; skipped", err=True)
            skipped += 1
            continue
        locations = []
        for mention in locate_record(record, parse):
            if mention is None:
                locations.append(None)
                continue
            place = mention.place
            locations.append({"start": mention.start, "end": mention.end, "name": mention.name,
                              "lat": place.lat if place else None,
                              "lon": place.lon if place else None})
        lines.append(json.dumps({"id": record.get("id"), "locations": locations},
                                ensure_ascii=False, allow_nan=False))
    if not lines and skipped:
        raise NoUsableInput("no line had a text", input_path)
    with atomic_write(Path(output_path)) as handle:
        handle.writelines(line + "\n" for line in lines)
    if skipped:
        sys.exit(EXIT_PARTIAL)


@click.command("events")
@click.argument("input_paths", metavar="FILE.jsonl...", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--limit", type=int, default=None, help="Only the first N records.")
@click.option("--offline/--online", default=True, show_default=True,
              help="Evaluations never use the network; --online is accepted and ignored.")
def eval_events_command(input_paths: tuple[str, ...], as_json: bool, limit: int | None,
                        offline: bool) -> None:
    """Event type, fatalities/injured and place against ACLED, GTD or PLOVER records.

    \b
    Example:
      geomap eval events ../shared/eval/events/acled.jsonl --json
      geomap eval events ../shared/eval/events/{acled,gtd}.jsonl
    """
    from geomap.evaluate.events import evaluate_events, format_report

    for input_path in input_paths:  # one report per file, as `eval geoparse`
        report = evaluate_events((r for _, r in _records(input_path)), limit=limit)
        click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


@click.command("locate")
@click.argument("input_path", metavar="FILE.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--limit", type=int, default=None, help="Only the first N records.")
@click.option("--offline/--online", default=True, show_default=True,
              help="Evaluations never use the network; --online is accepted and ignored.")
def eval_locate_command(input_path: str, as_json: bool, limit: int | None, offline: bool) -> None:
    """Event geolocation: predicted location span per verb vs the gold span (exact, overlap).

    \b
    Example:
      geomap eval locate ../shared/eval/events/event_location.jsonl
    """
    from geomap.evaluate.locate import evaluate_locate, format_locate_report

    report = evaluate_locate((r for _, r in _records(input_path)), limit=limit)
    click.echo(json.dumps(report, indent=2) if as_json else format_locate_report(report))
