#!/usr/bin/env bash
# Cron/systemd entry point for the scheduled map regeneration:
#   scripts/regenerate.sh [CONFIG.toml] [extra `geomap run` options...]
#
# - `flock -n` makes an overlapping start exit at once (status 7, like geomap's own lock) instead
#   of queueing runs behind a slow one; geomap also holds a lock of its own next to the store.
# - Activates a virtualenv if there is one ($GEOMAP_VENV, else .venv/ or venv/ in the project).
# - Appends stderr+stdout to $GEOMAP_LOG_DIR/regenerate.log (default: <project>/outputs/logs),
#   one JSON line per log record; under systemd (INVOCATION_ID set) it logs to the journal instead.
set -euo pipefail

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="${1:-${GEOMAP_CONFIG:-$project/examples/geomap.toml}}"
shift || true

venv="${GEOMAP_VENV:-}"
if [ -z "$venv" ]; then
    for candidate in "$project/.venv" "$project/venv"; do
        if [ -f "$candidate/bin/activate" ]; then venv="$candidate"; break; fi
    done
fi
if [ -n "$venv" ]; then
    # shellcheck disable=SC1091
    source "$venv/bin/activate"
fi

if ! command -v geomap >/dev/null 2>&1; then
    echo "regenerate.sh: geomap is not installed (pip install -e $project, or set GEOMAP_VENV)" >&2
    exit 1
fi

if [ -z "${INVOCATION_ID:-}" ]; then
    log_dir="${GEOMAP_LOG_DIR:-$project/outputs/logs}"
    mkdir -p "$log_dir"
    exec >>"$log_dir/regenerate.log" 2>&1
fi

lock="${GEOMAP_LOCK:-${XDG_RUNTIME_DIR:-/tmp}/geomap-regenerate.$(id -u).lock}"
# -E 7: report "already running" with the same code as geomap's own lock.
exec flock -n -E 7 "$lock" geomap run --config "$config" --log-json "$@"
