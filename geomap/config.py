"""The `geomap run` configuration: a TOML file, checked key by key.

One table, `KEYS`, declares every key with its type and meaning: validation, defaults and the
`geomap run --help` text all come from it, so the help cannot drift from what is accepted.
Relative paths are relative to the config file's directory (cron and systemd start elsewhere).
"""

from __future__ import annotations

import os
import textwrap
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from geomap.errors import ConfigError

ENGINES = ("local", "processes", "dask")
OUTPUT_SUFFIXES = {
    "map": (".html", ".htm"),
    "geojson": (".geojson", ".json"),
    "csv": (".csv",),
    "gpkg": (".gpkg",),
    "parquet": (".parquet",),
    "jsonl": (".jsonl",),
}

#: key -> (kind, default, help). Kinds: str, path, paths, strings, date, bool, int, engine.
KEYS: dict[str, tuple[str, Any, str]] = {
    "sources.paths": ("paths", [], "files, directories (recursive) and globs of .txt/.html/"
                      ".jsonl/.csv articles and RSS/Atom feed files (.xml/.rss/.atom)"),
    "sources.feeds": ("strings", [], "http(s) URLs of RSS/Atom feeds; read only when not offline"),
    "sources.published": ("date", None, "publication date for plain-text articles that carry "
                          "none (YYYY-MM-DD); a date in the file name is used otherwise"),
    "sources.prune": ("bool", True, "remove the stored articles (and their events) that no "
                      "source yields any more: a deleted file's events leave the outputs"),
    "sources.max_article_bytes": ("int", 2_000_000, "an article longer than this (UTF-8 bytes) "
                                  "is split at paragraph, else sentence, boundaries into parts "
                                  "<id>#1, <id>#2, ... each at most this long"),
    "sources.language": ("str", "en", "the language of the articles: the lexicon the event "
                         "stage reads (a folder of geomap/lexicons); a change reprocesses them"),
    "store.path": ("path", "geomap.sqlite", "the SQLite event store (a .lock file is kept "
                   "beside it)"),
    "gazetteer.path": ("path", None, "gazetteer file (default: $GEOMAP_GAZETTEER, else the "
                       "user cache, built on first use)"),
    "gazetteer.offline": ("bool", True, "true: never use the network (no online geocoder "
                          "fallback, no feed URLs)"),
    "gazetteer.user_agent": ("str", None, "identifying User-Agent for Nominatim and feed URLs "
                             "(required by Nominatim's policy when offline = false)"),
    "gazetteer.countries": ("strings", [], "ISO2 codes (e.g. [\"SY\", \"UA\"]) whose GeoNames "
                            "dumps a run downloads once when not offline (`geomap gazetteer "
                            "download`); offline, missing ones are logged"),
    "gazetteer.fallback_url": ("str", None, "private Nominatim (http://host:8080) or Photon "
                               "(http://host:2322/api) for names the gazetteer lacks (default: "
                               "$GEOMAP_FALLBACK_URL, else the public Nominatim)"),
    "gazetteer.require_fallback": ("bool", False, "online only: a fallback that does not "
                                   "answer stops the run before any article (exit code 6); "
                                   "false: articles are processed and retried once it answers"),
    "filters.date_from": ("date", None, "keep events on or after this date"),
    "filters.date_to": ("date", None, "keep events on or before this date"),
    "filters.countries": ("strings", [], "keep events in these countries (names or ISO "
                          "3166 alpha-2/alpha-3 codes); empty = all"),
    "filters.event_types": ("strings", [], "keep these ACLED event types (e.g. \"Battles\"); "
                            "empty = all"),
    "engine.name": ("engine", "local", "local | processes | dask"),
    "engine.workers": ("int", None, "worker processes (processes, or a Dask LocalCluster); "
                       "default: CPU count"),
    "engine.scheduler": ("str", None, "Dask scheduler address (tcp://host:8786; implies name = "
                         "\"dask\"); unset with name = \"dask\": a LocalCluster here"),
    "engine.parquet_dir": ("path", None, "Dask only: each worker also writes its partition's "
                           "events as <dir>/run<N>-<partition>.parquet (an append-only log of "
                           "processed partitions; needs storage shared by all workers)"),
    "engine.batch_size": ("int", 200, "articles per store transaction (a crash loses at most "
                          "one batch of work)"),
    "outputs.map": ("path", None, "interactive HTML map"),
    "outputs.geojson": ("path", None, "GeoJSON (RFC 7946) of mapped events"),
    "outputs.csv": ("path", None, "CSV of all events (unmapped ones with empty lat/lon)"),
    "outputs.gpkg": ("path", None, "GeoPackage of mapped events"),
    "outputs.parquet": ("path", None, "(Geo)Parquet of events"),
    "outputs.jsonl": ("path", None, "one JSON event record per line"),
    "outputs.dedup": ("bool", True, "merge the reports of one happening from several articles "
                      "into one event listing every report; false: one event per report"),
    "map.title": ("str", None, "map title"),
    "map.tiles": ("str", "osm", "background tiles: osm | none | a tile URL template"),
    "map.offline": ("bool", None, "self-contained HTML with no network requests (default: "
                    "gazetteer.offline)"),
}


