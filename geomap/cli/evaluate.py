"""`geomap eval geoparse|events|locate|dedup`: the metrics of ../shared/eval/METRICS.md."""

from __future__ import annotations

import click

from geomap.cli import LazyGroup


@click.group(
    "eval",
    cls=LazyGroup,
    lazy={
        "geoparse": ("geomap.cli.geoparse", "eval_geoparse_command",
                     "Toponym recognition and resolution (P/R/F1, Acc@161, AUC)."),
        "events": ("geomap.cli.events", "eval_events_command",
                   "Event type, fatalities, injured and location (ACLED, GTD)."),
        "locate": ("geomap.cli.events", "eval_locate_command",
                   "Event geolocation spans (exact and overlap P/R/F1)."),
        "dedup": ("geomap.cli.dedup", "eval_dedup_command",
                  "Reports of one happening merged (pairwise and B-cubed P/R/F1)."),
    },
)
def eval_group() -> None:
    """Measure geomap against annotated JSONL corpora.

    \b
    Examples:
      geomap eval geoparse ../shared/eval/geoparse/lgl.jsonl --offline
      geomap eval events ../shared/eval/events/acled.jsonl --json
    """
