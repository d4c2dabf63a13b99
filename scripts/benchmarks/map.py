"""Map benchmark: HTML size, Python render time and headless-chromium load time per event count.

    python scripts/bench.py map [--sizes 1000,10000,100000] [--online] [--keep DIR]
                                [--gazetteer PATH|none]

Synthetic events look like real ones where it costs bytes: a unique sentence per event (~150
characters), a title and URL per article (three events per article), actors, places clustered
around real towns. Load time is measured twice: to the page's `load` event and to the moment the
event layer reports every marker clustered and drawn (``geomap:ready``).
Also: time to re-cluster after one type filter click. Offline maps carry the Natural Earth
outlines (a fixed ~1.2 MB) and the place labels of the gazetteer (default: the user's gazetteer,
as `geomap map` passes it; `--gazetteer none` for none); the labels column counts them.
Targets (issue 5): 100k events render <= 10 s, load <= 3 s, HTML <= 25 MB.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from geomap.model import Event
from geomap.render import render_map
from geomap.render.payload import build_payload, embed_json
from geomap.render.places import place_labels
from geomap.render.style import TYPE_COLOURS

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
TOWNS = [("Aleppo", 36.20, 37.16), ("Idlib", 35.93, 36.63), ("Homs", 34.73, 36.71),
         ("Deir ez-Zor", 35.34, 40.14), ("Mosul", 36.34, 43.13), ("Kirkuk", 35.47, 44.39),
         ("Kharkiv", 49.99, 36.23), ("Donetsk", 48.02, 37.80), ("Mogadishu", 2.04, 45.34),
         ("El Fasher", 13.63, 25.35), ("Nyala", 12.05, 24.88), ("Gao", 16.27, -0.04),
         ("Maiduguri", 11.85, 13.16), ("Sanaa", 15.35, 44.21), ("Kabul", 34.53, 69.17)]
ACTORS = ["Military Forces of Syria", "Rapid Support Forces", "Islamic State", "Civilians",
          "Police Forces", "Unidentified Armed Group", "Protesters", None]
SYLLABLES = ("ka ri mo sa le tu na de vi lo pre stra ment ing ed al ton bor ci ar "
             "fi ght med wit ness dis trict aid fam ily cross ro ad gov ern").split()
TARGETS = {"render_s": 10.0, "load_s": 3.0, "size_mb": 25.0}


def vocabulary(rng: random.Random, size: int = 5000) -> tuple[list[str], list[float]]:
    """Pseudo-words with Zipf frequencies: text that gzip compresses about as well as news
    prose (~3x), unlike a handful of repeated words (~10x, a flattering benchmark)."""
    words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
             for _ in range(size)]
    return words, [1 / rank for rank in range(1, size + 1)]


def synthetic_events(count: int, seed: int = 7) -> tuple[list[Event], dict[str, str]]:
    rng = random.Random(seed)
    words, weights = vocabulary(rng)
    types = list(TYPE_COLOURS)
    start = date(2023, 1, 1)
    events, titles = [], {}
    for index in range(count):
        town, lat, lon = rng.choice(TOWNS)
        article = f"art-{index // 3}"
        if article not in titles:
            titles[article] = f"{town}: {' '.join(rng.choices(words, weights, k=7))}"
        sentence = " ".join(rng.choices(words, weights, k=22))
        events.append(Event(
            event_id=f"ev-{index:06d}", article_id=article, event_type=rng.choice(types),
            sub_event_type="Armed clash", event_date=start + timedelta(days=rng.randrange(365)),
            time_precision=rng.choice((1, 1, 1, 2, 3)), actor1=rng.choice(ACTORS),
            actor2=rng.choice(ACTORS), fatalities=int(rng.expovariate(0.2)),
            injured=rng.choice((None, rng.randrange(30))), location=town, country="Syria",
            lat=lat + rng.gauss(0, 0.3), lon=lon + rng.gauss(0, 0.3),
            geo_precision=rng.choice((1, 2, 3)), notes=f"{town}: {sentence}.",
            source="Example News", source_url=f"https://news.example.org/{article}",
        ))
    return events, titles


def browser_load(browser, path: Path) -> tuple[float, float]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("http*://**/*", lambda route: route.abort())
    page.goto(path.resolve().as_uri(), timeout=120_000)
    page.wait_for_function("window.geomap && window.geomap.layer.ready", timeout=120_000,
                           polling=50)
    load_ms, ready_ms, filter_ms = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const started = performance.now();
        geomap.layer.setTypeVisible(0, false);  // one legend click: re-cluster without a type
        return [nav.loadEventStart, geomap.layer.readyAt, performance.now() - started];
    }""")
    page.close()
    if errors:
        raise RuntimeError(f"page errors: {errors[:3]}")
    return load_ms / 1000, ready_ms / 1000, filter_ms / 1000


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench.py map", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--online", action="store_true", help="osm tiles (blocked) instead of none")
    parser.add_argument("--keep", type=Path, help="keep the generated maps in this directory")
    parser.add_argument("--gazetteer", default=None,
                        help="gazetteer for the place labels (default: the user's; "
                             "none: no labels)")
    args = parser.parse_args(argv)
    gazetteer = None
    if args.gazetteer != "none":
        from gazetteer import Gazetteer

        gazetteer = Gazetteer.open(args.gazetteer)
    from playwright.sync_api import sync_playwright

    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        directory = args.keep or Path(scratch)
        for size in sizes:
            events, titles = synthetic_events(size)
            path = directory / f"map-{size}.html"
            started = time.perf_counter()
            render_map(events, path, offline=not args.online, titles=titles,
                       tiles="osm" if args.online else None, gazetteer=gazetteer)
            render_s = time.perf_counter() - started
            load_s, ready_s, filter_s = browser_load(browser, path)
            labels = place_labels(gazetteer, events)
            raw_mb = len(embed_json(build_payload(events, titles, labels))) / 1e6
            rows.append((size, path.stat().st_size / 1e6, raw_mb, render_s, load_s, ready_s,
                         filter_s, len(labels["name"]), len(embed_json(labels)) / 1e3))
        browser.close()
    print(f"{'events':>8} {'HTML MB':>8} {'JSON MB':>8} {'render s':>9} {'load s':>7} "
          f"{'drawn s':>8} {'filter s':>9} {'labels':>7} {'labels kB':>10}")
    for size, size_mb, raw_mb, render_s, load_s, ready_s, filter_s, labels, kb in rows:
        print(f"{size:>8,} {size_mb:>8.2f} {raw_mb:>8.1f} {render_s:>9.2f} {load_s:>7.2f} "
              f"{ready_s:>8.2f} {filter_s:>9.2f} {labels:>7,} {kb:>10.1f}")
    print("JSON MB: the data before compression (pages above 2 MB of it embed gzip+base64); "
          "filter s: re-clustering after unticking one event type")
    largest = max(rows)
    verdict = {"render_s": largest[3], "load_s": max(largest[4], largest[5]),
               "size_mb": largest[1]}
    print(f"targets at {largest[0]:,} events: " + ", ".join(
        f"{name} {value:.2f} <= {TARGETS[name]} {'ok' if value <= TARGETS[name] else 'MISSED'}"
        for name, value in verdict.items()))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
