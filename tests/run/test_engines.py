"""Same articles in, same events out, whatever the engine: in-process, a process pool, Dask."""

from __future__ import annotations

import sqlite3

import pytest

from geomap.model import Article
from geomap.pipeline import run_pipeline
from geomap.synthetic import synthetic_articles


def records(results) -> list[tuple[str, list[dict], tuple[str, ...]]]:
    return [(r.article_id, [e.record() for e in r.events], r.errors) for r in results]


def test_process_pool_matches_local_in_input_order():
    articles = synthetic_articles(150, seed=21)
    local = records(run_pipeline(articles))
    pooled = records(run_pipeline(iter(articles), engine="processes", workers=2, chunk_size=16))
    assert [r[0] for r in pooled] == [a.id for a in articles]
    assert pooled == local
    assert sum(len(r[1]) for r in local) > 50


def test_a_failing_article_yields_an_error_result_and_the_rest_go_on():
    articles = synthetic_articles(5, seed=2)
    # Bytes where the stages need text (as a careless caller might pass): the failure stays
    # inside its ArticleResult.
    broken = Article.__new__(Article)
    for name, value in [("id", "broken"), ("text", b"Shelling in Aleppo."), ("published", None),
                        ("title", None),
                        ("url", None), ("source", None), ("path", None)]:
        object.__setattr__(broken, name, value)
    mixed = [*articles[:2], broken, *articles[2:]]
    for engine in ("local", "processes"):
        results = list(run_pipeline(mixed, engine=engine, workers=2, chunk_size=2))
        assert [r.article_id for r in results] == [a.id for a in mixed]
        assert results[2].errors and not results[2].events
        assert all(r.ok for i, r in enumerate(results) if i != 2)


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        list(run_pipeline([], engine="spark"))


def test_geomap_run_on_dask_writes_the_same_outputs_as_local(job, make_job):
    articles = synthetic_articles(150, seed=4)
    job.add("batch.jsonl", articles)
    local = job.run()
    assert local.returncode == 0, local.stderr

    other = make_job("dask")
    dask_engine = '[engine]\nname = "dask"\nparquet_dir = "parts"\nbatch_size = 10'
    other.config.write_text(other.config.read_text().replace(
        "[engine]\nbatch_size = 10", dask_engine, 1))
    other.add("batch.jsonl", articles)
    on_dask = other.run("--workers", "2")
    assert on_dask.returncode == 0, on_dask.stderr
    assert on_dask.summary["articles_new"] == 150
    assert other.geojson() == job.geojson()
    assert other.output_paths()["csv"].read_bytes() == job.output_paths()["csv"].read_bytes()

    # The workers wrote the partitions' events as Parquet parts: one dataset, every event once.
    import pyarrow.parquet

    parts = sorted((other.root / "parts").glob("run000001-*.parquet"))
    assert len(parts) == 3  # 150 articles in partitions of 64
    table = pyarrow.parquet.read_table(other.root / "parts")
    assert sorted(table.column("event_id").to_pylist()) == sorted(
        row[0] for row in sqlite3.connect(other.store).execute("SELECT event_id FROM events"))


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_events_to_local_on_2000_articles():
    from distributed import Client, LocalCluster

    from geomap.dask_engine import run_on_dask

    articles = synthetic_articles(2000, seed=2016)
    local = records(run_pipeline(articles))
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        distributed = records(run_on_dask(iter(articles), client=client, chunk_size=100))
        workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2
    assert distributed == local
    assert sum(len(r[1]) for r in local) >= 1500
    assert not any(r[2] for r in local)


def test_online_mode_without_a_user_agent_runs_without_the_fallback(monkeypatch):
    monkeypatch.delenv("GEOMAP_USER_AGENT", raising=False)
    articles = synthetic_articles(20, seed=8)
    online = records(run_pipeline(articles, offline=False))
    assert online == records(run_pipeline(articles))


@pytest.mark.slow
def test_geomap_run_on_a_separate_dask_scheduler_forwards_the_gazetteer_to_workers(
        job, make_job, tmp_path, monkeypatch):
    """A real `dask scheduler` + `dask worker` pair, as on a cluster. The worker is started with a
    gazetteer path that does not exist: only the settings the client ships through the worker
    plugin let it open the right one."""
    import json
    import os
    import subprocess
    import sys
    import time

    from gazetteer.paths import default_path

    articles = synthetic_articles(30, seed=6)
    job.add("batch.jsonl", articles)
    assert job.run().returncode == 0

    scheduler_file = tmp_path / "scheduler.json"
    worker_env = {**os.environ, "GEOMAP_GAZETTEER": "/proc/geomap-nowhere/gazetteer.sqlite"}
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    scheduler = subprocess.Popen([*dask, "--scheduler-file", str(scheduler_file), "--port", "0",
                                  "--no-dashboard"], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        worker = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "1",
             "--nthreads", "1", "--no-dashboard"], env=worker_env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        other = make_job("cluster")
        other.add("batch.jsonl", articles)
        monkeypatch.setenv("GEOMAP_GAZETTEER", str(default_path()))
        done = other.run("--scheduler", address)
        assert done.returncode == 0, done.stderr
        assert done.summary["articles_failed"] == 0
        assert other.geojson() == job.geojson()
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)


def test_the_public_pipeline_object_binds_engine_settings():
    import geomap
    from geomap.events.dedup import deduplicate

    articles = synthetic_articles(30, seed=12)
    pipeline = geomap.Pipeline(engine="processes", workers=2, chunk_size=8)
    assert [r.article_id for r in pipeline.run(articles)] == [a.id for a in articles]
    local_events = [e for r in run_pipeline(articles) for e in r.events]
    assert pipeline.events(articles) == deduplicate(local_events)
    assert pipeline.process(articles[0]).events == tuple(
        e for e in local_events if e.article_id == articles[0].id)
