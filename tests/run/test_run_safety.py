"""A second run exits with the lock message; kill -9 at any moment never breaks outputs or store."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import time

import pytest

from geomap.synthetic import synthetic_articles


def test_a_run_while_another_holds_the_lock_exits_7_and_touches_nothing(job, corpus):
    from geomap.lock import lock_path_for, run_lock

    job.add("batch.jsonl", corpus[:5])
    with run_lock(lock_path_for(job.store)):
        blocked = job.run()
    assert blocked.returncode == 7
    assert "another geomap run holds the lock" in blocked.stderr
    assert not job.outputs.exists()
    assert job.run().returncode == 0


def test_two_concurrent_runs_one_exits_7(job):
    # The first run reads a named pipe, so it holds the lock for exactly as long as the test
    # keeps the pipe open, however fast or loaded the machine is.
    job.add("batch.jsonl", synthetic_articles(20, seed=11))
    pipe = job.root / "stream.jsonl"
    os.mkfifo(pipe)
    job.config.write_text(job.config.read_text().replace(
        'paths = ["articles/"]', 'paths = ["articles/", "stream.jsonl"]'))
    first = job.start()
    lock = job.store.with_name(job.store.name + ".lock")
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
        assert time.monotonic() < deadline and first.poll() is None, "first run never locked"
        time.sleep(0.05)
    second = job.run()
    with open(pipe, "w", encoding="utf-8") as writer:
        writer.write(json.dumps({"id": "piped", "text": "Clashes erupted in Homs."}) + "\n")
    _, first_stderr = first.communicate(timeout=240)
    assert (first.returncode, second.returncode) == (0, 7), first_stderr
    assert f"another geomap run holds the lock {lock} (pid {first.pid})" in second.stderr
    assert outcome_summary(first_stderr)["articles_new"] == 21


def outcome_summary(stderr: str) -> dict:
    lines = [json.loads(line) for line in stderr.splitlines() if '"run_id"' in line]
    return lines[-1]


def store_differences(job, twin) -> list[str]:
    """Articles whose stored events differ between two jobs (for a readable failure)."""
    def events(target) -> dict[str, list[str]]:
        with sqlite3.connect(target.store) as connection:
            rows = connection.execute("SELECT article_id, data FROM events ORDER BY event_id")
            found: dict[str, list[str]] = {}
            for article_id, data in rows:
                found.setdefault(article_id, []).append(data)
        return found

    mine, theirs = events(job), events(twin)
    return sorted(a for a in set(mine) | set(theirs) if mine.get(a) != theirs.get(a))


def outputs_are_valid(job) -> None:
    """What a reader (web server, GIS) sees after a crash: complete files, never halves."""
    document = job.geojson()
    assert document["type"] == "FeatureCollection" and document["features"]
    html = job.output_paths()["map"].read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and html.rstrip().endswith("</html>")
    lines = job.output_paths()["csv"].read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id,")


@pytest.mark.slow
def test_kill_9_at_random_points_never_breaks_outputs_and_the_next_run_completes(job, make_job):
    """Ten trials: new articles arrive, a run starts and is killed at a random moment of it
    (stratified, so the kills spread over start-up, reading, processing, store commits and output
    writing); the outputs must still parse and the store be whole; the next run must end exactly
    where an uninterrupted twin job, fed the same articles, is."""
    rng = random.Random(20161007)
    twin = make_job("twin")
    for target in (job, twin):
        target.add("base.jsonl", synthetic_articles(60, seed=5))
        assert target.run().returncode == 0
    killed_at_work = 0

    for trial in range(10):
        new = synthetic_articles(100, seed=100 + trial, prefix=f"t{trial}")
        for target in (job, twin):
            target.add(f"trial-{trial}.jsonl", new)
        started = time.monotonic()
        assert twin.run().returncode == 0
        duration = time.monotonic() - started

        process = job.start()
        time.sleep(duration * (trial + rng.random()) / 10)
        killed_at_work += process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)

        outputs_are_valid(job)
        with sqlite3.connect(job.store) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert connection.execute(
                "SELECT count(*) FROM events WHERE article_id NOT IN "
                "(SELECT article_id FROM articles)").fetchone() == (0,)

        completed = job.run()
        assert completed.returncode == 0, completed.stderr
        outputs_are_valid(job)
        assert not [p for p in job.outputs.iterdir() if p.name.startswith(".")], \
            "temp files of the killed run were not cleaned up"
        assert job.geojson() == twin.geojson(), f"trial {trial}: {store_differences(job, twin)}"
        assert job.output_paths()["csv"].read_bytes() == twin.output_paths()["csv"].read_bytes()
    assert killed_at_work >= 8, "the kills should land while the run works"
