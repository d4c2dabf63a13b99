"""`geomap map` and `geomap export`: arguments, exit codes, skipped inputs on stderr."""

from __future__ import annotations

import json

import pytest

from geomap.cli import main

EXAMPLE = "The example article of the project"


@pytest.mark.parametrize("command", ["map", "export", "extract"])
def test_help_shows_an_example(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Examples:" in out and f"geomap {command} " in out.split("Examples:", 1)[1]


def test_nothing_readable_exits_4_and_writes_nothing(tmp_path, capsys):
    output = tmp_path / "map.html"
    assert main(["map", str(tmp_path / "missing.txt"), "-o", str(output)]) == 4
    assert str(tmp_path / "missing.txt") in capsys.readouterr().err
    assert not output.exists()


@pytest.mark.parametrize("arguments", [
    ["export", "x.txt", "-o", "events.shp"],
    ["map", "x.txt", "-o", "map.png"],
    ["map", "x.txt", "-o", "map.html", "--tiles", "javascript:alert(1)"],
    ["map", "x.txt", "-o", "map.html", "--published", "07/10/2016"],
])
def test_bad_arguments_exit_2(arguments, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("text")
    assert main(arguments) == 2
    assert not any(p.suffix in {".shp", ".png", ".html"} for p in tmp_path.iterdir())


def test_export_of_the_example_writes_geojson(tmp_path, project_example):
    output = tmp_path / "events.geojson"
    assert main(["export", str(project_example), "--published", "2024-05-14", "--offline",
                 "-o", str(output)]) == 0
    document = json.loads(output.read_text())
    assert document["type"] == "FeatureCollection" and document["features"]


def test_a_skipped_input_is_reported_and_exits_3(tmp_path, project_example, capsys):
    output = tmp_path / "events.csv"
    missing = tmp_path / "missing.txt"
    code = main(["export", str(project_example), str(missing), "--offline", "-o", str(output)])
    assert code == 3
    assert str(missing) in capsys.readouterr().err
    assert output.exists()
