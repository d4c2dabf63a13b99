"""Atomic file replacement: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO]:
    """Write ``path`` through a temporary file in the same directory, then ``os.replace`` it.

    The temp file is fsynced before the rename and the directory after it, so a crash (or kill -9)
    at any point leaves either the previous file or the complete new one. The result gets mode 0644
    (mkstemp's 0600 would hide the map from a web server). On an exception the temp file is removed
    and the previous file is untouched.

    >>> with atomic_write("outputs/events.csv") as handle:   # doctest: +SKIP
    ...     handle.write("event_id\\n")
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as handle:
            yield handle
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _commit(temp_name, target)


def atomic_path(path: str | os.PathLike) -> contextlib.AbstractContextManager[Path]:
    """Like atomic_write, for writers that need a path (GDAL, pyarrow) rather than a handle."""
    return _atomic_path(Path(path))


@contextlib.contextmanager
def _atomic_path(target: Path) -> Iterator[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix,
                                     dir=target.parent)
    os.close(fd)
    os.unlink(temp_name)  # GDAL refuses to create over an existing file
    try:
        yield Path(temp_name)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _commit(temp_name, target)


def _commit(temp_name: str, target: Path) -> None:
    """fsync the finished temp file, give it mode 0644, rename it over target, fsync the dir."""
    try:
        with open(temp_name, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_directory(target.parent)


def fsync_directory(directory: str | os.PathLike) -> None:
    """Make a rename durable: fsync the directory entry (a no-op where the OS forbids it)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
