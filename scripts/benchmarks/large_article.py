"""Cost of one large article: seconds and peak MB for 125 KB / 1 MB / 4 MB, as a run pays it.

    python scripts/bench.py large_article [--sizes 125K,1M,4M] [--max-bytes 2000000]
                                          [--timeout 600] [--profile]

Each article is made of varied sentences written here (places, dates, actors and casualties
drawn from small lists with a fixed seed; about 1 in 10 reports an event, the rest are context),
grouped in paragraphs. It goes through what a scheduled
run does with it: split_article at ``sources.max_article_bytes`` (default 2,000,000), then
process_article for each part. Every size runs in a fresh process (peak RSS is that process's
ru_maxrss, the gazetteer included) with a time limit. ``--profile`` adds the five functions with
the most cumulative time, to show which stage dominates at each size.
Target: a 4 MB article in <= 10 s and <= 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

TARGET_SECONDS = 10.0
TARGET_MB = 500.0
PROJECT = Path(__file__).resolve().parents[2]

_PLACES = ["Aleppo", "Homs", "Hama", "Idlib", "Mosul", "Kirkuk", "Tikrit", "Raqqa", "Deir ez-Zor",
           "Daraa", "Latakia", "Tartus", "Fallujah", "Ramadi", "Basra", "Baghdad", "Erbil",
           "Kobani", "Manbij", "Palmyra", "Sinjar", "Tal Afar", "Samarra", "Baquba"]
_ACTORS = ["government forces", "rebel fighters", "militants", "the army", "police",
           "an armed group", "tribal fighters", "security forces", "insurgents"]
_VERBS = ["shelled", "attacked", "stormed", "bombed", "raided", "surrounded", "ambushed"]
_TARGETS = ["a checkpoint", "the market", "a convoy", "the old town", "a village",
            "an army post", "the bridge", "a school", "farmland", "the main road"]
_DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
         "on Saturday", "on Sunday", "overnight", "early in the morning", "late on Friday"]
_CONTEXT = ["Residents of {p} said prices of bread and fuel had doubled since the spring.",
            "The road between {p} and {q} has been closed to trucks for weeks.",
            "Aid agencies in {p} asked for access to the districts east of the river.",
            "Talks held in {p} last month ended without an agreement on prisoners.",
            "Schools in {p} reopened after repairs paid for by a local charity.",
            "A spokesman in {p} declined to comment on the reports from {q}.",
            "Farmers near {p} said the harvest was the smallest in a decade."]
_TAILS = ["killing {n} people", "wounding {n} civilians", "according to local medics",
          "witnesses said", "a monitoring group reported", "leaving {n} dead",
          "and {n} fighters were captured", "officials said"]


def make_text(size: int, seed: int = 7) -> str:
    """About ``size`` UTF-8 bytes of varied sentences in paragraphs of 3 to 8 sentences."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(3, 8)):
            if rng.random() < 0.9:  # most sentences in a report are context, not events
                sentences.append(rng.choice(_CONTEXT).format(p=rng.choice(_PLACES),
                                                             q=rng.choice(_PLACES)))
                continue
            tail = rng.choice(_TAILS).format(n=rng.randint(2, 40))
            sentence = (f"{rng.choice(_ACTORS).capitalize()} {rng.choice(_VERBS)} "
                        f"{rng.choice(_TARGETS)} near {rng.choice(_PLACES)} "
                        f"{rng.choice(_DAYS)}, {tail}.")
            if rng.random() < 0.3:
                sentence += (f" Fighting later spread to {rng.choice(_PLACES)} and "
                             f"{rng.choice(_PLACES)}.")
            sentences.append(sentence)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)[:size]


def measure(size: int, max_bytes: int, profile: bool) -> dict:
    """In this process: split and process one article of ``size`` bytes."""
    import cProfile
    import io
    import pstats
    import resource
    import time

    from geomap.model import Article
    from geomap.pipeline import process_article, warm_up
    from geomap.split import split_article

    warm_up()  # the gazetteer and lexicons are every article's, not this one's
    article = Article("large", make_text(size))
    profiler = cProfile.Profile() if profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    parts = split_article(article, max_bytes)
    events = sum(len(process_article(part).events) for part in parts)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    top = ""
    if profiler:
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(12)
        top = stream.getvalue()
    return {"size": size, "parts": len(parts), "events": events, "seconds": seconds, "cpu": cpu,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
            "profile": top}


def _parse_size(text: str) -> int:
    units = {"K": 1000, "M": 1000_000}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units \
        else int(text)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py large_article",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="125K,1M,4M")
    parser.add_argument("--max-bytes", type=int, default=2_000_000,
                        help="sources.max_article_bytes")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per size")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(measure(args.child, args.max_bytes, args.profile)))
        return 0
    # Wall seconds are what a run waits; CPU seconds are this process's alone, the fair figure
    # on a shared machine (other processes' turns stretch the wall time, not the CPU time).
    print(f"{'size':>8} {'parts':>5} {'events':>7} {'seconds':>9} {'cpu s':>7} {'peak MB':>8}")
    missed = False
    for size in (_parse_size(item) for item in args.sizes.split(",")):
        command = [sys.executable, str(Path(__file__).resolve().parents[1] / "bench.py"),
                   "large_article", "--child", str(size), "--max-bytes", str(args.max_bytes)]
        if args.profile:
            command.append("--profile")
        try:
            # This checkout's geomap, whatever is installed.
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(
                filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")]))}
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout,
                                  cwd=PROJECT, env=env)
        except subprocess.TimeoutExpired:
            print(f"{size:>8} {'':>5} {'':>7} {'> ' + str(int(args.timeout)):>9} {'':>7} "
                  f"{'':>8}")
            missed = True
            continue
        if done.returncode != 0:
            print(f"{size:>8} failed: {done.stderr.strip().splitlines()[-1:]}")
            missed = True
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{size:>8} {result['parts']:>5} {result['events']:>7} "
              f"{result['seconds']:>9.2f} {result['cpu']:>7.2f} {result['peak_mb']:>8.0f}")
        if result["profile"]:
            print(result["profile"])
        if size >= 4_000_000:
            missed |= result["seconds"] > TARGET_SECONDS or result["peak_mb"] > TARGET_MB
    print(f"target: 4 MB <= {TARGET_SECONDS:.0f} s and <= {TARGET_MB:.0f} MB")
    return 1 if missed else 0
