"""`geomap gazetteer build|import|download|add|lookup|stats`: thin wrappers over the gazetteer
package."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from geomap.errors import EXIT_NO_INPUT, EXIT_PARTIAL

#: gazetteer.download.DEFAULT_BASE_URL, spelled here so `--help` needs no HTTP library.
GEONAMES_URL = "https://download.geonames.org"
_GAZETTEER_HELP = ("gazetteer file (default: $GEOMAP_GAZETTEER, else the user cache dir's "
                   "geomap/gazetteer.sqlite)")


def _gazetteer_option(command):
    return click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False),
                        default=None, help=_GAZETTEER_HELP)(command)


def _path(ctx: click.Context, gazetteer_path: str | None) -> Path:
    from gazetteer.paths import default_path

    chosen = gazetteer_path or (ctx.obj or {}).get("gazetteer_path")
    return Path(chosen).expanduser() if chosen else default_path()


def _open(ctx: click.Context, gazetteer_path: str | None):
    from gazetteer import Gazetteer
    from gazetteer.paths import default_path

    path = _path(ctx, gazetteer_path)
    return Gazetteer.open(path, build=path == default_path())


@click.group("gazetteer", epilog="""\b
Examples:
  geomap gazetteer build
  geomap gazetteer lookup "Deir ez-Zor"
  geomap gazetteer import allCountries.zip alternateNamesV2.zip admin1CodesASCII.txt
  geomap gazetteer stats --json""")
@_gazetteer_option
@click.pass_context
def gazetteer_group(ctx: click.Context, gazetteer_path: str | None) -> None:
    """The offline gazetteer: build it, import GeoNames data, add places, look names up."""
    ctx.ensure_object(dict)
    ctx.obj["gazetteer_path"] = gazetteer_path


@gazetteer_group.command("build", epilog="""\b
Example:
  geomap gazetteer build --gazetteer /tmp/gazetteer.sqlite --force""")
@_gazetteer_option
@click.option("--force", is_flag=True, help="rebuild even if the file exists")
@click.option("--progress/--no-progress", default=lambda: sys.stderr.isatty(),
              show_default="on a terminal", help="progress bar")
@click.pass_context
def build_command(ctx: click.Context, gazetteer_path: str | None, force: bool,
                  progress: bool | None) -> None:
    """Build the embedded default (GeoNames cities500, countries, admin1, supplement).

    Uses only data shipped by installed packages: no download. Takes ~15 s.
    """
    from gazetteer.build import build_default

    path = build_default(_path(ctx, gazetteer_path), progress=progress, force=force)
    click.echo(f"gazetteer ready: {path}")


@gazetteer_group.command("import", epilog="""\b
Examples:
  geomap gazetteer import allCountries.zip
  geomap gazetteer import SY.zip IQ.zip alternateNamesV2.zip admin1CodesASCII.txt
  geomap gazetteer import AF.zip admin2Codes.txt      # districts as places
  geomap gazetteer import my-places.csv --gazetteer /tmp/g.sqlite

\b
CSV lists need a header with name,lat,lon (optional: alternate_names with |
between names, feature_class, feature_code, country, admin1, population,
geonameid, source). GeoJSON lists: Point features with a "name" property.
Exit code 3 when some rows were bad (each is reported with file and line).""")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_gazetteer_option
@click.option("--format", "kind",
              type=click.Choice(["geonames", "alternatenames", "admin1", "admin2", "countryinfo",
                                 "csv", "geojson"]),
              default=None, help="file format (default: from the file name)")
@click.option("--max-errors", default=20, show_default=True,
              help="how many bad rows to print per file")
@click.pass_context
def import_command(ctx: click.Context, files: tuple[str, ...], gazetteer_path: str | None,
                   kind: str | None, max_errors: int) -> None:
    """Import GeoNames dumps and CSV/GeoJSON point lists (streaming, idempotent).

    Into the default gazetteer (built first if missing) or into --gazetteer PATH (created
    empty if missing).
    """
    from gazetteer.build import build_default
    from gazetteer.importer import import_files
    from gazetteer.paths import default_path

    path = _path(ctx, gazetteer_path)
    if path == default_path() and not path.is_file():
        build_default(path)
    show = sys.stderr.isatty()

    def progress(count: int) -> None:
        if show:
            click.echo(f"\r  {count:,} rows", nl=False, err=True)

    reports = import_files(path, files, kind=kind, progress=progress)
    if show:
        click.echo("", err=True)
    for report in reports:
        click.echo(report.summary())
        for error in report.errors[:max_errors]:
            click.echo(f"  {error}", err=True)
        if report.error_count > max_errors:
            click.echo(f"  ... and {report.error_count - max_errors} more", err=True)
    if any(not report.ok for report in reports):
        nothing = all(report.imported == 0 for report in reports)
        ctx.exit(EXIT_NO_INPUT if nothing else EXIT_PARTIAL)


@gazetteer_group.command("download", epilog="""\b
Examples:
  geomap gazetteer download SY UA
  geomap gazetteer download all
  geomap gazetteer download AF --base-url https://mirror.example.org/geonames

