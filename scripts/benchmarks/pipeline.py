"""Full pipeline speed: geoparse + events, documents per second on one core, and peak RSS.

    python scripts/bench.py pipeline [--limit N] [--shared PATH] [--gazetteer PATH]

Reads the texts of ../shared/eval/events/acled.jsonl and ../shared/eval/geoparse/lgl.jsonl when
present (only the texts: no gold is used); otherwise a built-in article repeated. The first
article (opening the gazetteer, compiling the lexicons) is timed apart as the warm-up.
Target: >= 200 documents/s/core.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from pathlib import Path

TARGET_DOCS_PER_SECOND = 200
_FALLBACK = ("On 12 June 2021, artillery fire hit a market in Asadabad, Kunar, killing four "
             "traders. Separately, teachers rallied in Kabul over unpaid wages.")


def _texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py pipeline", description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="documents per corpus")
    parser.add_argument("--shared", type=Path,
                        default=Path(__file__).resolve().parents[3] / "shared" / "eval")
    parser.add_argument("--gazetteer", type=Path, default=None,
                        help="gazetteer file (default: $GEOMAP_GAZETTEER or the user cache)")
    args = parser.parse_args(argv)
    if args.gazetteer is not None:
        if not args.gazetteer.is_file():
            print(f"{args.gazetteer}: no gazetteer file here")
            return 2
        os.environ["GEOMAP_GAZETTEER"] = str(args.gazetteer.resolve())
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, honestly

    from geomap.model import Article
    from geomap.pipeline import process_article

    corpora = {"acled": args.shared / "events" / "acled.jsonl",
               "lgl": args.shared / "geoparse" / "lgl.jsonl"}
    sets = {name: _texts(path, args.limit) for name, path in corpora.items() if path.is_file()}
    if not sets:
        sets = {"builtin": [_FALLBACK] * (args.limit or 500)}

    rss_before = _peak_rss_mb()
    start = time.perf_counter()
    process_article(Article("warm-up", _FALLBACK))
    warm_up = time.perf_counter() - start

    rows = []
    for name, texts in sets.items():
        events = errors = 0
        characters = sum(len(t) for t in texts)
        start, cpu_start = time.perf_counter(), time.process_time()
        for index, text in enumerate(texts):
            result = process_article(Article(f"{name}-{index}", text))
            events += len(result.events)
            errors += bool(result.errors)
        seconds = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        rows.append((name, len(texts), characters / max(len(texts), 1), seconds, cpu,
                     len(texts) / cpu if cpu else float("inf"), events, errors))

    print(f"warm-up (gazetteer open, first article): {warm_up:.2f} s; "
          f"peak RSS before: {rss_before:.0f} MB")
    # docs per CPU-second of this process on its one core: on a shared machine wall time also
    # counts other processes' turns; both are shown.
    header = f"{'corpus':8s} {'docs':>6s} {'chars/doc':>9s} {'wall s':>7s} {'cpu s':>7s} " \
             f"{'docs/cpu-s':>10s} {'docs/wall-s':>11s} {'events':>7s} {'errors':>6s} " \
             f"{'target':>6s}"
    print(header)
    print("-" * len(header))
    total_docs = total_seconds = total_cpu = 0.0
    for name, docs, chars, seconds, cpu, rate, events, errors in rows:
        total_docs += docs
        total_seconds += seconds
        total_cpu += cpu
        verdict = "ok" if rate >= TARGET_DOCS_PER_SECOND else "MISS"
        print(f"{name:8s} {docs:6d} {chars:9.0f} {seconds:7.2f} {cpu:7.2f} {rate:10.1f} "
              f"{docs / seconds:11.1f} {events:7d} {errors:6d} {verdict:>6s}")
    overall = total_docs / total_cpu if total_cpu else float("inf")
    print(f"{'all':8s} {int(total_docs):6d} {'':9s} {total_seconds:7.2f} {total_cpu:7.2f} "
          f"{overall:10.1f} {total_docs / total_seconds:11.1f}")
    print(f"gazetteer: {os.environ.get('GEOMAP_GAZETTEER') or 'default (user cache)'}")
    print(f"peak RSS: {_peak_rss_mb():.0f} MB; one core; target >= {TARGET_DOCS_PER_SECOND} "
          f"docs/s/core")
    return 0
