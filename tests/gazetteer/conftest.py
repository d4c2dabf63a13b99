"""Fixtures of the gazetteer tests: the default gazetteer and small GeoNames-shaped files."""

from __future__ import annotations

from pathlib import Path

import pytest
from geonames_rows import SAMPLE_ROWS

from gazetteer import Gazetteer
from gazetteer.importer import import_files


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The embedded default at the default path: built once, shared by xdist workers (lock)."""
    return Gazetteer.open()


@pytest.fixture
def sample_geonames(tmp_path: Path) -> Path:
    path = tmp_path / "SY.txt"
    path.write_text("\n".join(SAMPLE_ROWS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small_gazetteer(tmp_path: Path, sample_geonames: Path):
    """A writable gazetteer with only the sample rows (for fallback and write tests)."""
    database = tmp_path / "small.sqlite"
    reports = import_files(database, [sample_geonames])
    assert reports[0].ok and reports[0].imported == len(SAMPLE_ROWS)
    gazetteer = Gazetteer.open(database)
    yield gazetteer
    gazetteer.close()