\b
Fetches <base-url>/export/dump/XX.zip, alternatenames/XX.zip and
admin2Codes.txt (districts become places), resumes broken-off downloads,
checks sizes and ZIPs, then imports into a copy that replaces the gazetteer
only when complete. Exit codes: 3 some files missing (e.g. a 404) or bad
rows, the rest imported; 4 nothing imported; 6 the server cannot be reached
(the gazetteer untouched).""")
@click.argument("countries", nargs=-1, required=True)
@_gazetteer_option
@click.option("--base-url", default=GEONAMES_URL, show_default=True,
              help="GeoNames server or mirror")
@click.option("--user-agent", default=None, help="User-Agent header (default: geomap/<version> "
              "and the project URL)")
@click.option("--force", is_flag=True, help="download countries already imported again")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None,
              help="where downloads (and partial ones) are kept until imported "
              "(default: a downloads/ directory beside the gazetteer)")
@click.option("--retries", default=3, show_default=True, type=click.IntRange(0, 20),
              help="attempts after the first for a file that broke off or the server")
@click.option("--retry-wait", default=2.0, show_default=True, type=click.FloatRange(0, 600),
              help="seconds before a retry, times the attempt number")
@click.option("--progress/--no-progress", default=None, show_default="on a terminal",
              help="progress bar (otherwise a log line every 10 s)")
@click.pass_context
def download_command(ctx: click.Context, countries: tuple[str, ...], gazetteer_path: str | None,
                     base_url: str, user_agent: str | None, force: bool,
                     cache_dir: str | None, retries: int, retry_wait: float,
                     progress: bool | None) -> None:
    """Download GeoNames country dumps (ISO2 codes, or all) and import them."""
    from gazetteer.download import download_countries, parse_countries

    if not (sys.stderr.isatty() if progress is None else progress):
        _log_to_stderr("gazetteer")  # retries and a progress line every 10 s
    try:
        codes = parse_countries(countries)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="COUNTRIES") from None
    report = download_countries(_path(ctx, gazetteer_path), codes,
                                base_url=base_url, user_agent=user_agent,
                                cache_dir=cache_dir, force=force, retries=retries,
                                retry_wait=retry_wait, progress=progress)
    if report.skipped:
        click.echo(f"already imported (use --force to refresh): {' '.join(report.skipped)}")
    for line in report.failures:
        click.echo(f"geomap: {line}", err=True)
    for imported in report.imports:
        click.echo(imported.summary())
        for error in imported.errors[:5]:
            click.echo(f"  {error}", err=True)
    if report.imported:
        click.echo(f"imported: {' '.join(report.imported)}")
    if not report.ok:
        ctx.exit(EXIT_PARTIAL if report.imported else EXIT_NO_INPUT)


def _log_to_stderr(name: str) -> None:
    import logging

    class Stderr(logging.Handler):
        """Writes to whatever sys.stderr is at the time (click's test runner swaps it)."""

        def emit(self, record: logging.LogRecord) -> None:
            sys.stderr.write(self.format(record) + "\n")

    log = logging.getLogger(name)
    if not any(type(handler).__name__ == "Stderr" for handler in log.handlers):
        handler = Stderr()
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


@gazetteer_group.command("add", epilog="""\b
Example:
  geomap gazetteer add "Karam Houmid" 36.1923 37.1853 --country SY --admin1 09 \\
      --kind P.PPLX --alt "Karm Homad" --alt "Karm Houmid\"""")
@click.argument("name")
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@_gazetteer_option
@click.option("--country", help="ISO 3166-1 alpha-2 code")
@click.option("--admin1", help="GeoNames admin1 code, e.g. 09 for Aleppo in SY")
@click.option("--kind", default="L.LCTY", show_default=True,
              help="GeoNames feature class.code, e.g. P.PPLX, S.AIRB, L.MILB, T.MT")
@click.option("--alt", "alternates", multiple=True, help="an alternate name (repeatable)")
@click.option("--population", type=int, default=0)
@click.option("--source", default="user", show_default=True, help="where the fact comes from")
@click.pass_context
def add_command(ctx: click.Context, name: str, lat: float, lon: float,
                gazetteer_path: str | None, country: str | None, admin1: str | None, kind: str,
                alternates: tuple[str, ...], population: int, source: str) -> None:
    """Add one named point (searchable at once; same arguments twice = one feature)."""
    from gazetteer.errors import ImportInputError
    from gazetteer.importer import known_countries
    from gazetteer.sources.point_list import point_feature

    gaz = _open(ctx, gazetteer_path)
    feature_class, _, feature_code = kind.partition(".")
    record = {"name": name, "lat": lat, "lon": lon, "country": country, "admin1": admin1,
              "feature_class": feature_class, "feature_code": feature_code or feature_class,
              "alternate_names": list(alternates), "population": population, "source": source}
    try:
        feature = point_feature(record, known_countries(gaz.connection()))
    except ValueError as error:
        raise ImportInputError(str(error)) from None
    gaz.add_features([feature])
    click.echo(f"added {feature.name} ({feature.feature_class}.{feature.feature_code}) "
               f"geonameid={feature.geonameid}")


@gazetteer_group.command("lookup", epilog="""\b
Examples:
  geomap gazetteer lookup Aleppo
  geomap gazetteer lookup Tripoli --country LB
  geomap gazetteer lookup "Al-Tharda mountain" --json
  geomap gazetteer lookup Syrian""")
@click.argument("name")
@_gazetteer_option
@click.option("--country", help="restrict to this ISO2 country")
@click.option("--kind", "kinds", multiple=True,
              help="restrict to a feature class (P, A, T, L, S, H) or code (ADM1, MT ...)")
@click.option("--near", help="LAT,LON: rank nearer features first")
@click.option("--limit", default=5, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="machine-readable output")
@click.option("--offline/--online", default=True, hidden=True,
              help="accepted as by every command: a lookup never uses the network")
@click.pass_context
def lookup_command(ctx: click.Context, name: str, gazetteer_path: str | None,
                   country: str | None, kinds: tuple[str, ...], near: str | None, limit: int,
                   as_json: bool, offline: bool) -> None:
    """Candidates for NAME, best first (country, demonym and feature kind included)."""
    gaz = _open(ctx, gazetteer_path)
    point = None
    if near:
        try:
            lat, lon = (float(part) for part in near.split(","))
            point = (lat, lon)
        except ValueError:
            raise click.BadParameter("expected LAT,LON", param_hint="--near") from None
    found = gaz.candidates(name, country=country, near=point, kinds=kinds or None, limit=limit)
    demonym = gaz.demonym(name)
    if as_json:
        click.echo(json.dumps({"query": name, "demonym_of": demonym,
                               "candidates": [c.as_dict() for c in found]}, ensure_ascii=False))
        return
    if demonym:
        click.echo(f"{name}: demonym of {demonym}")
    if not found and not demonym:
        click.echo(f"{name}: no match")
    for c in found:
        where = ", ".join(part for part in (c.admin1_name, c.country_code) if part)
        click.echo(f"{c.name}\t{c.lat:.5f}, {c.lon:.5f}\t{c.feature_class}.{c.feature_code}"
                   f"\t{where}\tpop {c.population:,}\tgeonameid {c.geonameid}\t[{c.source}]")


@gazetteer_group.command("stats", epilog="""\b
Example:
  geomap gazetteer stats --json""")
@_gazetteer_option
@click.option("--json", "as_json", is_flag=True, help="machine-readable output")
@click.pass_context
def stats_command(ctx: click.Context, gazetteer_path: str | None, as_json: bool) -> None:
    """Counts of features, names, countries, admin1 regions, demonyms and cached geocodes."""
    stats = _open(ctx, gazetteer_path).stats()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False))
        return
    for key, value in stats.items():
        click.echo(f"{key:24} {value}")
