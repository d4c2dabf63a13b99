#!/usr/bin/env bash
# Reproduces every figure in README.md with the project's own commands, offline, on the
# development sets in ../shared/eval, then rewrites the README's measured tables from them
# (scripts/readme_tables.py): no figure in the README is typed by hand.
#   bash scripts/measure.sh                 # accuracy + speed (~15 min on 2 cores)
#   SKIP_BENCH=1 bash scripts/measure.sh    # accuracy only (~4 min)
#   SKIP_ACCURACY=1 bash scripts/measure.sh # benchmarks only
#   ROWS=13000000 bash scripts/measure.sh   # with the full 13M-row streaming import (~10 min more)
# With ../shared/gazetteer-packs/villages-2018 present, the location figures are also measured
# with the village pack imported into a scratch copy of the gazetteer (the default is untouched).
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=${EVAL:-../shared/eval}
PACK=${PACK:-../shared/gazetteer-packs/villages-2018}
OUT=outputs/measurements
mkdir -p "$OUT"
[ -d "$EVAL" ] || { echo "no evaluation data at $EVAL" >&2; exit 4; }

# name, then the command: JSON to $OUT/name.json, messages to $OUT/name.log.
measure() { local name=$1; shift; echo "== $name: $*" >&2; "$@" --json > "$OUT/$name.json" 2> "$OUT/$name.log"; }
# A benchmark that misses its target exits non-zero: its table still belongs in the README.
bench() { bench_as "$1" "$@"; }
# bench_as LABEL NAME ARGS...: benchmark NAME's table to $OUT/bench-LABEL.txt.
bench_as() {
    local label=$1 name=$2; shift 2; echo "== bench $label" >&2
    python3 scripts/bench.py "$name" "$@" > "$OUT/bench-$label.txt" 2>&1 \
        || echo "(exit status $?: a target was missed or the benchmark failed; see above)" >> "$OUT/bench-$label.txt"
}

if [ -z "${SKIP_ACCURACY:-}" ]; then
for corpus in lgl gwn geovirus wiktor middle_east; do
    measure "geoparse-$corpus" geomap eval geoparse "$EVAL/geoparse/$corpus.jsonl" --offline
done
for corpus in lgl gwn; do
    measure "gold-$corpus" geomap eval geoparse "$EVAL/geoparse/$corpus.jsonl" --offline --gold-spans
done
for corpus in acled gtd plover_gsr; do
    measure "events-$corpus" geomap eval events "$EVAL/events/$corpus.jsonl"
done
[ -f tests/data/press_releases.jsonl ] && measure events-press_releases geomap eval events tests/data/press_releases.jsonl
measure locate geomap eval locate "$EVAL/events/event_location.jsonl"
if geomap eval dedup --help > /dev/null 2>&1; then
    measure dedup-acled geomap eval dedup "$EVAL/events/acled.jsonl" --group-field id
    measure dedup-gtd geomap eval dedup "$EVAL/events/gtd.jsonl" --group-field id
    measure dedup-groups geomap eval dedup tests/events/data/dedup_groups.jsonl
fi

if [ -d "$PACK" ]; then
    # The default gazetteer (built on first use by the commands above) plus the village pack.
    default=$(python3 -c 'from gazetteer.paths import default_path; print(default_path())')
    pack_db="$OUT/pack/gazetteer.sqlite"
    mkdir -p "$OUT/pack"
    rm -f "$pack_db"*
    cp "$default" "$pack_db"
    [ -f "$default.names.marisa" ] && cp "$default.names.marisa" "$pack_db.names.marisa"
    echo "== importing the village pack into $pack_db" >&2
    geomap gazetteer import "$PACK"/*.zip --gazetteer "$pack_db" > "$OUT/pack/import.log" 2>&1
    for corpus in acled gtd; do
        GEOMAP_GAZETTEER="$pack_db" measure "pack-events-$corpus" geomap eval events "$EVAL/events/$corpus.jsonl"
    done
    for corpus in lgl gwn geovirus wiktor middle_east; do
        GEOMAP_GAZETTEER="$pack_db" measure "pack-geoparse-$corpus" geomap eval geoparse "$EVAL/geoparse/$corpus.jsonl" --offline
    done
fi
fi  # SKIP_ACCURACY

if [ -z "${SKIP_BENCH:-}" ]; then
    # With the village pack present, the gazetteer benchmark also imports it into a copy (issue 11).
    pack_args=(); [ -d "$PACK" ] && pack_args=(--pack "$PACK")
    bench gazetteer --rows "${ROWS:-1000000}" "${pack_args[@]}"
    bench geoparse
    # Issue 11's geoparse target is with the village pack: the scratch gazetteer measured above.
    [ -f "$OUT/pack/gazetteer.sqlite" ] && bench_as geoparse-pack geoparse --gazetteer "$OUT/pack/gazetteer.sqlite"
    bench pipeline
    [ -f scripts/benchmarks/dedup.py ] && bench dedup
    [ -f scripts/benchmarks/large_article.py ] && bench large_article
    bench map
    bench scale
fi

python3 scripts/readme_tables.py "$OUT" README.md
echo "README.md tables rewritten from $OUT" >&2
