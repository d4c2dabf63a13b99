"""Every command alike: --offline and --gazetteer everywhere, - for stdin, any article format,
the run's filters as flags, geomap's own event files mapped as they are, clear exits."""

from __future__ import annotations

import base64
import gzip
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import COMMANDS, cli, main
from geomap.cli.progress import progress

ARTICLE = ("Clashes near a river town\n\n"
           "On 2 March 2024, government troops and rebels clashed in Homs, killing 7 fighters.\n"
           "On 5 March 2024, a drone strike hit a fuel depot in Idlib, killing 3 guards.\n"
           "On 9 March 2024, police arrested 12 students in Aleppo.\n")
PUBLISHED = ["--published", "2024-03-10"]


def run(*arguments: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(arguments), input=stdin, catch_exceptions=False)


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("in") / "river-2024-03-10.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def exported(article, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    for suffix in (".geojson", ".jsonl", ".csv", ".parquet"):
        result = run("export", str(article), *PUBLISHED, "--offline", "-o",
                     str(folder / f"events{suffix}"))
        assert result.exit_code == 0, result.output
    return folder


def payload_of(html_path: Path) -> dict:
    """The events a map page carries (the JSON the page's script reads)."""
    html = html_path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="[^"]+_data" '
                      r'data-encoding="([^"]+)">(.*?)</script>', html, re.S)
    encoding, text = match.groups()
    if encoding == "gzip-base64":
        text = gzip.decompress(base64.b64decode(text)).decode("utf-8")
    return json.loads(text)


def without_titles(payload: dict) -> dict:
    """The payload less the article titles, which only the articles themselves carry."""
    return {key: value for key, value in payload.items() if key not in {"articles", "strings"}}


@pytest.mark.parametrize("suffix", [".geojson", ".jsonl", ".csv", ".parquet"])
def test_an_event_file_maps_the_same_events_as_its_articles(article, exported, tmp_path,
                                                            suffix):
    from_articles, from_file = tmp_path / "articles.html", tmp_path / "file.html"
    assert run("map", str(article), *PUBLISHED, "--offline", "-o",
               str(from_articles)).exit_code == 0
    result = run("map", str(exported / f"events{suffix}"), "--offline", "-o", str(from_file))
    assert result.exit_code == 0, result.output
    expected, got = payload_of(from_articles), payload_of(from_file)
    assert len(expected["lat"]) == 3
    assert without_titles(got) == without_titles(expected)


def test_json_that_is_not_events_is_refused_with_exit_4(tmp_path):
    other = tmp_path / "roads.geojson"
    other.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "A1"}, "geometry": None}]}))
    output = tmp_path / "map.html"
    assert main(["map", str(other), "--offline", "-o", str(output)]) == 4
    assert not output.exists()
    listed = tmp_path / "list.json"
    listed.write_text('[{"text": "Shelling hit Homs."}]')
    assert main(["export", str(listed), "--offline", "-o", str(tmp_path / "e.csv")]) == 4


def test_a_broken_event_file_is_reported_not_half_mapped(exported, tmp_path, capsys):
    lines = (exported / "events.jsonl").read_text().splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text(lines[0] + "\n" + '{"event_id": "x", "event_type": "Battles", '
                      '"fatalities": "many"}\n')
    assert main(["map", str(broken), "--offline", "-o", str(tmp_path / "m.html")]) == 4
    assert "broken.jsonl:2" in capsys.readouterr().err


@pytest.mark.parametrize(("flags", "locations"), [
    (["--type", "battles"], ["Homs"]),
    (["--from", "2024-03-04"], ["Idlib", "Aleppo"]),
    (["--from", "2024-03-04", "--to", "2024-03-06"], ["Idlib"]),
    (["--country", "SYR", "--type", "Strategic developments"], ["Aleppo"]),
    (["--country", "Lebanon"], []),
])
def test_filter_flags_select_as_the_run_config_does(article, exported, tmp_path, flags,
                                                    locations):
    from geomap.filters import filter_events
    from geomap.ingest.events import read_event_file

    out = tmp_path / "selected.jsonl"
    result = run("export", str(article), *PUBLISHED, "--offline", *flags, "-o", str(out))
    assert result.exit_code == 0, result.output
    got = [json.loads(line)["location"] for line in out.read_text().splitlines()]
    assert sorted(got) == sorted(locations)
    # the same selection from an event file, and by the function the scheduled run uses
    again = tmp_path / "again.jsonl"
    assert run("export", str(exported / "events.geojson"), *flags, "-o",
               str(again)).exit_code == 0
    assert sorted(json.loads(line)["location"] for line in again.read_text().splitlines()) \
        == sorted(locations)
    criteria = {"date_from": None, "date_to": None, "countries": [], "event_types": []}
    names = {"--type": "event_types", "--country": "countries"}
    for flag, value in zip(flags[::2], flags[1::2], strict=True):
        if flag in names:
            criteria[names[flag]].append("Battles" if value == "battles" else value)
        else:
            from datetime import date

            criteria["date_from" if flag == "--from" else "date_to"] = date.fromisoformat(value)
    events = read_event_file(exported / "events.jsonl")
    assert sorted(e.location for e in filter_events(events, **criteria)) == sorted(locations)


