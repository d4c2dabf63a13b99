"""`geomap map` and `geomap export` (alias `extract`): articles in, a map or a GIS layer out.

Both run the same chain -- iter_articles -> Pipeline.run -> deduplicate (unless --no-dedup) --
then hand the events to geomap.render.render_map or geomap.export.write_events. Skipped inputs
are listed on stderr with their paths; the exit code is 3 when anything was skipped, 4 when
nothing was usable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from geomap.cli.options import command_pipeline, open_gazetteer
from geomap.cli.progress import progress
from geomap.errors import EXIT_PARTIAL, InputError, NoUsableInput
from geomap.model import Event

if TYPE_CHECKING:
    from geomap.pipeline import Collected

MAP_EXTENSIONS = (".html", ".htm")


def collect_events(inputs: list[str], *, published: date | None, offline: bool,
                   gazetteer: str | None, language: str = "en", engine: str = "local",
                   workers: int | None = None,
                   scheduler: str | None = None, keep: Callable[[Event], bool] | None = None,
                   dedup: bool = True, what: str = "map") -> Collected:
    """Events of the inputs: geomap's own event files as they are, articles through the
    pipeline (geomap.pipeline.collect); ``keep`` selects events. NoUsableInput if nothing was
    read.
    """
    from geomap.ingest import expand_inputs, iter_articles
    from geomap.pipeline import collect

    pipeline = command_pipeline(gazetteer, offline, lexicon=language, engine=engine,
                                workers=workers, scheduler=scheduler)
    input_problems: list[Any] = []
    given, article_inputs = read_event_files(expand_inputs(inputs, input_problems),
                                             input_problems)
    articles = iter_articles(article_inputs, published=published, problems=input_problems,
                             offline=offline)
    with progress(what) as advance:
        collected = collect(articles, pipeline.run, dedup=dedup, keep=keep, on_article=advance)
    collected.problems[:0] = [str(problem) for problem in input_problems]
    if not collected.articles and given is None:
        raise NoUsableInput("no usable input: " + ("; ".join(collected.problems) or
                                                   "no article found in " + " ".join(inputs)))
    if given:
        collected.events[:0] = [event for event in given if keep is None or keep(event)]
    return collected


def read_event_files(locations: Iterable[Path | str], problems: list[Any]
                     ) -> tuple[list[Event] | None, list[Path | str]]:
    """Split the inputs: the events of geomap's own event files (None if there was no such
    file), and every other input, to be read as articles."""
    from geomap.ingest.events import read_event_file

    events: list[Event] | None = None
    others: list[Path | str] = []
    for location in locations:
        found = None
        if isinstance(location, Path):
            try:
                found = read_event_file(location)
            except InputError as error:
                problems.append(error)
                continue
            except OSError:
                found = None  # the article reader reports it with its reason
        if found is None:
            others.append(location)
        else:
            events = (events or []) + found
    return events, others


def report(collected: Collected, output: Path, written: int, what: str) -> int:
    """Print skipped inputs and a summary on stderr; the exit code (0, or 3 if anything skipped)."""
    for problem in collected.problems:
        click.echo(f"geomap: skipped {problem}", err=True)
    click.echo(f"geomap: {collected.articles} article(s), {len(collected.events)} event(s), "
               f"{written} {what} -> {output}", err=True)
    return EXIT_PARTIAL if collected.problems else 0


def _check_tiles(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None or value in {"none", "osm"}:
        return value
    if not value.startswith(("http://", "https://", "file://")) or not all(
            part in value for part in ("{z}", "{x}", "{y}")):
        raise click.BadParameter("use none, osm, or a tile URL with {z}, {x} and {y}")
    return value


def input_options(command: Callable) -> Callable:
    """The options `map` and `export` share (DESIGN.md §5)."""
    for option in reversed((
        click.argument("inputs", nargs=-1, required=True),
        click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
                     help="Publication date of inputs that carry none (plain text)."),
        click.option("--offline", is_flag=True,
                     help="Never touch the network (no geocoder fallback, no asset download)."),
        click.option("--gazetteer", type=click.Path(dir_okay=False),
                     help="Gazetteer file to use (else $GEOMAP_GAZETTEER or the default)."),
        click.option("--language", default="en", show_default=True, metavar="LANG",
                     help="The lexicon the event stage reads: a folder of geomap/lexicons."),
        click.option("--engine", type=click.Choice(["local", "processes", "dask"]),
                     default="local", show_default=True,
                     help="Where the pipeline runs: this process, a process pool, or Dask."),
        click.option("--workers", type=click.IntRange(min=1),
                     help="Processes or Dask workers (default: one per core)."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (tcp://host:8786); default: a LocalCluster."),
        click.option("--dedup/--no-dedup", default=True, show_default=True,
                     help="Merge the reports of one happening from several articles into one "
                          "event listing every report; --no-dedup keeps one event per report."),
    )):
        command = option(command)
    return command


def filter_options(command: Callable) -> Callable:
    """The run config's [filters] as flags, with the same meaning (geomap.filters)."""
    from geomap.events.taxonomy import SUB_EVENT_TYPES

    day = click.DateTime(formats=["%Y-%m-%d"])
    for option in reversed((
        click.option("--from", "date_from", type=day,
                     help="Only events on or after this day (YYYY-MM-DD)."),
        click.option("--to", "date_to", type=day,
                     help="Only events on or before this day (YYYY-MM-DD)."),
        click.option("--country", "countries", multiple=True, metavar="COUNTRY",
                     help="Only events in this country (name or ISO code); repeatable."),
        click.option("--type", "event_types", multiple=True,
                     type=click.Choice(list(dict.fromkeys(SUB_EVENT_TYPES.values())),
                                       case_sensitive=False),
                     help="Only events of this ACLED event type; repeatable."),
    )):
        command = option(command)
    return command


