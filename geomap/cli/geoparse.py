"""`geomap geoparse` and `geomap eval geoparse`: thin wrappers over geomap.geoparse and
geomap.evaluate.geoparse."""

from __future__ import annotations

import json
from pathlib import Path

import click

from geomap import __version__
from geomap.cli.options import gazetteer_option, offline_option
from geomap.cli.progress import progress
from geomap.errors import EXIT_NO_INPUT, EXIT_OK, EXIT_PARTIAL, NoUsableInput


def _parser(gazetteer_path: str | None, offline: bool):
    from geomap.cli.options import FALLBACK_URL, USER_AGENT, from_environment, open_gazetteer
    from geomap.geoparse import Geoparser

    gazetteer = open_gazetteer(gazetteer_path)
    fallback = None
    if not offline:
        try:
            from gazetteer.fallback import fallback_for

            # Nominatim's policy asks for an identifying user agent; users set their own.
            agent = from_environment(USER_AGENT) or f"geomap/{__version__}"
            fallback = fallback_for(gazetteer, user_agent=agent,
                                    url=from_environment(FALLBACK_URL))
        except Exception as error:  # no fallback: the offline answer is still an answer
            click.echo(f"geomap: fallback geocoder unavailable ({error}); offline only", err=True)
    return Geoparser(gazetteer, fallback=fallback)


def _predict(parser, text: str, gold_offsets, offline: bool):
    if gold_offsets is not None:
        return parser.resolve_spans(text, gold_offsets, offline=offline)
    return parser.parse(text, offline=offline)


def _toponym_record(mention) -> dict:
    place = mention.place
    return {
        "start": mention.start, "end": mention.end, "name": mention.name,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "country": place.country if place else None,
        "feature": f"{place.feature_class}.{place.feature_code}" if place and
        place.feature_class else None,
        "kind": mention.kind,
    }


@click.command("geoparse")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=True, allow_dash=True))
@click.option("-o", "--output", "output_path", required=True, type=click.Path(dir_okay=False),
              help="Where to write one JSON line per input document.")
@click.option("--gold-spans", is_flag=True,
              help="Resolve the input's own `toponyms` spans instead of finding spans.")
@offline_option
@gazetteer_option
def geoparse_command(input_path: str, output_path: str, gold_spans: bool, offline: bool,
                     gazetteer_path: str | None) -> None:
    """Find and resolve the toponyms of each document: JSONL lines ({"id", "text"}), or the
    articles of a .txt, .html or .csv file, a directory, or - for standard input.

    \b
    Example:
      geomap geoparse articles.jsonl -o toponyms.jsonl --offline
      geomap geoparse report.txt -o toponyms.jsonl
    Each output line: {"id", "toponyms": [{"start","end","name","lat","lon",
    "geonameid","country","feature","kind"}]}; kind is literal|demonym|metonym|embedded
    (a country's name modifying a noun, "U.S. officials", is a demonym: only literal
    mentions are event places).
    Bad input lines are reported with their number and skipped (exit code 3).
    """
    from geomap.atomic import atomic_write
    from geomap.ingest import iter_records

    parser = _parser(gazetteer_path, offline)
    problems: list = []
    lines, bad = [], 0
    with progress("geoparse", unit="document") as advance:
        for where, record in iter_records([input_path], problems=problems):
            text = record["text"]
            offsets = None
            if gold_spans:
                try:
                    offsets = [(int(t["start"]), int(t["end"]))
                               for t in record.get("toponyms") or ()]
                    if any(not 0 <= s <= e <= len(text) for s, e in offsets):
                        raise ValueError("toponym offsets outside the text")
                except (ValueError, TypeError, KeyError) as error:
                    bad += 1
                    click.echo(f"{where}: skipped: {type(error).__name__}: {error}", err=True)
                    continue
            mentions = _predict(parser, text, offsets, offline)
            lines.append(json.dumps({"id": record.get("id"),
                                     "toponyms": [_toponym_record(m) for m in mentions]},
                                    ensure_ascii=False, allow_nan=False))
            advance()
    for problem in problems:
        bad += 1
        click.echo(f"{problem}: skipped", err=True)
    if not lines and bad:
        click.echo("geomap: no usable input line; nothing written", err=True)
        raise click.exceptions.Exit(EXIT_NO_INPUT)
    with atomic_write(Path(output_path)) as handle:
        handle.writelines(line + "\n" for line in lines)
    raise click.exceptions.Exit(EXIT_PARTIAL if bad else EXIT_OK)


@click.command("geoparse")
@click.argument("paths", metavar="FILE.jsonl...", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
@click.option("--gold-spans", is_flag=True, help="Resolve gold spans (resolution only).")
@offline_option
@gazetteer_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, for machines.")
@click.option("--errors", "n_errors", type=int, default=0, metavar="N",
              help="List the N worst misses per file (wrong sense, unresolved, missed, false).")
def eval_geoparse_command(paths: tuple[str, ...], gold_spans: bool, offline: bool,
                          gazetteer_path: str | None, as_json: bool, n_errors: int) -> None:
    """Recognition P/R/F1 (exact, tolerant) and resolution Acc@161, AUC, km errors per file.

    \b
    Example:
      geomap eval geoparse ../shared/eval/geoparse/lgl.jsonl --offline --errors 20
    """
    from geomap.evaluate.geoparse import evaluate_corpus, format_summary, toponyms_from_mentions

    parser = _parser(gazetteer_path, offline)

    def predict(document):
        offsets = [(t.start, t.end) for t in document.toponyms] if gold_spans else None
        return toponyms_from_mentions(_predict(parser, document.text, offsets, offline))

    any_bad = False
    for path in paths:
        scores = evaluate_corpus(path, predict)
        if not scores.exact["tp"] + scores.exact["fn"]:
            raise NoUsableInput("no gold 'toponyms' (with start and end) to score against",
                                path)
        summary = scores.summary()
        summary["mode"] = "gold-spans" if gold_spans else "pipeline"
        for bad in scores.bad_lines:
            any_bad = True
            click.echo(f"{path}:{bad.line}: skipped: {bad.reason}", err=True)
        worst = scores.worst(n_errors) if n_errors else []
        if as_json:
            summary["errors"] = [vars(m) for m in worst]
            click.echo(json.dumps(summary, allow_nan=False))
        else:
            click.echo(format_summary(summary))
            for miss in worst:
                km = f"{miss.error_km:8.0f} km" if miss.error_km is not None else " " * 11
                click.echo(f"  {miss.category:12} {km}  {miss.document}: {miss.context}")
    raise click.exceptions.Exit(EXIT_PARTIAL if any_bad else EXIT_OK)
