#!/usr/bin/env bash
# Installs everything the test suite needs on a bare Debian machine, then runs it.
# Debian packages: chromium (browser tests drive it through Playwright; never `playwright install`).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core
fi
python3 -m pip install -q -e '.[test]'
python3 -m pytest -n 2 --dist loadgroup -q "$@"
