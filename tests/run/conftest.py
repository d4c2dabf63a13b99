"""A scheduled-job sandbox: articles, a config and `geomap run` as cron would start it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from geomap.model import Article
from geomap.synthetic import article_record, synthetic_articles


@dataclass
class RunOutcome:
    returncode: int
    stderr: str
    summary: dict

    @property
    def log(self) -> list[dict]:
        return [json.loads(line) for line in self.stderr.splitlines() if line.startswith("{")]


class Job:
    def __init__(self, root: Path):
        self.root = root
        self.articles = root / "articles"
        self.articles.mkdir()
        self.outputs = root / "outputs"
        self.config = root / "geomap.toml"
        self.write_config()

    @property
    def store(self) -> Path:
        return self.root / "state" / "geomap.sqlite"

    def write_config(self, extra: str = "") -> None:
        # map.offline = false: asset inlining is the map's concern and needs its npm cache.
        self.config.write_text(textwrap.dedent("""
            [sources]
            paths = ["articles/"]
            [store]
            path = "state/geomap.sqlite"
            [engine]
            batch_size = 10
            [outputs]
            map = "outputs/map.html"
            geojson = "outputs/events.geojson"
            csv = "outputs/events.csv"
            [map]
            tiles = "none"
            offline = false
        """) + textwrap.dedent(extra), encoding="utf-8")

    def add(self, name: str, articles: list[Article]) -> Path:
        path = self.articles / name
        with path.open("w", encoding="utf-8") as handle:
            for article in articles:
                handle.write(json.dumps(article_record(article)) + "\n")
        return path

    def start(self, *options: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "geomap", "run", "--config", str(self.config), "--log-json",
             *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})

    def run(self, *options: str, timeout: float = 240) -> RunOutcome:
        process = self.start(*options)
        _, stderr = process.communicate(timeout=timeout)
        return outcome(process.returncode, stderr)

    def output_paths(self) -> dict[str, Path]:
        return {kind: self.outputs / name for kind, name in
                [("map", "map.html"), ("geojson", "events.geojson"), ("csv", "events.csv")]}

    def mtimes(self) -> dict[str, int]:
        return {kind: path.stat().st_mtime_ns for kind, path in self.output_paths().items()}

    def geojson(self) -> dict:
        return json.loads(self.output_paths()["geojson"].read_text(encoding="utf-8"))


def outcome(returncode: int, stderr: str) -> RunOutcome:
    summary = {}
    for line in stderr.splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            if "run_id" in entry:
                summary = entry
    return RunOutcome(returncode, stderr, summary)


@pytest.fixture
def job(tmp_path) -> Job:
    return Job(tmp_path)


@pytest.fixture
def make_job(tmp_path):
    """Another independent job (its own articles, store and outputs) under tmp_path/name."""
    def make(name: str) -> Job:
        root = tmp_path / name
        root.mkdir()
        return Job(root)
    return make


@pytest.fixture(scope="session")
def corpus() -> list[Article]:
    """120 synthetic articles over real places (deterministic)."""
    return synthetic_articles(120, seed=7)
