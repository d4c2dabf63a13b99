"""`geomap eval geoparse|events|locate`: the metrics of ../shared/eval/METRICS.md."""

from __future__ import annotations

from geomap.cli import LazyGroup

import click


@click.group(
    "eval",
    cls=LazyGroup,
    lazy={
        "geoparse": ("geomap.cli.geoparse", "eval_geoparse_command"),
        "events": ("geomap.cli.events", "eval_events_command"),
        "locate": ("geomap.cli.events", "eval_locate_command"),
    },
)
def eval_group() -> None:
    """Measure geomap against annotated JSONL corpora.

    \b
    Examples:
      geomap eval geoparse ../shared/eval/geoparse/lgl.jsonl --offline
      geomap eval events ../shared/eval/events/acled.jsonl --json
    """
