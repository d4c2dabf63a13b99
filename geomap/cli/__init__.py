"""The `geomap` command: a thin layer of argument parsing over the public API.

Each subcommand lives in its own module and is imported only when used, so `geomap --help` stays
fast and one area's import cost is not paid by another's command.

Exit codes: see geomap.errors (0 ok, 1 bug, 2 usage, 3 partial, 4 no usable input, 5 gazetteer,
6 service down, 7 locked, 8 config, 9 store unusable).
"""

from __future__ import annotations

import importlib
import sys

import click

from geomap.errors import EXIT_INTERNAL, EXIT_USAGE, exit_code_for

#: command name -> (module, attribute, one-line help); `extract` is `export` under the name
#: DESIGN.md also allows.
COMMANDS = {
    "map": ("geomap.cli.maps", "map_command", "Articles in, interactive HTML map out."),
    "export": ("geomap.cli.maps", "export_command",
               "Articles in, events out as GeoJSON, CSV, GPKG, Parquet or JSONL."),
    "extract": ("geomap.cli.maps", "extract_command",
                "Articles in, events out: export under its other name."),
    "geoparse": ("geomap.cli.geoparse", "geoparse_command",
                 "Find and resolve the places in JSONL documents."),
    "locate": ("geomap.cli.events", "locate_command",
               "For each event verb, the place where it happened."),
    "eval": ("geomap.cli.evaluate", "eval_group", "Measure geomap against annotated corpora."),
    "run": ("geomap.cli.run", "run_command",
            "The scheduled job: new articles only, outputs rewritten atomically."),
    "gazetteer": ("geomap.cli.gazetteer", "gazetteer_group",
                  "Build, import, extend and query the offline gazetteer."),
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def __init__(self, *args, lazy: dict[str, tuple[str, ...]], **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, attribute = self.lazy[name][:2]
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Listing must not import every command (slow, and one broken module would hide all).
        rows = [(name, entry[2] if len(entry) > 2 else "")
                for name, entry in sorted(self.lazy.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="""\b
Examples:
  geomap map examples/*.txt -o outputs/map.html
  geomap export articles.jsonl -o outputs/events.geojson --offline
  geomap gazetteer lookup Aleppo

\b
Exit codes: 0 ok, 1 internal error, 2 usage, 3 partial (some inputs skipped),
4 no usable input, 5 gazetteer unusable, 6 service unavailable, 7 another run
holds the lock, 8 configuration error, 9 event store unusable.""",
)
@click.version_option(package_name="geomap")
def cli() -> None:
    """geomap: conflict news in, maps and GIS layers out."""


def main(argv: list[str] | None = None) -> int:
    """Console entry point: runs the CLI and turns exceptions into documented exit codes."""
    try:
        # Without standalone mode click *returns* the code of a command's ctx.exit(code).
        code = cli.main(args=argv, prog_name="geomap", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_INTERNAL
    except click.ClickException as error:
        error.show()
        return error.exit_code if error.exit_code else EXIT_USAGE
    except Exception as error:  # the one place where any failure becomes an exit code
        code = exit_code_for(error)
        if code == EXIT_INTERNAL:
            raise
        click.echo(f"geomap: error: {error}", err=True)
        return code
    return code if isinstance(code, int) else 0


def run() -> None:
    sys.exit(main())
