"""Which builder wrote the embedded default, and whether that one is stale.

Kept apart from build.py because every ``Gazetteer.open`` of the default path asks the question:
importing the builder (its sources, district tables and their dependencies) would cost a fresh
process more than its first article does, only to learn that nothing needs building.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

#: Bump when the embedded default's content changes (sources, variants, ranking data): an
#: untouched default built by an older geomap is then rebuilt on first use.
BUILDER_VERSION = 14


def is_stale_default(path: str | Path) -> bool:
    """An embedded default from an older builder that nobody imported into (safe to rebuild)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
    except sqlite3.Error:
        return False  # not ours or unreadable: opening it reports that clearly
    if meta.get("origin") != "embedded default" or any(k.startswith("imported:") for k in meta):
        return False
    return meta.get("builder_version") != str(BUILDER_VERSION)
