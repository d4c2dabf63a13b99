"""Progress of a long command on stderr: a tqdm bar on a terminal, a periodic line in a log.

Nothing is shown for a job that ends within a second; stdout stays free for the results.

    >>> with progress("map", unit="article") as advance:      # doctest: +SKIP
    ...     for article in articles:
    ...         advance()
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

#: Seconds before anything is shown, and between two log lines when stderr is not a terminal.
QUIET_SECONDS = 1.0
LOG_EVERY_SECONDS = 10.0


@contextmanager
def progress(what: str, *, unit: str = "article", total: int | None = None,
             stream: TextIO | None = None,
             clock: Callable[[], float] = time.monotonic) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n=1)``; show the count (and rate) while the block runs."""
    stream = stream or sys.stderr
    if _is_terminal(stream):
        from tqdm import tqdm

        with tqdm(desc=f"geomap {what}", unit=unit, total=total, file=stream,
                  delay=QUIET_SECONDS, leave=False, dynamic_ncols=True) as bar:
            yield bar.update
        return
    started = clock()
    state = {"done": 0, "next": started + QUIET_SECONDS}

    def advance(count: int = 1) -> None:
        state["done"] += count
        now = clock()
        if now >= state["next"]:
            state["next"] = now + LOG_EVERY_SECONDS
            elapsed = now - started
            of = f"/{total}" if total else ""
            stream.write(f"geomap {what}: {state['done']}{of} {unit}s, {elapsed:.0f} s, "
                         f"{state['done'] / elapsed:.1f} {unit}s/s\n")
            stream.flush()

    yield advance


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
