"""Scale-out benchmark: `python scripts/bench.py scale [--articles N] [--workers W]`.

Runs the real pipeline over N synthetic articles (geomap.synthetic) on each engine -- local (one
process), a process pool of W, a Dask LocalCluster of W single-threaded workers -- each in a fresh
interpreter so its memory is its own. Prints docs/s (end to end, and steady state after the first
results, i.e. without worker start-up and gazetteer loading), peak RSS per worker, and what 10
million articles a day would need: workers = (10e6 / 86400) / (steady docs/s per worker).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import threading
import time

DAILY_TARGET = 10_000_000
SECONDS_PER_DAY = 86_400


class PeakMemory:
    """Samples the resident memory of this process's descendants (pool workers are children of
    the forkserver, so RUSAGE_CHILDREN never sees them); keeps each one's peak."""

    def __init__(self, interval: float = 0.05):
        import psutil

        self.me = psutil.Process()
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.cpu: dict[int, float] = {}  # last seen user+system seconds per descendant
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)

    def sample(self) -> None:
        import psutil

        while not self.done.wait(self.interval):
            for child in self.me.children(recursive=True):
                try:
                    rss = child.memory_info().rss / 2**20
                    times = child.cpu_times()
                except psutil.Error:
                    continue
                self.peaks[child.pid] = max(rss, self.peaks.get(child.pid, 0.0))
                self.cpu[child.pid] = times.user + times.system

    def __enter__(self) -> PeakMemory:
        self.thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.done.set()
        self.thread.join()

    def workers(self, count: int) -> list[float]:
        """The ``count`` largest peaks (the forkserver itself stays small and drops out)."""
        return sorted(self.peaks.values())[-count:]


def measure(engine: str, count: int, workers: int, paragraphs: int) -> dict:
    """Run in a child interpreter (see main): one engine, timings and peak RSS in MiB."""
    from geomap.pipeline import run_pipeline, warm_up
    from geomap.synthetic import synthetic_articles

    articles = synthetic_articles(count, seed=42, paragraphs=paragraphs)
    words = sum(len(article.text.split()) for article in articles) / count
    client = cluster = None
    cpu_before = time.process_time()
    if engine == "local":
        # The gazetteer opens once per process; the pool engines pay that inside their time.
        warm_up()
        cpu_before = time.process_time()
    elapsed_first = None
    events = 0
    started = time.perf_counter()
    if engine == "dask":
        from distributed import Client, LocalCluster

        from geomap.dask_engine import run_on_dask

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        worker_cpu_before = client.run(_cpu_seconds)
        started = time.perf_counter()  # cluster start-up is a one-off on a real deployment
        results = run_on_dask(iter(articles), client=client)
    else:
        results = run_pipeline(iter(articles), engine=engine, workers=workers)
    first_index = 0
    with PeakMemory() as memory:
        for index, result in enumerate(results):
            if elapsed_first is None:
                elapsed_first = time.perf_counter() - started
                first_index = index
            events += len(result.events)
        total = time.perf_counter() - started
    if engine == "local":
        worker_rss = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
        cpu_seconds = time.process_time() - cpu_before
    elif engine == "processes":
        worker_rss = memory.workers(workers)
        cpu_seconds = sum(memory.cpu.values())
    else:
        worker_rss = sorted(client.run(_peak_rss_mib).values())
        after = client.run(_cpu_seconds)
        cpu_seconds = sum(after[key] - worker_cpu_before.get(key, 0.0) for key in after)
        client.close()
        cluster.close()
    steady_count = count - first_index - 1
    steady_seconds = total - (elapsed_first or 0.0)
    return {
        "engine": engine, "workers": 1 if engine == "local" else workers, "articles": count,
        "words_per_article": words,
        "events": events, "seconds": total, "first_result_seconds": elapsed_first,
        "docs_per_s": count / total,
        "steady_docs_per_s": steady_count / steady_seconds if steady_seconds > 0 else None,
        "peak_rss_mib_per_worker": worker_rss,
        "cpu_ms_per_doc": 1000 * cpu_seconds / count,
    }


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py scale", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--paragraphs", type=int, default=25,
                        help="event paragraphs per article (25 = ~460 words, a news article)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engines", default="local,processes,dask")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(measure(options.child, options.articles, options.workers,
                                 options.paragraphs)))
        return 0
    rows = []
    for engine in options.engines.split(","):
        done = subprocess.run(
            [sys.executable, __file__, "--child", engine, "--articles", str(options.articles),
             "--workers", str(options.workers), "--paragraphs", str(options.paragraphs)],
            capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if options.json:
        print(json.dumps(rows, indent=2))
    print_table(rows)
    return 0


def print_table(rows: list[dict]) -> None:
    print(f"scale: {rows[0]['articles']} synthetic articles of {rows[0]['words_per_article']:.0f} "
          f"words, {os.cpu_count()} CPUs on this machine")
    header = (f"{'engine':<16}{'events':>8}{'seconds':>9}{'docs/s':>9}{'steady':>9}"
              f"{'/worker':>9}{'first(s)':>9}{'CPU ms/doc':>11}  peak RSS/worker (MiB)")
    print(header)
    print("-" * len(header))
    needed = DAILY_TARGET / SECONDS_PER_DAY
    projections = []
    for row in rows:
        steady = row["steady_docs_per_s"] or row["docs_per_s"]
        per_worker = steady / row["workers"]
        label = row["engine"] if row["engine"] == "local" else f"{row['engine']} x{row['workers']}"
        rss = ", ".join(f"{value:.0f}" for value in row["peak_rss_mib_per_worker"])
        print(f"{label:<16}{row['events']:>8}{row['seconds']:>9.1f}{row['docs_per_s']:>9.1f}"
              f"{steady:>9.1f}{per_worker:>9.1f}{row['first_result_seconds']:>9.1f}"
              f"{row['cpu_ms_per_doc']:>11.1f}  {rss}")
        projections.append((label, per_worker, row["cpu_ms_per_doc"]))
    print(f"\n10 million articles/day = {needed:.1f} docs/s sustained.")
    for label, per_worker, cpu_ms in projections:
        print(f"  {label:<14} wall clock: {needed:.1f} / {per_worker:.1f} docs/s per worker = "
              f"{math.ceil(needed / per_worker)} workers; CPU: {needed:.1f} x {cpu_ms:.1f} ms = "
              f"{math.ceil(needed * cpu_ms / 1000)} busy cores")
    print("Wall-clock rates suffer when the machine is shared; CPU ms/doc does not. Add headroom "
          "for peaks (x2) and one client core for the store, dedup and rendering.")


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    sys.exit(main(sys.argv[1:]))
