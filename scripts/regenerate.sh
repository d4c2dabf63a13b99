#!/usr/bin/env bash
# Cron/systemd entry point for the scheduled map regeneration:
#   scripts/regenerate.sh [CONFIG.toml] [extra `geomap run` options...]
#
# - `flock -n` on a lock named after the config file makes an overlapping start of the SAME job
#   exit at once (status 7, like geomap's own lock, with a log line saying so) instead of queueing
#   runs behind a slow one; jobs with other configs run side by side. geomap also holds a lock of
#   its own next to the store.
# - Activates a virtualenv if there is one ($GEOMAP_VENV, else .venv/ or venv/ in the project).
# - Appends stderr+stdout to $GEOMAP_LOG_DIR/regenerate.log (default: <project>/outputs/logs),
#   one JSON line per log record; under systemd (INVOCATION_ID set) it logs to the journal instead.
set -euo pipefail

project="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="${1:-${GEOMAP_CONFIG:-$project/examples/geomap.toml}}"
shift || true

log_line() {  # one JSON log line, in the format geomap itself writes
    printf '{"time": "%s", "level": "%s", "logger": "geomap.regenerate", "message": "%s"}\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" >&2
}

if [ -z "${INVOCATION_ID:-}" ]; then
    log_dir="${GEOMAP_LOG_DIR:-$project/outputs/logs}"
    if ! mkdir -p "$log_dir" 2>/dev/null || [ ! -w "$log_dir" ]; then
        log_line error "cannot write the log directory $log_dir (create it for this user, or set GEOMAP_LOG_DIR)"
        exit 8
    fi
    exec >>"$log_dir/regenerate.log" 2>&1
fi

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
    log_line error "geomap is not installed (pip install -e $project, or set GEOMAP_VENV)"
    exit 1
fi

config_abs="$(realpath -m -- "$config")"
config_key="$(printf '%s' "$config_abs" | sha256sum | cut -c1-12)"
lock="${GEOMAP_LOCK:-${XDG_RUNTIME_DIR:-/tmp}/geomap-regenerate.$(id -u).$config_key.lock}"
exec 9>>"$lock"
if ! flock -n 9; then
    log_line warning "another run of $config_abs holds $lock; this run did nothing"
    exit 7
fi
# The lock stays held through fd 9, inherited by geomap (and released when it exits).
exec geomap run --config "$config" --log-json "$@"
