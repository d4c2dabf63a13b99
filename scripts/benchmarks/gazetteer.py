"""Gazetteer benchmark: build, open, lookup latency, and a streaming GeoNames-sized import.

    python scripts/bench.py gazetteer                 # full: 13M-row import (~GB of temp disk)
    python scripts/bench.py gazetteer --rows 1000000  # smaller import
    python scripts/bench.py gazetteer --rows 0        # skip the import
    python scripts/bench.py gazetteer --rows 0 --pack ../shared/gazetteer-packs/villages-2018
                                                      # country ZIPs into a copy of the default

Build and import run in child processes so that their peak RSS is their own. Targets (issue 2):
build <= 30 s and <= 600 MB, cold open <= 100 ms, hot lookup p50 <= 10 us, import peak RSS
<= 1.5 GB; issue 11: the 23-country village pack into a copy of the default <= 60 s and <= 1.5 GB,
lookups on the result still p50 <= 10 us.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_CHILD_BUILD = """
import json, resource, sys, time
started = time.perf_counter()
from gazetteer.build import build_default
build_default(sys.argv[1], progress=False, force=True)
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_CHILD_OPEN = """
import json, sys, time
started = time.perf_counter()
from gazetteer import Gazetteer
imported = time.perf_counter()
gaz = Gazetteer.open(sys.argv[1])
opened = time.perf_counter()
gaz.candidates("Aleppo")
first = time.perf_counter()
print(json.dumps({"import_ms": (imported - started) * 1e3, "open_ms": (opened - imported) * 1e3,
                  "first_lookup_ms": (first - opened) * 1e3}))
"""

_CHILD_IMPORT = """
import json, resource, sys, time
from gazetteer.importer import import_files
started = time.perf_counter()
[report] = import_files(sys.argv[1], [sys.argv[2]])
print(json.dumps({"seconds": time.perf_counter() - started, "rows": report.imported,
                  "errors": report.error_count,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# What `geomap gazetteer download` does once the files are here: copy, import, rename into place.
_CHILD_PACK = """
import json, resource, shutil, sys, time
from pathlib import Path
from gazetteer.download import import_into_copy
from gazetteer.nameindex import index_path
source, target, pack = map(Path, sys.argv[1:4])
shutil.copy(source, target)
shutil.copy(index_path(source), index_path(target))
zips = sorted(pack.glob("*.zip"))
items = [(path, "geonames") for path in zips]
if (pack / "admin2Codes.txt").is_file():
    items.append((pack / "admin2Codes.txt", "admin2"))
started = time.perf_counter()
reports = import_into_copy(target, items, [path.stem for path in zips])
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": time.perf_counter() - started, "files": len(zips),
                  "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "rows": sum(r.imported for r in reports if r.kind == "geonames"),
                  "districts": sum(r.imported for r in reports if r.kind == "admin2"),
                  "errors": sum(r.error_count for r in reports),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_SYLLABLES = ["al", "ba", "dar", "el", "fa", "ha", "ja", "ka", "la", "ma", "na", "qa", "ra",
              "sa", "ta", "wa", "ya", "za", "bu", "di", "ki", "mo", "ne", "ri", "so", "tu",
              "vo", "zh", "kov", "grad", "pur", "abad", "stan", "ville", "burg", "ton"]
_KINDS = [("P", "PPL", 40), ("H", "STM", 12), ("T", "MT", 8), ("T", "HLL", 6), ("S", "SCH", 6),
          ("L", "AREA", 4), ("A", "ADM3", 5), ("P", "PPLX", 5), ("S", "AIRP", 1), ("H", "LK", 5),
          ("V", "FRST", 3), ("R", "RD", 2), ("S", "CMP", 3)]
_COUNTRIES = ["SY", "IQ", "YE", "UA", "AF", "US", "RU", "CN", "IN", "BR", "FR", "DE", "NG",
              "MX", "ID", "TR", "IR", "PK", "EG", "ET"]


