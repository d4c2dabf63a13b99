#!/usr/bin/env python3
"""Benchmarks: `python scripts/bench.py {gazetteer,geoparse,pipeline,map,scale} [options]`.

Each benchmark lives in scripts/benchmarks/<name>.py with a `main(argv)`; it prints a table.
Speed and memory targets are checked here, never in timed unit tests.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent / "benchmarks"


def main(argv: list[str]) -> int:
    names = sorted(p.stem for p in BENCHMARKS.glob("*.py") if not p.stem.startswith("_"))
    if not argv or argv[0] in {"-h", "--help"} or argv[0] not in names:
        print(__doc__.strip())
        print("available:", ", ".join(names))
        return 0 if argv and argv[0] in {"-h", "--help"} else 2
    spec = importlib.util.spec_from_file_location(f"bench_{argv[0]}", BENCHMARKS / f"{argv[0]}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
