"""The process-pool engine: chunks of articles on ``workers`` processes of this machine.

Workers are spawned (a fork of a process holding SQLite connections and threads is unsafe; unlike
forkserver, spawn leaves no server process behind and makes every worker our direct child) and
die with the run that started them, so a kill -9 of a scheduled run leaves nothing behind.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from geomap.engines.batches import chunked, ordered_results, worker_count


def run_processes(items: Iterable[Any], work: Callable[..., list], *args: Any,
                  workers: int | None, chunk_size: int) -> Iterator[Any]:
    """``work(chunk, *args)`` for each chunk on a pool; results in input order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    count = worker_count(workers)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context,
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        yield from ordered_results(
            chunked(items, chunk_size),
            lambda chunk: pool.submit(work, chunk, *args),
            lambda future: future.result(),
            window=count * 4,
        )


def die_with_parent(parent: int) -> None:
    """Pool worker initializer: end this worker when the run that started it dies (kill -9).

    Without it a killed run leaves its workers blocked on their task queue forever, and under
    cron they pile up hour after hour. Linux: the kernel sends SIGKILL (PR_SET_PDEATHSIG);
    elsewhere a watchdog thread polls the parent's pid.
    """
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    else:
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, daemon=True, name="parent-watchdog").start()
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