def generate_geonames(path: Path, rows: int, seed: int = 7) -> None:
    """A GeoNames-shaped allCountries.txt: 19 columns, realistic name and kind mix."""
    rng = random.Random(seed)
    kinds = [(c, k) for c, k, weight in _KINDS for _ in range(weight)]
    with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
        for geonameid in range(1, rows + 1):
            name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).title()
            if rng.random() < 0.08:  # Arabic-article names, as in the Middle East's share
                name = f"Al-{name}"
            elif rng.random() < 0.1:
                name = f"{name} {rng.choice(_SYLLABLES).title()}"
            alternates = ",".join(
                "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()
                for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 4))))
            feature_class, feature_code = rng.choice(kinds)
            population = int(rng.paretovariate(1.2) * 100) if feature_class == "P" else 0
            out.write("\t".join((
                str(geonameid), name, name, alternates, f"{rng.uniform(-60, 70):.5f}",
                f"{rng.uniform(-180, 180):.5f}", feature_class, feature_code,
                rng.choice(_COUNTRIES), "", f"{rng.randint(1, 20):02d}", "", "", "",
                str(population), "", "120", "UTC", "2024-01-01")) + "\n")


def _child(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure_lookups(path: Path, samples: int = 3000,
                    where: str = "population > 1000") -> dict:
    from gazetteer import Gazetteer

    gaz = Gazetteer.open(path)
    conn = gaz.connection()
    rng = random.Random(3)
    names = [row[0] for row in conn.execute(
        f"SELECT name FROM feature WHERE {where} ORDER BY geonameid")]
    names = rng.sample(names, min(samples, len(names)))
    cold, hot, scan = [], [], []
    for name in names:
        started = time.perf_counter_ns()
        gaz.candidates(name)
        cold.append((time.perf_counter_ns() - started) / 1e3)
    for _ in range(3):
        for name in names:
            started = time.perf_counter_ns()
            gaz.candidates(name)
            hot.append((time.perf_counter_ns() - started) / 1e3)
    keys = [name.lower() for name in names]
    for key in keys * 3:
        started = time.perf_counter_ns()
        gaz.has_name(key)
        scan.append((time.perf_counter_ns() - started) / 1e3)
    return {"cold_p50_us": _percentile(cold, 0.5), "cold_p99_us": _percentile(cold, 0.99),
            "hot_p50_us": _percentile(hot, 0.5), "hot_p99_us": _percentile(hot, 0.99),
            "has_name_p50_us": _percentile(scan, 0.5), "names": len(names)}


def _measure_pack(database: Path, target: Path, pack: Path) -> list[tuple[str, str, str]]:
    result = _child(_CHILD_PACK, str(database), str(target), str(pack))
    rate = result["rows"] / result["seconds"]
    shards = sorted(target.parent.glob(target.name + ".names*.marisa"))
    rows = [(f"pack: import {result['files']} ZIPs, {result['rows']:,} rows",
             f"{result['seconds']:.1f} s = {rate:,.0f} rows/s", "<= 60 s"),
            ("pack: import CPU time (user + sys, whole child)",
             f"{result['cpu_seconds']:.1f} s", "wall on a busy machine"),
            ("pack: import peak RSS", f"{result['peak_rss_mb']:.0f} MB", "<= 1536 MB"),
            ("pack: districts / bad rows", f"{result['districts']:,} / {result['errors']:,}", ""),
            ("pack: file size (db + name index)",
             f"{target.stat().st_size / 2**20:.0f} + "
             f"{sum(p.stat().st_size for p in shards) / 2**20:.1f} MB", "")]
    for label, where in (("towns", "population > 1000"),
                         ("villages", "population = 0 AND feature_class = 'P'")):
        lookups = measure_lookups(target, where=where)
        rows.append((f"pack: lookup {label} hot p50 / p99 ({lookups['names']})",
                     f"{lookups['hot_p50_us']:.1f} / {lookups['hot_p99_us']:.1f} us",
                     "p50 <= 10 us"))
        rows.append((f"pack: lookup {label} cold p50 / p99",
                     f"{lookups['cold_p50_us']:.0f} / {lookups['cold_p99_us']:.0f} us", ""))
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py gazetteer", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=13_000_000,
                        help="rows of the generated GeoNames file to import (0 skips it)")
    parser.add_argument("--pack", type=Path, default=None,
                        help="a directory of GeoNames country ZIPs (XX.zip; admin2Codes.txt too "
                        "if there): imported into a copy of the built default, then looked up")
    parser.add_argument("--default", type=Path, default=None,
                        help="an already built default gazetteer to measure (and copy for "
                        "--pack) instead of building one; it is never modified")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the temporary files go (default: a temp dir)")
    args = parser.parse_args(argv)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="geomap-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, str, str]] = []
    try:
        from gazetteer.nameindex import index_path

        database = workdir / "gazetteer.sqlite"
        if args.default is not None:
            import sqlite3

            # The backup API: a consistent copy even if the source's WAL holds pages.
            source = sqlite3.connect(f"file:{args.default}?mode=ro", uri=True)
            with sqlite3.connect(database) as target:
                source.backup(target)
            source.close()
            shutil.copy(index_path(args.default), index_path(database))
        else:
            build = _child(_CHILD_BUILD, str(database))
            rows.append(("build embedded default", f"{build['seconds']:.1f} s", "<= 30 s"))
            rows.append(("build peak RSS", f"{build['peak_rss_mb']:.0f} MB", "<= 600 MB"))

        size = database.stat().st_size / 2**20
        trie = index_path(database).stat().st_size / 2**20
        rows.append(("file size (db + name index)", f"{size:.1f} + {trie:.1f} MB", ""))
        opens = [_child(_CHILD_OPEN, str(database)) for _ in range(5)]
        rows.append(("cold open (Gazetteer.open)",
                     f"{statistics.median(o['open_ms'] for o in opens):.1f} ms", "<= 100 ms"))
        rows.append(("  + `import gazetteer`",
                     f"{statistics.median(o['import_ms'] for o in opens):.1f} ms", ""))
        rows.append(("  first lookup after open",
                     f"{statistics.median(o['first_lookup_ms'] for o in opens):.2f} ms", ""))
        lookups = measure_lookups(database)
        rows.append((f"lookup hot p50 / p99 ({lookups['names']} names)",
                     f"{lookups['hot_p50_us']:.1f} / {lookups['hot_p99_us']:.1f} us",
                     "p50 <= 10 us"))
        rows.append(("lookup cold (uncached) p50 / p99",
                     f"{lookups['cold_p50_us']:.0f} / {lookups['cold_p99_us']:.0f} us", ""))
        rows.append(("has_name p50", f"{lookups['has_name_p50_us']:.2f} us", ""))
        if args.pack is not None:
            rows.extend(_measure_pack(database, workdir / "pack.sqlite", args.pack))
        if args.rows > 0:
            source = workdir / "allCountries.txt"
            started = time.perf_counter()
            generate_geonames(source, args.rows)
            rows.append((f"generate {args.rows:,}-row file",
                         f"{time.perf_counter() - started:.0f} s, "
                         f"{source.stat().st_size / 2**30:.2f} GB", ""))
            imported = _child(_CHILD_IMPORT, str(workdir / "imported.sqlite"), str(source))
            rate = imported["rows"] / imported["seconds"]
            rows.append((f"import {imported['rows']:,} rows",
                         f"{imported['seconds']:.0f} s = {rate:,.0f} rows/s", ""))
            rows.append(("import peak RSS", f"{imported['peak_rss_mb']:.0f} MB", "<= 1536 MB"))
            imported_db = workdir / "imported.sqlite"
            shards = sorted(workdir.glob("imported.sqlite.names*.marisa"))
            rows.append((f"imported file size (db + {len(shards)} index shards)",
                         f"{imported_db.stat().st_size / 2**30:.2f} GB + "
                         f"{sum(p.stat().st_size for p in shards) / 2**20:.0f} MB", ""))
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    width = max(len(name) for name, _, _ in rows)
    print(f"{'gazetteer benchmark':{width}}  {'measured':>24}  target")
    for name, value, target in rows:
        print(f"{name:{width}}  {value:>24}  {target}")
    return 0
