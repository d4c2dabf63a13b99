"""`geomap export --engine` runs the same pipeline wherever it runs: same input, same events."""

from __future__ import annotations

from pathlib import Path

from geomap.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_export_gives_identical_events_on_the_process_pool(tmp_path):
    inputs = [str(path) for path in sorted(EXAMPLES.glob("*.txt"))]
    assert inputs, "the project ships example articles"
    local, pooled = tmp_path / "local.csv", tmp_path / "pooled.csv"
    assert main(["export", *inputs, "--offline", "-o", str(local)]) == 0
    assert main(["export", *inputs, "--offline", "--engine", "processes", "--workers", "2",
                 "-o", str(pooled)]) == 0
    assert local.read_text().count("\n") > 1  # events were found, not two empty files
    assert pooled.read_text() == local.read_text()
