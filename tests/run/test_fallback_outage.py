"""The online fallback in a scheduled run, against a loopback server that answers like Nominatim:
a private URL is honoured, an outage is one summary line and is retried, a required fallback
that is down stops the run before any article (exit 6)."""

from __future__ import annotations

import importlib.util
import json
import shutil
import socket
from pathlib import Path

import pytest

from geomap.model import Article

_STUB = Path(__file__).resolve().parents[1] / "gazetteer" / "test_gazetteer_fallback.py"
_spec = importlib.util.spec_from_file_location("loopback_nominatim", _STUB)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
NominatimStub = _module.NominatimStub

# Invented names no gazetteer holds: only the fallback can place them.
ARTICLES = [
    Article("far-1", "Fighters stormed the village of Zorvakin near Aleppo on Monday, killing "
            "three people.", None, None, None, "test"),
    Article("far-2", "Shelling hit the village of Qarvelun in the Homs countryside on Tuesday, "
            "wounding two civilians.", None, None, None, "test"),
]


@pytest.fixture
def gazetteer_copy(tmp_path) -> Path:
    """The fallback caches its answers in the gazetteer: never in the shared default one."""
    from gazetteer import Gazetteer

    source = Gazetteer.open().path
    target = tmp_path / "gazetteer" / "gazetteer.sqlite"
    target.parent.mkdir()
    shutil.copyfile(source, target)
    trie = source.with_name(source.name + ".names.marisa")
    if trie.exists():
        shutil.copyfile(trie, target.with_name(trie.name))
    return target


@pytest.fixture
def nominatim():
    stub = NominatimStub()
    yield stub
    stub.close()


def online(job, gazetteer: Path, url: str, *, required: bool = False,
           in_config: bool = True) -> None:
    job.write_config(
        f'[gazetteer]\npath = "{gazetteer}"\noffline = false\n'
        'user_agent = "geomap-tests/1.0 (loopback)"\n'
        + (f'fallback_url = "{url}"\n' if in_config else "")
        + f"require_fallback = {str(required).lower()}\n")


def refused_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # closed again: connections are refused


def test_a_required_fallback_that_is_down_exits_6_before_any_article(job, gazetteer_copy):
    job.add("batch.jsonl", ARTICLES)
    online(job, gazetteer_copy, refused_url(), required=True)
    outcome = job.run(timeout=120)
    assert outcome.returncode == 6, outcome.stderr
    assert "nothing was processed" in outcome.stderr
    assert not job.outputs.exists()
    import sqlite3
    with sqlite3.connect(job.store) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_an_outage_is_one_line_and_the_next_run_with_the_service_retries(job, nominatim,
                                                                         gazetteer_copy):
    job.add("batch.jsonl", ARTICLES)
    online(job, gazetteer_copy, f"http://{nominatim.domain}")
    nominatim.mode = "500"
    down = job.run(timeout=120)
    assert down.returncode == 3, down.stderr
    summaries = [entry for entry in down.log if "fallback unavailable" in entry["message"]]
    assert len(summaries) == 1
    assert not any("could not resolve" in entry["message"] for entry in down.log)
    assert down.summary["articles_without_fallback"] == 2
    assert nominatim.requests and nominatim.requests[0]["path"] == "/search"

    nominatim.mode = "ok"
    up = job.run(timeout=120)
    assert up.returncode == 0, up.stderr
    assert (up.summary["articles_retried"], up.summary["articles_without_fallback"]) == (2, 0)
    settled = job.run(timeout=120)
    assert (settled.summary["articles_retried"], settled.summary["outputs_written"]) == (0, [])


def test_the_fallback_url_comes_from_the_environment_or_the_command_line(job, nominatim,
                                                                        monkeypatch,
                                                                        gazetteer_copy):
    job.add("batch.jsonl", ARTICLES[:1])
    online(job, gazetteer_copy, "", in_config=False)
    monkeypatch.setenv("GEOMAP_FALLBACK_URL", f"http://{nominatim.domain}")
    assert job.run(timeout=120).returncode == 0
    from_env = len(nominatim.requests)
    assert from_env > 0

    job.add("batch.jsonl", ARTICLES[1:])
    monkeypatch.setenv("GEOMAP_FALLBACK_URL", refused_url())
    outcome = job.run("--fallback-url", f"http://{nominatim.domain}", timeout=120)
    assert outcome.returncode == 0, outcome.stderr
    assert len(nominatim.requests) > from_env
    assert json.dumps(job.geojson()["features"])
