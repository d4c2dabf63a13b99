"""`geomap map` and `geomap export` (alias `extract`): articles in, a map or a GIS layer out.

Both run the same chain -- iter_articles -> run_pipeline -> deduplicate -- then hand the events
to geomap.render.render_map or geomap.export.write_events. Skipped inputs are listed on stderr
with their paths; the exit code is 3 when anything was skipped, 4 when nothing was usable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import click

from geomap.errors import EXIT_PARTIAL, NoUsableInput
from geomap.model import Article, Event

MAP_EXTENSIONS = (".html", ".htm")


@dataclass
class CollectedEvents:
    """What a run read: the deduplicated events, article titles and everything skipped."""

    events: list[Event] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    articles: int = 0


def collect_events(inputs: list[str], *, published: date | None, offline: bool,
                   gazetteer: str | None, engine: str = "local", workers: int | None = None,
                   scheduler: str | None = None) -> CollectedEvents:
    """Read, geoparse, extract and deduplicate; raise NoUsableInput if no article was read."""
    from geomap.ingest import iter_articles
    from geomap.pipeline import run_pipeline

    if gazetteer:
        os.environ["GEOMAP_GAZETTEER"] = gazetteer  # read by the gazetteer when first opened
    collected = CollectedEvents()
    input_problems: list[Any] = []

    def remember(articles: Iterator[Article]) -> Iterator[Article]:
        for article in articles:
            collected.articles += 1
            if article.title:
                collected.titles[article.id] = article.title
            yield article

    articles = remember(iter_articles(inputs, published=published, problems=input_problems,
                                      offline=offline))
    events: list[Event] = []
    for result in run_pipeline(articles, offline=offline, engine=engine, workers=workers,
                               scheduler=scheduler):
        events.extend(result.events)
        collected.problems.extend(f"article {result.article_id}: {error}"
                                  for error in result.errors)
    collected.problems[:0] = [str(problem) for problem in input_problems]
    if not collected.articles:
        raise NoUsableInput("no usable input: " + ("; ".join(collected.problems) or
                                                   "no article found in " + " ".join(inputs)))
    from geomap.events.dedup import deduplicate

    collected.events = deduplicate(events)
    return collected


def report(collected: CollectedEvents, output: Path, written: int, what: str) -> int:
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
        click.option("--engine", type=click.Choice(["local", "processes", "dask"]),
                     default="local", show_default=True,
                     help="Where the pipeline runs: this process, a process pool, or Dask."),
        click.option("--workers", type=click.IntRange(min=1),
                     help="Processes or Dask workers (default: one per core)."),
        click.option("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler address (tcp://host:8786); default: a LocalCluster."),
    )):
        command = option(command)
    return command


@click.command("map", epilog="""\b
Examples:
  geomap map examples/*.txt -o outputs/map.html
  geomap map ../shared/examples/*.txt --published 2016-10-07 -o outputs/aleppo.html
  geomap map articles.jsonl --offline -o outputs/offline.html   # one file, no network""")
@input_options
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (replaced atomically).")
@click.option("--tiles", callback=_check_tiles,
              help="Background: osm (default online), none (default offline: plain background "
                   "with country outlines) or a tile URL template.")
@click.option("--title", help="Title shown in the legend and the browser tab.")
def map_command(inputs: tuple[str, ...], published: Any, offline: bool, gazetteer: str | None,
                engine: str, workers: int | None, scheduler: str | None,
                output: str, tiles: str | None, title: str | None) -> None:
    """Read articles and write an interactive map of their events (one HTML file)."""
    from geomap.render import render_map

    target = Path(output)
    if target.suffix.lower() not in MAP_EXTENSIONS:
        raise click.BadParameter("the map is an .html file", param_hint="-o/--output")
    if offline and tiles == "osm":
        click.echo("geomap: warning: --tiles osm loads tiles from the network when the map is "
                   "viewed; the rest of the page is self-contained", err=True)
    collected = collect_events(list(inputs), published=published and published.date(),
                               offline=offline, gazetteer=gazetteer, engine=engine,
                               workers=workers, scheduler=scheduler)
    from gazetteer import Gazetteer

    # The same gazetteer the events were read with names the offline background's places.
    render_map(collected.events, target, offline=offline, tiles=tiles, title=title,
               titles=collected.titles, gazetteer=Gazetteer.open(gazetteer))
    mapped = sum(event.lat is not None and event.lon is not None for event in collected.events)
    raise click.exceptions.Exit(report(collected, target, mapped, "on the map"))


@click.command("export", epilog="""\b
Examples:
  geomap export examples/*.txt -o outputs/events.geojson
  geomap export articles.jsonl --offline -o outputs/events.gpkg
  geomap export feeds/ -o outputs/events.csv   # also .parquet, .jsonl
  geomap export corpus/*.jsonl --engine dask --scheduler tcp://sched:8786 -o events.parquet""")
@input_options
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Output file; the format comes from the extension: .geojson, .csv, .gpkg, "
                   ".parquet, .jsonl.")
def export_command(inputs: tuple[str, ...], published: Any, offline: bool,
                   gazetteer: str | None, engine: str, workers: int | None,
                   scheduler: str | None, output: str) -> None:
    """Read articles and write their events as a GIS layer or a table."""
    from geomap.export import WRITERS, write_events

    target = Path(output)
    if target.suffix.lower() not in WRITERS:
        raise click.BadParameter(f"unknown format {target.suffix or '(none)'}; use one of "
                                 + ", ".join(sorted(WRITERS)), param_hint="-o/--output")
    collected = collect_events(list(inputs), published=published and published.date(),
                               offline=offline, gazetteer=gazetteer, engine=engine,
                               workers=workers, scheduler=scheduler)
    written = write_events(collected.events, target)
    raise click.exceptions.Exit(report(collected, target, written, "written"))
