"""Dedup benchmark: seconds and peak RSS to merge the reports of N synthetic events, one core.

    python scripts/bench.py dedup [--sizes 10000,100000,1000000] [--seed 7]

Synthetic reports look like conflict news: happenings at 20,000 places in 400 admin1 regions of
eight countries, one in five told by 2-4 outlets (each with its own wording, a toll
that may have risen, sometimes only the region or only the week), about 10 % week-precise
dates and 4 % region-level places. The news runs for as many days as keep the density of a
year of 100,000 reports (a larger corpus covers a longer time, as real news does; with
``--fixed-year`` every size is squeezed into one year, so the same places and days get ten times
denser at each size step, and so does the work per report). Each size runs in a fresh
process, so its peak RSS is its own; the time covers deduplicate() only (building the events is
not dedup's cost), the RSS everything.
Target (issue 10): 1,000,000 events in <= 20 s and <= 2 GB peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

TARGET_SECONDS = 20.0
TARGET_RSS_MB = 2048.0
#: Reports per year of news: the density every size keeps unless --fixed-year.
DENSITY_REPORTS = 100_000
REGIONS = [("Aleppo", 36.2, 37.2), ("Idlib", 35.9, 36.6), ("Donetsk", 48.0, 37.8),
           ("Kharkiv", 50.0, 36.2), ("Borno", 11.8, 13.2), ("Kunar", 34.9, 71.1),
           ("North Darfur", 13.6, 25.3), ("Marib", 15.5, 45.3)]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests")]
ACTORS = ["Russian forces", "Ukrainian forces", "Islamic State", "Taliban", "Houthis",
          "Rapid Support Forces", "Protesters", "Unidentified armed group", None]
VERBS = ["struck", "hit", "shelled", "attacked", "targeted", "raided"]
OBJECTS = ["a market", "a checkpoint", "a village", "a convoy", "positions", "a school"]
OUTLETS = ["Wire One", "Wire Two", "Daily Three", "Radio Four", "Agency Five"]


def _regions(rng: random.Random) -> list[dict]:
    """50 admin1 regions around each of the eight areas, as region-level places."""
    regions = []
    for number in range(400):
        area, lat, lon = REGIONS[number % len(REGIONS)]
        regions.append({"location": f"{area} {number}", "admin1": f"{area} {number}",
                        "country": area, "lat": lat + rng.gauss(0, 2.0),
                        "lon": lon + rng.gauss(0, 2.0), "geonameid": -(1 + number),
                        "geo_precision": 3})
    return regions


def _places(rng: random.Random, regions: list[dict]) -> list[dict]:
    places = []
    for number in range(20_000):
        region = regions[number % len(regions)]
        places.append({"location": f"Town{number}", "admin1": region["admin1"],
                       "country": region["country"], "lat": region["lat"] + rng.gauss(0, 0.3),
                       "lon": region["lon"] + rng.gauss(0, 0.3),
                       "geonameid": 10_000_000 + number, "geo_precision": 1})
    return places


def synthetic_reports(count: int, seed: int = 7, fixed_year: bool = False) -> list:
    from geomap.model import Event

    span = 366 if fixed_year else max(1, round(366 * count / DENSITY_REPORTS))
    rng = random.Random(seed)
    regions = _regions(rng)
    places = _places(rng, regions)
    region_of = {region["admin1"]: region for region in regions}
    start = date(2024, 1, 1)
    events: list[Event] = []
    happening = 0
    while len(events) < count:
        happening += 1
        place = rng.choice(places)
        event_type, sub_type = rng.choice(TYPES)
        day = start + timedelta(days=rng.randrange(span))
        actor = rng.choice(ACTORS)
        dead = rng.choice((0, 0, 1, 2, 3, 5, 8, 14))
        verb, target = rng.choice(VERBS), rng.choice(OBJECTS)
        reports = 1 if rng.random() < 0.8 else rng.randint(2, 4)
        for told in range(min(reports, count - len(events))):
            where = place if rng.random() > 0.04 else region_of[place["admin1"]]
            precision = 1 if rng.random() > 0.10 else 2
            toll = dead + (rng.randrange(3) if dead and told else 0)
            article = f"art{happening}-{told}"
            events.append(Event(
                event_id=f"{article}-e", article_id=article, event_type=event_type,
                sub_event_type=sub_type, event_date=day, time_precision=precision,
                actor1=actor, fatalities=toll, injured=rng.choice((None, 0, 2, 7)),
                notes=f"{actor or 'Gunmen'} {verb} {target} in {place['location']}, "
                      f"{place['admin1']}, {'killing ' + str(toll) if toll else 'no deaths'}, "
                      f"{OUTLETS[told]} said on day {told}.",
                source=OUTLETS[told], source_url=f"https://news{told}.example/{article}",
                **where))
    return events


def run_one(count: int, seed: int, fixed_year: bool = False) -> dict:
    """One size, in this process: build the reports, time dedup, report the peak RSS."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, honestly
    from geomap.events.dedup import deduplicate

    events = synthetic_reports(count, seed, fixed_year)
    began, cpu = time.perf_counter(), time.process_time()
    merged = deduplicate(events)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    return {"events": count, "seconds": seconds, "cpu_seconds": cpu, "merged_events": len(merged),
            "multi_report_events": sum(e.n_reports > 1 for e in merged),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py dedup", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fixed-year", action="store_true",
                        help="every size in one year (density grows with the size)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child run
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.seed, args.fixed_year)))
        return 0
    print(f"{'events':>10} {'wall s':>8} {'CPU s':>8} {'events/s':>10} {'peak RSS':>9} "
          f"{'out':>9} {'merged':>8}")
    failed = False
    for size in (int(s) for s in args.sizes.split(",")):
        child = subprocess.run([sys.executable, __file__, "--one", str(size), "--seed",
                                str(args.seed)] + ["--fixed-year"] * args.fixed_year,
                               capture_output=True, text=True, check=True)
        row = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{size:>10,} {row['seconds']:>8.2f} {row['cpu_seconds']:>8.2f} "
              f"{size / row['cpu_seconds']:>10,.0f} {row['peak_rss_mb']:>6.0f} MB "
              f"{row['merged_events']:>9,} {row['multi_report_events']:>8,}")
        if size >= 1_000_000:
            failed |= row["cpu_seconds"] > TARGET_SECONDS or row["peak_rss_mb"] > TARGET_RSS_MB
    print(f"target: 1,000,000 events <= {TARGET_SECONDS:.0f} CPU s and <= {TARGET_RSS_MB:.0f} MB "
          "peak RSS, one core (wall time counts other processes' load too); 'merged' = events "
          "that list several reports")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))))
    sys.exit(main(sys.argv[1:]))