def selection(date_from: Any, date_to: Any, countries: tuple[str, ...],
              event_types: tuple[str, ...]) -> Callable[[Event], bool] | None:
    """The predicate of the filter flags, or None when none was given."""
    from geomap.filters import event_filter

    if not (date_from or date_to or countries or event_types):
        return None
    return event_filter(date_from=date_from and date_from.date(),
                        date_to=date_to and date_to.date(), countries=countries,
                        event_types=event_types)


@click.command("map", epilog="""\b
Examples:
  geomap map examples/*.txt -o outputs/map.html
  geomap map ../shared/examples/*.txt --published 2016-10-07 -o outputs/aleppo.html
  geomap map articles.jsonl --offline -o outputs/offline.html   # one file, no network
  geomap map outputs/events.geojson --from 2024-05-01 --type Battles -o outputs/battles.html
  cat article.txt | geomap map - --published 2024-05-14 -o outputs/one.html""")
@input_options
@filter_options
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (replaced atomically).")
@click.option("--tiles", callback=_check_tiles,
              help="Background: osm (default online), none (default offline: plain background "
                   "with country outlines) or a tile URL template.")
@click.option("--title", help="Title shown in the legend and the browser tab.")
def map_command(inputs: tuple[str, ...], published: Any, offline: bool, gazetteer: str | None,
                language: str, engine: str, workers: int | None, scheduler: str | None,
                dedup: bool, date_from: Any, date_to: Any, countries: tuple[str, ...],
                event_types: tuple[str, ...], output: str, tiles: str | None,
                title: str | None) -> None:
    """Read articles (or geomap's own event files) and write an interactive map of their events.

    INPUTS are .txt, .html, .jsonl or .csv articles, RSS/Atom feeds, directories, globs, - for
    standard input, or event files written by `geomap export` (GeoJSON, JSONL, CSV, Parquet),
    which are mapped as they are, without reading any text again.
    """
    from geomap.render import render_map

    target = Path(output)
    if target.suffix.lower() not in MAP_EXTENSIONS:
        raise click.BadParameter("the map is an .html file", param_hint="-o/--output")
    if offline and tiles == "osm":
        click.echo("geomap: warning: --tiles osm loads tiles from the network when the map is "
                   "viewed; the rest of the page is self-contained", err=True)
    collected = collect_events(list(inputs), published=published and published.date(),
                               offline=offline, gazetteer=gazetteer, language=language,
                               engine=engine, workers=workers, scheduler=scheduler,
                               keep=selection(date_from, date_to, countries, event_types),
                               dedup=dedup, what="map")
    # The same gazetteer the events were read with names the offline background's places.
    render_map(collected.events, target, offline=offline, tiles=tiles, title=title,
               titles=collected.titles, gazetteer=open_gazetteer(gazetteer))
    mapped = sum(event.lat is not None and event.lon is not None for event in collected.events)
    raise click.exceptions.Exit(report(collected, target, mapped, "on the map"))


def export(inputs: tuple[str, ...], published: Any, offline: bool, gazetteer: str | None,
           language: str, engine: str, workers: int | None, scheduler: str | None, dedup: bool,
           date_from: Any, date_to: Any, countries: tuple[str, ...], event_types: tuple[str, ...],
           output: str, what: str) -> None:
    """`geomap export` and `geomap extract`: the events of the inputs, in the output's format."""
    from geomap.export import WRITERS, write_events

    target = Path(output)
    if target.suffix.lower() not in WRITERS:
        raise click.BadParameter(f"unknown format {target.suffix or '(none)'}; use one of "
                                 + ", ".join(sorted(WRITERS)), param_hint="-o/--output")
    collected = collect_events(list(inputs), published=published and published.date(),
                               offline=offline, gazetteer=gazetteer, language=language,
                               engine=engine, workers=workers, scheduler=scheduler,
                               keep=selection(date_from, date_to, countries, event_types),
                               dedup=dedup,
                               what=what)
    written = write_events(collected.events, target)
    raise click.exceptions.Exit(report(collected, target, written, "written"))


def output_option(command: Callable) -> Callable:
    return click.option(
        "-o", "--output", required=True, type=click.Path(dir_okay=False),
        help="Output file; the format comes from the extension: .geojson, .csv, .gpkg, "
             ".parquet, .jsonl.")(command)


@click.command("export", epilog="""\b
Examples:
  geomap export examples/*.txt -o outputs/events.geojson
  geomap export articles.jsonl --offline -o outputs/events.gpkg
  geomap export feeds/ -o outputs/events.csv   # also .parquet, .jsonl
  geomap export outputs/events.geojson --country Sudan -o outputs/sudan.csv
  geomap export corpus/*.jsonl --engine dask --scheduler tcp://sched:8786 -o events.parquet""")
@input_options
@filter_options
@output_option
def export_command(**options: Any) -> None:
    """Read articles and write their events as a GIS layer or a table."""
    export(**options, what="export")


@click.command("extract", epilog="""\b
Examples:
  geomap extract article.txt --published 2024-05-14 -o events.jsonl
  geomap extract - -o events.csv < articles.jsonl    # articles on standard input
  geomap extract news/ --from 2024-01-01 --type Protests -o protests.geojson""")
@input_options
@filter_options
@output_option
def extract_command(**options: Any) -> None:
    """Extract the events of articles into a file: `geomap export` under its other name."""
    export(**options, what="extract")
