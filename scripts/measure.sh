#!/usr/bin/env bash
# Reproduces every figure in README.md with the project's own commands, offline, on the
# development sets in ../shared/eval. Writes one text file per measurement to outputs/measurements/.
#   bash scripts/measure.sh            # accuracy + speed (~10 min on 2 cores)
#   ROWS=13000000 bash scripts/measure.sh   # with the full 13M-row streaming import (~10 min more)
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${EVAL:-../shared/eval}
OUT=outputs/measurements
mkdir -p "$OUT"
[ -d "$EVAL" ] || { echo "no evaluation data at $EVAL" >&2; exit 4; }

run() { local name=$1; shift; echo "== $name: $*" >&2; "$@" > "$OUT/$name.txt" 2>&1; cat "$OUT/$name.txt"; }

run geoparse-pipeline geomap eval geoparse "$EVAL"/geoparse/{lgl,gwn,geovirus,wiktor,middle_east}.jsonl --offline
run geoparse-gold-spans geomap eval geoparse "$EVAL"/geoparse/{lgl,gwn}.jsonl --offline --gold-spans
run events geomap eval events "$EVAL"/events/{acled,gtd,plover_gsr}.jsonl
run locate geomap eval locate "$EVAL"/events/event_location.jsonl
run bench-gazetteer python3 scripts/bench.py gazetteer --rows "${ROWS:-1000000}"
run bench-geoparse python3 scripts/bench.py geoparse
run bench-pipeline python3 scripts/bench.py pipeline
run bench-map python3 scripts/bench.py map
run bench-scale python3 scripts/bench.py scale
