"""An exclusive, non-blocking run lock: fcntl.flock on a file next to the store.

flock locks die with the process (kill -9 included), so a crashed run never leaves a stale lock
behind; the pid written into the file is only for the message a second run prints.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from geomap.errors import LockHeld, StoreUnusable


def lock_path_for(store_path: str | os.PathLike) -> Path:
    path = Path(store_path)
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def run_lock(path: str | os.PathLike) -> Iterator[Path]:
    """Hold the lock for the block; raise LockHeld (exit code 7) at once if another run has it."""
    lock_file = Path(path)
    try:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        # The lock lives beside the store: where it cannot be made, neither can the store.
        raise StoreUnusable(f"{lock_file}: cannot create the run lock beside the store: "
                            f"{error.strerror or error}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            raise LockHeld(
                f"another geomap run holds the lock {lock_file} (pid {holder}); "
                "this run did nothing") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield lock_file
    finally:
        os.close(fd)  # closing the last descriptor releases the flock
