"""Infrastructure failures stop the run before any article, keep events and outputs, and exit
with their documented code: 5 gazetteer, 8 a store path that is not ours, 9 store unusable."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from geomap.store import EventStore
from geomap.synthetic import synthetic_articles


@pytest.fixture(scope="module")
def corrupt_gazetteer(tmp_path_factory) -> Path:
    """A copy of the default gazetteer whose pages after the first are garbage."""
    from gazetteer import Gazetteer

    source = Gazetteer.open().path
    target = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    shutil.copyfile(source, target)
    with target.open("r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        for offset in range(4096, size, 4096):
            handle.seek(offset)
            handle.write(b"\xa5" * 512)
    return target


def store_events(job) -> int:
    with sqlite3.connect(job.store) as connection:
        return connection.execute("SELECT count(*) FROM events").fetchone()[0]


def snapshot(job) -> dict[str, tuple[int, bytes]]:
    return {kind: (path.stat().st_mtime_ns, path.read_bytes())
            for kind, path in job.output_paths().items()}


def test_a_corrupt_gazetteer_exits_5_and_keeps_every_event_and_output(job, corrupt_gazetteer):
    articles = synthetic_articles(12, seed=21)
    job.add("batch.jsonl", articles)
    assert job.run().returncode == 0
    before, events = snapshot(job), store_events(job)
    assert events > 0
    # Changed articles and a pipeline-wide reprocess are what used to wipe events.
    job.add("batch.jsonl", [*articles[:7], *synthetic_articles(5, seed=22, start=7)])
    job.write_config(f'[gazetteer]\npath = "{corrupt_gazetteer}"\n')
    broken = job.run()
    assert broken.returncode == 5, broken.stderr
    assert "Traceback" not in broken.stderr
    assert snapshot(job) == before
    assert store_events(job) == events
    with EventStore.open(job.store) as store:
        assert store.article_count("failed") == 0


def test_a_named_gazetteer_that_is_missing_exits_5_and_is_not_built(job, tmp_path):
    job.add("batch.jsonl", synthetic_articles(3, seed=23))
    named = tmp_path / "typo" / "gazetteer.sqlite"
    outcome = job.run("--gazetteer", str(named), timeout=60)
    assert outcome.returncode == 5, outcome.stderr
    assert "no gazetteer file here" in outcome.stderr
    assert not named.exists() and not job.outputs.exists()


def test_export_never_overwrites_its_output_with_a_corrupt_gazetteer(tmp_path,
                                                                     corrupt_gazetteer):
    article = tmp_path / "a.txt"
    article.write_text("Shelling struck Homs on Monday, killing four people.", encoding="utf-8")
    output = tmp_path / "events.geojson"
    output.write_text('{"type": "FeatureCollection", "features": ["kept"]}', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "geomap", "export", str(article), "-o", str(output),
         "--gazetteer", str(corrupt_gazetteer), "--offline"],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 5, done.stderr
    assert '"kept"' in output.read_text(encoding="utf-8")


def garble(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\x00\xff" * 4096)


@pytest.mark.parametrize("damage", ["garbled pages", "zero bytes", "under a file"])
def test_an_unusable_store_is_one_line_and_exit_9(job, damage):
    job.add("batch.jsonl", synthetic_articles(6, seed=24))
    assert job.run().returncode == 0
    before = snapshot(job)
    if damage == "garbled pages":
        garble(job.store)
    elif damage == "zero bytes":
        job.store.write_bytes(b"")
    else:
        (job.root / "file").write_text("x")
        job.config.write_text(job.config.read_text().replace(
            'path = "state/geomap.sqlite"', 'path = "file/geomap.sqlite"'))
    outcome = job.run(timeout=120)
    assert outcome.returncode == 9, outcome.stderr
    errors = [entry for entry in outcome.log if entry["level"] == "error"]
    assert len(errors) == 1 and "Traceback" not in outcome.stderr
    assert "\n" not in errors[0]["message"]
    assert snapshot(job) == before
    if damage == "zero bytes":
        assert job.store.stat().st_size == 0  # never silently recreated


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only directories")
def test_a_store_in_a_read_only_directory_is_exit_9(job):
    job.add("batch.jsonl", synthetic_articles(2, seed=25))
    job.store.parent.mkdir()
    job.store.parent.chmod(0o555)
    try:
        outcome = job.run(timeout=60)
    finally:
        job.store.parent.chmod(0o755)
    assert outcome.returncode == 9, outcome.stderr


def test_a_store_path_that_is_an_output_or_a_foreign_file_is_refused_naming_the_key(job):
    job.add("batch.jsonl", synthetic_articles(2, seed=26))
    job.config.write_text(job.config.read_text().replace(
        'path = "state/geomap.sqlite"', 'path = "outputs/events.csv"'))
    same = job.run(timeout=60)
    assert same.returncode == 8 and "store.path" in same.stderr

    foreign = job.root / "state" / "geomap.sqlite"
    foreign.parent.mkdir()
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO customers VALUES (1, 'someone else')")
    connection.close()
    original = foreign.read_bytes()
    job.write_config()
    taken = job.run(timeout=60)
    assert taken.returncode == 8, taken.stderr
    assert "store.path" in taken.stderr and "another program" in taken.stderr
    assert foreign.read_bytes() == original
    assert not job.outputs.exists()


def test_check_passes_on_a_good_job_and_stops_at_the_first_problem(job, tmp_path):
    job.add("batch.jsonl", synthetic_articles(2, seed=27))
    good = job.run("--check", timeout=120)
    assert good.returncode == 0, good.stderr
    assert "check passed" in good.stderr
    assert not job.store.exists() and not job.outputs.exists()  # a check touches nothing

    missing = job.run("--check", "--gazetteer", str(tmp_path / "none.sqlite"), timeout=60)
    assert missing.returncode == 5
    (job.root / "blocker").write_text("x")
    job.config.write_text(job.config.read_text().replace(
        'csv = "outputs/events.csv"', 'csv = "blocker/events.csv"'))
    blocked = job.run("--check", timeout=120)
    assert blocked.returncode == 8 and "outputs.csv" in blocked.stderr
