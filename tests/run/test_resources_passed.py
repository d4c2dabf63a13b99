"""Resources are passed, not found: the gazetteer a caller names reaches every worker through the
Pipeline value, and nothing is written to the environment on the way (issue 12)."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from geomap.cli import main
from geomap.model import Article
from geomap.pipeline import Pipeline, process_article

#: An invented place, in a copy of the gazetteer only: found only when that copy is the one used.
PLACE, LAT, LON = "Velmorrak", 35.0917, 38.2333
ARTICLE = Article("own-1", f"Shelling killed three people in {PLACE} on Monday.")


@pytest.fixture(scope="module")
def own_gazetteer(tmp_path_factory, default_copy_with) -> Path:
    return default_copy_with(tmp_path_factory.mktemp("gazetteer"), PLACE, LAT, LON, "--country",
                             "SY", "--kind", "P.PPL", "--population", "5000")


def placed(events) -> list[tuple[str, float, float]]:
    return [(event.location, round(event.lat, 3), round(event.lon, 3)) for event in events
            if event.location == PLACE]


def test_the_default_gazetteer_does_not_know_the_invented_place():
    assert placed(process_article(ARTICLE).events) == []


@pytest.mark.parametrize("engine", ["local", "processes"])
def test_the_pipelines_gazetteer_is_the_one_every_worker_opens(own_gazetteer, engine):
    pipeline = Pipeline(gazetteer=str(own_gazetteer), engine=engine, workers=2, chunk_size=1)
    events = pipeline.events([ARTICLE, Article("own-2", "Nothing happened today.")])
    assert placed(events) == [(PLACE, round(LAT, 3), round(LON, 3))]
    assert "GEOMAP_GAZETTEER" not in os.environ


def test_the_cli_passes_its_gazetteer_without_touching_the_environment(own_gazetteer, tmp_path,
                                                                       monkeypatch):
    monkeypatch.delenv("GEOMAP_GAZETTEER", raising=False)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE.text, encoding="utf-8")
    output = tmp_path / "events.jsonl"
    assert main(["export", str(article), "--offline", "--gazetteer", str(own_gazetteer),
                 "--engine", "processes", "--workers", "1", "-o", str(output)]) == 0
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert [record["location"] for record in records] == [PLACE]
    assert "GEOMAP_GAZETTEER" not in os.environ


def test_the_pipeline_is_one_frozen_picklable_value_with_its_default_fixed_at_the_edge():
    pipeline = Pipeline(offline=False, user_agent="geomap-tests", lexicon="en")
    assert pickle.loads(pickle.dumps(pipeline)) == pipeline
    assert hash(pipeline) == hash(pickle.loads(pickle.dumps(pipeline)))
    with pytest.raises(AttributeError):
        pipeline.gazetteer = "elsewhere.sqlite"  # type: ignore[misc]
    resolved = pipeline.resolved()
    assert resolved.gazetteer and Path(resolved.gazetteer).is_file()
    assert resolved.resolved() is resolved
    with pytest.raises(ValueError, match="unknown engine"):
        Pipeline(engine="spark")


def test_a_language_without_a_lexicon_is_refused_before_any_input_is_read(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE.text, encoding="utf-8")
    output = tmp_path / "events.csv"
    assert main(["export", str(article), "--offline", "--language", "xx", "-o",
                 str(output)]) == 2
    assert "no lexicon 'xx'" in capsys.readouterr().err and not output.exists()


def test_a_run_config_names_its_language_and_an_unknown_one_is_a_config_error(tmp_path):
    from geomap.config import load_config
    from geomap.errors import ConfigError
    from geomap.pipeline import PIPELINE_VERSION
    from geomap.run import pipeline_of, version_of

    config_path = tmp_path / "geomap.toml"
    outputs = '[outputs]\ncsv = "events.csv"\n'
    config_path.write_text('[sources]\npaths = ["news"]\nlanguage = "en"\n' + outputs,
                           encoding="utf-8")
    config = load_config(config_path)
    assert pipeline_of(config).lexicon == "en"
    assert version_of(config) == PIPELINE_VERSION  # stores made before languages stay current
    config_path.write_text('[sources]\npaths = ["news"]\nlanguage = "xx"\n' + outputs,
                           encoding="utf-8")
    with pytest.raises(ConfigError, match="'sources.language' = 'xx'"):
        load_config(config_path)