@dataclass(frozen=True)
class RunConfig:
    path: Path | None
    sources: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    published: date | None = None
    prune: bool = True
    max_article_bytes: int = 2_000_000
    language: str = "en"
    store: Path = Path("geomap.sqlite")
    gazetteer: Path | None = None
    offline: bool = True
    user_agent: str | None = None
    gazetteer_countries: list[str] = field(default_factory=list)
    fallback_url: str | None = None
    require_fallback: bool = False
    date_from: date | None = None
    date_to: date | None = None
    countries: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    engine: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    batch_size: int = 200
    parquet_dir: Path | None = None
    outputs: dict[str, Path] = field(default_factory=dict)
    map_title: str | None = None
    map_tiles: str = "osm"
    map_offline: bool | None = None
    dedup: bool = True

    def output_settings(self) -> dict[str, Any]:
        """What the outputs depend on besides the stored events: a change regenerates them."""
        return {
            "outputs": {kind: str(path) for kind, path in sorted(self.outputs.items())},
            "filters": [str(self.date_from), str(self.date_to), self.countries, self.event_types],
            "map": [self.map_title, self.map_tiles, self.effective_map_offline],
            "dedup": self.dedup,
        }

    @property
    def effective_map_offline(self) -> bool:
        return self.offline if self.map_offline is None else self.map_offline


