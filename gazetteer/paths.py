"""Where the gazetteer file lives, and the lock that serialises its builders."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

#: Environment variable overriding the default gazetteer path.
ENV_VAR = "GEOMAP_GAZETTEER"


def default_path() -> Path:
    """$GEOMAP_GAZETTEER, else <user cache dir>/geomap/gazetteer.sqlite."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("geomap")) / "gazetteer.sqlite"


@contextlib.contextmanager
def exclusive_lock(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock tied to ``path`` (pytest-xdist workers, two CLIs, cron + a user).

    flock on a sidecar ``.lock`` file: released by the kernel if the holder dies, so a killed
    builder never leaves a stale lock behind.
    """
    lock_path = Path(path).with_name(Path(path).name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


#: The curated data files shipped with the package (package-data "data/*").
DATA_DIR = Path(__file__).resolve().parent / "data"
