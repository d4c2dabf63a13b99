#!/usr/bin/env python3
"""Write the README's measured tables from scripts/measure.sh's output; nothing is typed by hand.

    python3 scripts/readme_tables.py outputs/measurements README.md

Each table lives between ``<!-- measured:NAME -->`` and ``<!-- /measured:NAME -->`` in the README;
this script replaces what is between the markers and leaves the prose around them alone. A figure
whose measurement is missing shows as "–", so a partial run never leaves a stale number behind.
Benchmarks are quoted as they printed (their own tables), under the command that printed them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

GEOPARSE_CORPORA = ("lgl", "gwn", "geovirus", "wiktor", "middle_east")
#: corpus -> (F1 or recall target, Acc@161 target): the geoparse issue's targets, held since.
GEOPARSE_TARGETS = {"lgl": (0.80, 0.85), "gwn": (0.85, 0.93), "geovirus": (0.85, 0.88),
                    "wiktor": (0.85, 0.70), "middle_east": (0.85, 0.90)}
GOLD_TARGETS = {"lgl": 0.88, "gwn": 0.95}
BENCHMARKS = ("gazetteer", "geoparse", "geoparse-pack", "pipeline", "dedup", "large_article", "map",
              "scale")
#: The command line of a benchmark whose output label is not its name.
BENCH_COMMANDS = {
    "geoparse-pack": "geoparse --gazetteer outputs/measurements/pack/gazetteer.sqlite",
}


def load(directory: Path, name: str) -> Any:
    path = directory / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def dig(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def num(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return f"{value:.{digits}f}"


def target(value: Any, goal: float | None) -> str:
    if goal is None:
        return "–"
    if value is None:
        return f"{goal:.2f}"
    return f"{goal:.2f} {'✓' if value >= goal else '✗'}"


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def geoparse_table(directory: Path, prefix: str) -> str:
    lines = [row("corpus", "docs", "P", "R", "F1", "target", "Acc@161", "target", "AUC",
                 "mean / median km", "geonameid", "unresolved"),
             row("---", *["---:"] * 11)]
    for corpus in GEOPARSE_CORPORA:
        data = load(directory, f"{prefix}-{corpus}")
        if data is None:
            continue
        recall_only = corpus == "wiktor"
        # WikToR annotates one toponym per page: its report has recall only (METRICS.md).
        tolerant = data.get("tolerant") or {"recall": data.get("recall_tolerant")}
        f1_goal, acc_goal = GEOPARSE_TARGETS[corpus]
        headline = tolerant.get("recall") if recall_only else tolerant.get("f1")
        lines.append(row(
            corpus + (" (recall only)" if recall_only else ""), num(data.get("documents")),
            "–" if recall_only else num(tolerant.get("precision")), num(tolerant.get("recall")),
            "–" if recall_only else f"**{num(tolerant.get('f1'))}**",
            ("R " if recall_only else "") + target(headline, f1_goal),
            f"**{num(data.get('acc161'))}**", target(data.get("acc161"), acc_goal),
            num(data.get("auc")),
            f"{num(data.get('mean_km'), 0)} / {num(data.get('median_km'), 0)}",
            num(data.get("geonameid_accuracy")), num(data.get("unresolved"))))
    return "\n".join(lines)


def gold_table(directory: Path, prefix: str) -> str:
    lines = [row("corpus (gold spans)", "Acc@161", "target", "AUC", "geonameid"),
             row("---", "---:", "---:", "---:", "---:")]
    for corpus, goal in GOLD_TARGETS.items():
        data = load(directory, f"{prefix}-{corpus}")
        if data is not None:
            lines.append(row(corpus, f"**{num(data.get('acc161'))}**",
                             target(data.get("acc161"), goal), num(data.get("auc")),
                             num(data.get("geonameid_accuracy"))))
    return "\n".join(lines)


def corpus_result(directory: Path, name: str, key: str) -> dict[str, Any] | None:
    data = load(directory, name)
    return data.get(key) if isinstance(data, dict) else None


def events_table(directory: Path) -> str:
    acled = corpus_result(directory, "events-acled", "acled")
    gtd = corpus_result(directory, "events-gtd", "gtd")
    press = load(directory, "events-press_releases")
    press = next(iter(press.values()), None) if isinstance(press, dict) else None
    plover = corpus_result(directory, "events-plover_gsr", "plover_gsr")
    pack_acled = corpus_result(directory, "pack-events-acled", "acled")
    pack_gtd = corpus_result(directory, "pack-events-gtd", "gtd")
    rows = [
        ("acled", "event_type accuracy (macro-F1)", dig(acled, "event_type_accuracy"), 0.92,
         f" ({num(dig(acled, 'event_type_macro_f1'))})"),
        ("acled", "sub_event_type accuracy", dig(acled, "sub_event_type_accuracy"), 0.88, ""),
        ("acled", "fatalities exact", dig(acled, "fatalities", "exact"), 0.96, ""),
        ("acled", "event date exact", dig(acled, "date", "exact"), 0.97, ""),
        ("acled", "actor1 / actor2 interaction-code agreement",
         dig(acled, "actors", "actor1", "inter_agreement"), None,
         f" / {num(dig(acled, 'actors', 'actor2', 'inter_agreement'))}"),
        ("acled p1–2, embedded gazetteer", "within 25 km (161 km)",
         dig(acled, "location_precision_1_2", "within_25km"), 0.62,
         f" ({num(dig(acled, 'location_precision_1_2', 'within_161km'))})"),
        ("acled p1–2, + village pack", "within 25 km (161 km)",
         dig(pack_acled, "location_precision_1_2", "within_25km"), 0.78,
         f" ({num(dig(pack_acled, 'location_precision_1_2', 'within_161km'))})"),
        ("gtd", "event type through the GTD→ACLED crosswalk",
         dig(gtd, "crosswalk_event_type_accuracy"), 0.88, ""),
        ("gtd", "killed exact", dig(gtd, "fatalities", "exact"), 0.93, ""),
        ("gtd", "wounded exact", dig(gtd, "injured_exact"), 0.95, ""),
        ("gtd", "event date exact", dig(gtd, "date", "exact"), 0.98, ""),
        ("gtd spec. 1–2, embedded gazetteer", "within 25 km (161 km)",
         dig(gtd, "location_specificity_1_2", "within_25km"), 0.65,
         f" ({num(dig(gtd, 'location_specificity_1_2', 'within_161km'))})"),
        ("gtd spec. 1–2, + village pack", "within 25 km (161 km)",
         dig(pack_gtd, "location_specificity_1_2", "within_25km"), 0.72,
         f" ({num(dig(pack_gtd, 'location_specificity_1_2', 'within_161km'))})"),
        ("press releases (our own, tests/data)", "killed exact",
         dig(press, "fatalities", "exact"), 0.85, ""),
        ("press releases (our own, tests/data)", "event date exact",
         dig(press, "date", "exact"), 0.85, ""),
        ("plover_gsr", "compatible type / false events on statements",
         dig(plover, "compatible_type"), None,
         f" / {num(dig(plover, 'false_event_rate'))}"),
    ]
    counts = {"acled": dig(acled, "n"), "gtd": dig(gtd, "n")}
    lines = [row("corpus", "measure", "result", "target"), row("---", "---", "---:", "---:")]
    previous = None
    for corpus, measure, value, goal, extra in rows:
        label = "″" if corpus == previous else (
            f"{corpus} ({num(counts[corpus])})" if counts.get(corpus) else corpus)
        previous = corpus
        lines.append(row(label, measure, f"**{num(value)}**{extra}", target(value, goal)))
    return "\n".join(lines)


def locate_table(directory: Path) -> str:
    data = load(directory, "locate")
    lines = [row("corpus", "measure", "result", "target"), row("---", "---", "---:", "---:")]
    overlap = dig(data, "overlap", "f1")
    lines.append(row(f"event_location ({num(dig(data, 'verbs'))} verbs)", "span F1 overlap / exact",
                     f"**{num(overlap)}** / {num(dig(data, 'exact', 'f1'))}",
                     target(overlap, 0.85)))
    lines.append(row("event_location", "verbs without a gold place / null accuracy",
                     f"{num(dig(data, 'gold_null'))} / {num(dig(data, 'null_accuracy'))}", "–"))
    return "\n".join(lines)


def dedup_table(directory: Path) -> str:
    lines = [row("labelled file", "records", "kept as their own event", "pairwise P / R / F1",
                 "B-cubed P / R / F1", "target"),
             row("---", "---:", "---:", "---:", "---:", "---:")]
    for name, label, goal in (
            ("dedup-acled", "acled, each record its own group", 0.95),
            ("dedup-gtd", "gtd, each record its own group", 0.95),
            ("dedup-groups", "our own labelled report groups (tests/events/data)", None)):
        data = load(directory, name)
        if data is None:
            continue
        distinct = data.get("groups") == data.get("records")
        # "Kept as its own event" means something only when every record is its own happening;
        # with one record per group there is no true pair, so pairwise P/R say nothing there.
        kept = data.get("records_kept_as_own_event") if distinct else None
        pairwise = "–" if distinct else " / ".join(
            num(data.get(f"pairwise_{k}")) for k in ("precision", "recall", "f1"))
        lines.append(row(
            label, num(data.get("records")), f"**{num(kept)}**", pairwise,
            " / ".join(num(data.get(f"bcubed_{k}")) for k in ("precision", "recall", "f1")),
            target(kept, goal) if goal else "–"))
    return "\n".join(lines)


def bench_block(directory: Path) -> str:
    parts = []
    for name in BENCHMARKS:
        path = directory / f"bench-{name}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8", errors="replace").strip("\n")
        # Progress bars and warnings are for the terminal, not for the README.
        text = "\n".join(line for line in text.splitlines()
                         if "\r" not in line and not line.startswith(("==", "WARNING")))
        command = BENCH_COMMANDS.get(name, name)
        parts.append(f"`python3 scripts/bench.py {command}`\n\n```\n{text}\n```")
    return "\n\n".join(parts) if parts else "(no benchmark output in this run)"


SECTIONS = {
    "geoparse": lambda d: geoparse_table(d, "geoparse"),
    "geoparse-pack": lambda d: geoparse_table(d, "pack-geoparse"),
    "gold-spans": lambda d: gold_table(d, "gold"),
    "events": events_table,
    "locate": locate_table,
    "dedup": dedup_table,
    "benchmarks": bench_block,
}


def rewrite(readme: str, directory: Path) -> str:
    for name, build in SECTIONS.items():
        pattern = re.compile(rf"(<!-- measured:{re.escape(name)} -->\n).*?(<!-- /measured:"
                             rf"{re.escape(name)} -->)", re.DOTALL)
        if pattern.search(readme):
            table = build(directory)
            readme = pattern.sub(lambda m, t=table: m.group(1) + t + "\n" + m.group(2), readme)
    return readme


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    directory, readme_path = Path(argv[0]), Path(argv[1])
    readme = readme_path.read_text(encoding="utf-8")
    updated = rewrite(readme, directory)
    if updated != readme:
        readme_path.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
