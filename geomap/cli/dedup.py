"""`geomap eval dedup`: score dedup against a JSONL file of labelled report groups."""

from __future__ import annotations

import json

import click

from geomap.errors import EXIT_PARTIAL


@click.command("dedup")
@click.argument("input_path", metavar="FILE.jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--group-field", default="group", show_default=True, metavar="FIELD",
              help="The field whose equal values mark reports of one happening (use 'id' to "
                   "score a file of distinct events, such as ACLED's, each its own group).")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N lines.")
def eval_dedup_command(input_path: str, group_field: str, as_json: bool,
                       limit: int | None) -> None:
    """Dedup: pairwise and B-cubed precision/recall/F1 and the records kept as their own event.

    Each line is an article ({"id", "text", "published", "source", "url", "group"}, run through
    the pipeline offline) or an event record as `geomap export` writes it, plus a group label.
    A file without any label is bad input (exit 4); skipped lines give exit 3.

    \b
    Examples:
      geomap eval dedup tests/data/dedup_groups.jsonl
      geomap eval dedup ../shared/eval/events/acled.jsonl --group-field id --json
    """
    from geomap.cli.events import _records
    from geomap.evaluate.dedup import evaluate_dedup, format_dedup_report, read_labelled

    records = _records(input_path)[:limit] if limit else _records(input_path)
    labelled = read_labelled(records, group_field=group_field, path=input_path)
    for problem in labelled.skipped:
        click.echo(f"geomap: {input_path}: skipped {problem}", err=True)
    report = evaluate_dedup(labelled)
    click.echo(json.dumps(report, indent=2) if as_json else format_dedup_report(report))
    raise click.exceptions.Exit(EXIT_PARTIAL if labelled.skipped else 0)