def test_standard_input_is_read_for_every_article_command(tmp_path):
    out = tmp_path / "e.jsonl"
    result = run("export", "-", *PUBLISHED, "--offline", "-o", str(out), stdin=ARTICLE)
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 3
    lines = json.dumps({"id": "d1", "text": "Shelling hit Homs on Monday."}) + "\n"
    toponyms = tmp_path / "t.jsonl"
    assert run("geoparse", "-", "-o", str(toponyms), stdin=lines).exit_code == 0
    assert [t["name"] for t in json.loads(toponyms.read_text())["toponyms"]] == ["Homs"]
    assert run("geoparse", "-", "-o", str(toponyms), stdin=ARTICLE).exit_code == 0
    assert {t["name"] for t in json.loads(toponyms.read_text())["toponyms"]} >= {
        "Homs", "Idlib", "Aleppo"}


@pytest.mark.parametrize("suffix", [".txt", ".html", ".csv", ".jsonl"])
def test_geoparse_and_locate_read_every_article_format(tmp_path, suffix):
    text = "Gunmen shot a man in Homs on Monday."
    source = tmp_path / f"doc{suffix}"
    if suffix == ".txt":
        source.write_text(text)
    elif suffix == ".html":
        source.write_text(f"<html><head><title>t</title></head><body><p>{text}</p></body></html>")
    elif suffix == ".csv":
        source.write_text(f'id,text\nd1,"{text}"\n')
    else:
        source.write_text(json.dumps({"id": "d1", "text": text}) + "\n")
    toponyms, located = tmp_path / "t.jsonl", tmp_path / "l.jsonl"
    result = run("geoparse", str(source), "--offline", "-o", str(toponyms))
    assert result.exit_code == 0, result.output
    assert [t["name"] for t in json.loads(toponyms.read_text())["toponyms"]] == ["Homs"]
    result = run("locate", str(source), "--offline", "-o", str(located))
    assert result.exit_code == 0, result.output
    # without verbs in the input, the events the text reports are located
    assert [loc["name"] for loc in json.loads(located.read_text())["locations"]] == ["Homs"]


@pytest.mark.parametrize("command", [
    ["map", "-o", "x.html"], ["export", "-o", "x.csv"], ["extract", "-o", "x.csv"],
    ["geoparse", "-o", "x.jsonl"], ["locate", "-o", "x.jsonl"], ["eval", "geoparse"],
    ["eval", "events"], ["eval", "locate"], ["gazetteer", "lookup"]])
def test_every_command_accepts_offline_and_gazetteer(command, tmp_path):
    missing = tmp_path / "missing.sqlite"
    # a missing gazetteer file is refused as such (exit 5), never as an unknown option (2)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Shelling hit Homs.",
                                  "source": "ACLED", "event_type": "Battles",
                                  "verbs": [{"start": 0, "end": 8}],
                                  "toponyms": [{"start": 13, "end": 17, "name": "Homs",
                                                "lat": 34.7, "lon": 36.7}]}) + "\n")
    target = ["Homs"] if command[0] == "gazetteer" else [str(source)]
    arguments = [*command[:2 if command[0] in {"eval", "gazetteer"} else 1], *target,
                 *command[1 if command[0] not in {"eval", "gazetteer"} else 2:],
                 "--offline", "--gazetteer", str(missing)]
    arguments = [str(tmp_path / a) if a.startswith("x.") else a for a in arguments]
    code = main(arguments)
    assert code == 5, arguments


def test_eval_without_usable_labels_exits_4_and_says_why(tmp_path, capsys):
    unlabeled = tmp_path / "plain.jsonl"
    unlabeled.write_text(json.dumps({"id": "1", "text": "Shelling hit Homs."}) + "\n")
    for kind, reason in (("events", "label"), ("locate", "verbs"), ("geoparse", "toponyms")):
        assert main(["eval", kind, str(unlabeled)]) == 4, kind
        assert reason in capsys.readouterr().err, kind


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"eval", "gazetteer"}))
def test_each_command_help_shows_its_own_examples(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    examples = out.split("Examples:", 1)[1] if "Examples:" in out else out.split("Example:")[1]
    assert f"geomap {command} " in examples
    others = set(COMMANDS) - {command}
    assert not any(f"geomap {other} " in examples for other in others), command


def test_progress_is_a_periodic_line_when_stderr_is_no_terminal():
    ticks = iter([0.0, 0.5, 2.0, 3.0, 13.0])
    stream = io.StringIO()
    with progress("map", stream=stream, clock=lambda: next(ticks)) as advance:
        for _ in range(4):
            advance()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2 and lines[0].startswith("geomap map: 2 articles")
    quiet = io.StringIO()
    with progress("map", stream=quiet, clock=iter([0.0, 0.1, 0.2]).__next__) as advance:
        advance()
        advance()
    assert quiet.getvalue() == ""


def test_locate_keeps_an_explicit_empty_verb_list(tmp_path):
    source = tmp_path / "verbs.jsonl"
    source.write_text(json.dumps({"id": "v", "text": "Gunmen shot a man in Homs.",
                                  "verbs": []}) + "\n")
    out = tmp_path / "out.jsonl"
    assert run("locate", str(source), "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["locations"] == []
