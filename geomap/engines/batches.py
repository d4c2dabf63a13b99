"""Chunks in, results out in submission order, with a bounded window in flight."""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Articles per task: large enough that pickling and scheduling cost little per article, small
#: enough that a slow article does not hold a worker's whole share of the run.
CHUNK_SIZE = 64


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def ordered_results(chunks: Iterator[list[T]], submit: Callable[[list[T]], object],
                    result: Callable[[object], list[R]], window: int) -> Iterator[R]:
    """Keep ``window`` chunks in flight; yield their results in submission order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def worker_count(workers: int | None) -> int:
    return max(1, workers or os.cpu_count() or 1)
