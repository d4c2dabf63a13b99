"""Run a snippet in a fresh interpreter: what a module imports shows only in a process that has
not imported it yet, and the test process has imported nearly everything long ago."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_fresh(code: str) -> str:
    """``code``'s standard output (stripped), run by ``python -c`` from the project root."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
