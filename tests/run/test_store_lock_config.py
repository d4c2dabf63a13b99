"""The store, the lock and the config on their own: the guarantees the scheduled run builds on."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from geomap.config import KEYS, load_config
from geomap.errors import EXIT_CONFIG, ConfigError, LockHeld
from geomap.lock import lock_path_for, run_lock
from geomap.model import Article, Event
from geomap.pipeline import ArticleResult
from geomap.store import EventStore, StoreError, content_hash


def event(article_id: str, number: int, **fields) -> Event:
    values = dict(event_type="Battles", sub_event_type="Armed clash",
                  event_date=date(2016, 10, 7), lat=36.2, lon=37.15, location="Aleppo",
                  country="Syria", iso=760, trigger_span=(3, 9))
    return Event(event_id=f"{article_id}-e{number}", article_id=article_id,
                 **{**values, **fields})


def test_saving_an_article_again_replaces_its_events(tmp_path):
    article = Article("a1", "Clashes in Aleppo.")
    with EventStore.open(tmp_path / "s.sqlite") as store:
        store.save_results([(article, content_hash(article), "src",
                             ArticleResult("a1", events=(event("a1", 1), event("a1", 2))))],
                           pipeline_version="1")
        before = store.data_version
        store.save_results([(article, "other-hash", "src",
                             ArticleResult("a1", events=(event("a1", 3, fatalities=4),)))],
                           pipeline_version="1")
        events = list(store.iter_events())
        assert [e.event_id for e in events] == ["a1-e3"]
        assert events[0] == event("a1", 3, fatalities=4)  # round trip keeps every field
        assert events[0].trigger_span == (3, 9)
        assert store.known(["a1", "zz"]) == {"a1": ("other-hash", "1", "ok", False)}
        assert store.data_version == before + 1


def test_failed_articles_are_recorded_with_their_error(tmp_path):
    article = Article("bad", "x")
    with EventStore.open(tmp_path / "s.sqlite") as store:
        store.save_results([(article, content_hash(article), None,
                             ArticleResult("bad", errors=("ValueError: boom",)))],
                           pipeline_version="1")
        assert store.failed_articles() == [("bad", "ValueError: boom")]
        assert store.article_count("ok") == 0
        version = store.data_version
        store.save_results([(article, content_hash(article), None,
                             ArticleResult("bad", errors=("ValueError: boom",)))],
                           pipeline_version="1")
        assert store.data_version == version  # failing again changes no event: outputs stay


def test_a_failing_batch_leaves_the_store_as_it_was(tmp_path):
    good = Article("good", "x")
    with EventStore.open(tmp_path / "s.sqlite") as store:
        store.save_results([(good, "h1", None, ArticleResult("good", events=(event("good", 1),)))],
                           pipeline_version="1")
        version = store.data_version
        broken = ArticleResult("next", events=(event("next", 1, lat=float("nan")),))
        with pytest.raises(ValueError):  # NaN is refused (allow_nan=False) mid-transaction
            store.save_results([(Article("next", "y"), "h2", None, broken)],
                               pipeline_version="1")
        assert store.known(["good", "next"]) == {"good": ("h1", "1", "ok", False)}
        assert store.data_version == version


def test_content_hash_covers_every_field_the_stages_read():
    base = Article("a", "text", published=date(2016, 10, 7), title="t", url="u", source="s")
    variants = [base.__class__(**{**{f: getattr(base, f) for f in base.__slots__}, field: value})
                for field, value in [("text", "other"), ("published", date(2016, 10, 8)),
                                     ("title", "t2"), ("url", "u2"), ("source", "s2")]]
    hashes = {content_hash(base), *(content_hash(v) for v in variants)}
    assert len(hashes) == 6
    moved = Article("a", "text", published=date(2016, 10, 7), title="t", url="u", source="s",
                    path="elsewhere.jsonl:9")
    assert content_hash(moved) == content_hash(base)  # moving a file is not a change


def test_store_uses_wal_and_refuses_a_foreign_file(tmp_path):
    with EventStore.open(tmp_path / "s.sqlite") as store:
        mode = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    foreign = tmp_path / "foreign.sqlite"
    foreign.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable geomap store"):
        EventStore.open(foreign)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '99')")
    with pytest.raises(StoreError, match="schema 99"):
        EventStore.open(other)


def test_run_log_marks_runs_that_died(tmp_path):
    with EventStore.open(tmp_path / "s.sqlite") as store:
        first = store.start_run("local")  # never finished: as after a kill -9
        second = store.start_run("local")
        store.finish_run(second, "ok", {"articles_new": 2, "events": 5})
        runs = {run["run_id"]: run for run in store.runs()}
    assert runs[first]["status"] == "interrupted"
    assert (runs[second]["status"], runs[second]["articles_new"]) == ("ok", 2)


def test_lock_is_exclusive_across_processes_and_names_the_holder(tmp_path):
    lock = lock_path_for(tmp_path / "store.sqlite")
    assert lock.name == "store.sqlite.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from geomap.lock import run_lock
            with run_lock({str(lock)!r}):
                print("held", flush=True)
                sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld, match=f"pid {holder.pid}") as caught:
            with run_lock(lock):
                pass
        assert caught.value.exit_code == 7
    finally:
        holder.communicate("done\n", timeout=10)
    with run_lock(lock):  # released when the holder exits
        pass


def test_lock_dies_with_a_killed_holder(tmp_path):
    lock = tmp_path / "s.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import time\nfrom geomap.lock import run_lock\n"
         f"with run_lock({str(lock)!r}):\n    print('held', flush=True)\n    time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.kill()
    holder.wait()
    with run_lock(lock):
        pass


def write(tmp_path, text: str):
    path = tmp_path / "geomap.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_config_resolves_paths_against_its_own_folder(tmp_path):
    config = load_config(write(tmp_path, """
        [sources]
        paths = ["articles/", "/abs/feeds/*.xml"]
        published = 2016-10-07
        [outputs]
        map = "out/map.html"
        geojson = "out/events.geojson"
        [filters]
        countries = ["SY"]
    """))
    assert config.sources == [str(tmp_path / "articles"), "/abs/feeds/*.xml"]
    assert config.outputs == {"map": tmp_path / "out/map.html",
                              "geojson": tmp_path / "out/events.geojson"}
    assert config.store == tmp_path / "geomap.sqlite"
    assert config.published == date(2016, 10, 7)
    assert (config.engine, config.offline, config.batch_size) == ("local", True, 200)


def test_a_scheduler_address_implies_the_dask_engine(tmp_path):
    config = load_config(write(tmp_path, """
        [sources]
        paths = ["a"]
        [outputs]
        map = "m.html"
        [engine]
        scheduler = "tcp://10.0.0.5:8786"
        parquet_dir = "parts"
    """))
    assert (config.engine, config.scheduler) == ("dask", "tcp://10.0.0.5:8786")
    assert config.parquet_dir == tmp_path / "parts"


@pytest.mark.parametrize(("body", "message"), [
    ('[sources]\npths = ["a"]\n[outputs]\nmap = "m.html"', "unknown key 'sources.pths'"),
    ('[sources]\npaths = "a"\n[outputs]\nmap = "m.html"', "'sources.paths' must be a list"),
    ('[sources]\npaths = ["a"]\n[outputs]\nmap = "m.geojson"', "'outputs.map' must end with"),
    ('[sources]\npaths = ["a"]\n[outputs]\nmap = "m.html"\n[engine]\nname = "spark"',
     "'engine.name' must be local | processes | dask"),
    ('[sources]\npaths = ["a"]\n[outputs]\nmap = "m.html"\n[engine]\nworkers = 0',
     "'engine.workers' must be at least 1"),
    ('[sources]\npaths = ["a"]\n[outputs]\nmap = "m.html"\n[filters]\ndate_from = "yesterday"',
     "'filters.date_from' must be a date"),
    ('[sources]\npaths = ["a"]\n[outputs]\nmap = "m.html"\n[gazetteer]\noffline = "yes"',
     "'gazetteer.offline' must be true or false"),
    ('[sources]\npaths = ["a"]', "'outputs' must name at least one output"),
    ('[outputs]\nmap = "m.html"', "'sources.paths' (or 'sources.feeds')"),
    ('sources = 3', "'sources' must be a [table]"),
    ('[sources]\npaths = ["a"]\n[outputs]\nmap = "m.html"\n[engine]\nname = "local"\n'
     'scheduler = "tcp://h:8786"', "'engine.scheduler' is a Dask address but 'engine.name'"),
    ('[sources]\npaths = ["a"]\n[outputs]\nmap = "m.html"\n[engine]\nparquet_dir = "parts"',
     "'engine.parquet_dir' is written by Dask workers"),
    ('[sources\npaths = ["a"]', "not valid TOML"),
])
def test_bad_configs_name_the_key(tmp_path, body, message):
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, body))
    assert message in str(caught.value)
    assert caught.value.exit_code == EXIT_CONFIG


def test_bad_config_exits_8_from_the_command_line(tmp_path):
    path = write(tmp_path, '[sources]\npaths = ["a"]\n[outputs]\nmapp = "m.html"\n')
    done = subprocess.run([sys.executable, "-m", "geomap", "run", "--config", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 8
    assert "unknown key 'outputs.mapp'" in done.stderr


def test_help_explains_every_key():
    done = subprocess.run([sys.executable, "-m", "geomap", "run", "--help"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    sections: dict[str, str] = {}
    current = None
    for line in done.stdout.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1]
        elif current and ":" in stripped and not line.startswith("      "):
            sections.setdefault(current, "")
            sections[current] += stripped.split(":")[0] + " "
    for name in KEYS:
        table, key = name.split(".")
        assert key in sections.get(table, "").split(), f"{name} missing from --help"


def test_shipped_example_config_is_valid():
    config = load_config(Path(__file__).resolve().parents[2] / "examples" / "geomap.toml")
    assert set(config.outputs) >= {"map", "geojson"}
    assert config.offline is True