def load_config(path: str | Path) -> RunConfig:
    """Read and check a TOML run configuration; ConfigError (exit code 8) names the bad key."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return config_from_mapping(raw, base=path.resolve().parent, path=path)


def config_from_mapping(raw: dict[str, Any], *, base: Path, path: Path | None = None) -> RunConfig:
    where = f"{path}: " if path else ""
    values: dict[str, Any] = {}
    for section, table in raw.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}'{section}' must be a [table], not a "
                              f"{type(table).__name__}")
        for key, value in table.items():
            name = f"{section}.{key}"
            if name not in KEYS:
                known = sorted(k for k in KEYS if k.startswith(section + ".")) or sorted(
                    {k.split(".")[0] for k in KEYS})
                raise ConfigError(f"{where}unknown key '{name}' (known here: "
                                  f"{', '.join(known)})")
            values[name] = _check(name, value, base, where)
    given = set(values)
    for name, (_, default, _) in KEYS.items():
        values.setdefault(name, _check(name, default, base, where) if default is not None
                          else None)
    outputs = {name.split(".")[1]: values[name] for name in KEYS
               if name.startswith("outputs.") and name.split(".")[1] in OUTPUT_SUFFIXES
               and values[name] is not None}
    for kind, output in outputs.items():
        if output.suffix.lower() not in OUTPUT_SUFFIXES[kind]:
            raise ConfigError(f"{where}'outputs.{kind}' must end with "
                              f"{' or '.join(OUTPUT_SUFFIXES[kind])}, got {output.name!r}")
    if not values["sources.paths"] and not values["sources.feeds"]:
        raise ConfigError(f"{where}'sources.paths' (or 'sources.feeds') must name at least one "
                          "input")
    if not outputs:
        raise ConfigError(f"{where}'outputs' must name at least one output (e.g. outputs.map)")
    for output in outputs.values():
        if output == values["store.path"]:
            raise ConfigError(f"{where}'store.path' is also an output ({output}): the store "
                              "would be overwritten by the outputs")
    if values["sources.max_article_bytes"] < 1000:
        raise ConfigError(f"{where}'sources.max_article_bytes' must be at least 1000")
    url = values["gazetteer.fallback_url"]
    if url is not None and not url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}'gazetteer.fallback_url' must be an http(s):// URL, got "
                          f"{url!r}")
    for name in ("engine.workers", "engine.batch_size"):
        if values[name] is not None and values[name] < 1:
            raise ConfigError(f"{where}'{name}' must be at least 1")
    from geomap.lexicons import languages

    if values["sources.language"] not in languages():
        raise ConfigError(f"{where}'sources.language' = {values['sources.language']!r}: no "
                          f"such lexicon; geomap has {', '.join(languages())}")
    if values["engine.scheduler"]:
        if "engine.name" in given and values["engine.name"] != "dask":
            raise ConfigError(f"{where}'engine.scheduler' is a Dask address but 'engine.name' "
                              f"is {values['engine.name']!r}")
        values["engine.name"] = "dask"
    if values["engine.parquet_dir"] is not None and values["engine.name"] != "dask":
        raise ConfigError(f"{where}'engine.parquet_dir' is written by Dask workers: set "
                          "engine.name = \"dask\"")
    if values["filters.date_from"] and values["filters.date_to"] and \
            values["filters.date_from"] > values["filters.date_to"]:
        raise ConfigError(f"{where}'filters.date_from' is after 'filters.date_to'")
    return RunConfig(
        path=path,
        sources=[str(p) for p in values["sources.paths"]],
        feeds=values["sources.feeds"], published=values["sources.published"],
        prune=values["sources.prune"], max_article_bytes=values["sources.max_article_bytes"],
        language=values["sources.language"],
        store=values["store.path"], gazetteer=values["gazetteer.path"],
        offline=values["gazetteer.offline"], user_agent=values["gazetteer.user_agent"],
        gazetteer_countries=values["gazetteer.countries"],
        fallback_url=values["gazetteer.fallback_url"],
        require_fallback=values["gazetteer.require_fallback"],
        date_from=values["filters.date_from"], date_to=values["filters.date_to"],
        countries=values["filters.countries"], event_types=values["filters.event_types"],
        engine=values["engine.name"], workers=values["engine.workers"],
        scheduler=values["engine.scheduler"], batch_size=values["engine.batch_size"],
        parquet_dir=values["engine.parquet_dir"],
        outputs=outputs, map_title=values["map.title"], map_tiles=values["map.tiles"],
        map_offline=values["map.offline"], dedup=values["outputs.dedup"],
    )


def _check(name: str, value: Any, base: Path, where: str) -> Any:
    kind = KEYS[name][0]

    def fail(expected: str) -> ConfigError:
        return ConfigError(f"{where}'{name}' must be {expected}, got {value!r}")

    if kind in ("str", "engine"):
        if not isinstance(value, str):
            raise fail("a string")
        if kind == "engine" and value not in ENGINES:
            raise fail(" | ".join(ENGINES))
        return value or None
    if kind == "path":
        if not isinstance(value, str) or not value:
            raise fail("a non-empty path string")
        return _resolve(value, base)
    if kind in ("paths", "strings"):
        if isinstance(value, str) or not isinstance(value, list) or \
                not all(isinstance(item, str) and item for item in value):
            raise fail("a list of non-empty strings")
        if kind == "paths":
            return [p if p.startswith(("http://", "https://")) else _resolve(p, base)
                    for p in value]
        return list(value)
    if kind == "date":
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise fail("a date (YYYY-MM-DD)")
    if kind == "bool":
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise fail("an integer")
        return value
    raise AssertionError(f"unknown kind {kind}")  # a bug in KEYS, not in the user's file


def _resolve(value: str, base: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else Path(os.path.normpath(base / path))


def keys_help() -> str:
    """The per-key reference printed by `geomap run --help`."""
    lines = []
    section = None
    for name, (_, default, text) in KEYS.items():
        table, key = name.split(".")
        if table != section:
            section = table
            lines.append(f"[{table}]")
        if isinstance(default, bool):
            default = str(default).lower()
        shown = f" (default: {default})" if default not in (None, []) else ""
        lines.extend(textwrap.wrap(f"{key}: {text}{shown}", width=92, initial_indent="  ",
                                   subsequent_indent="      "))
    return "\n".join(lines)
