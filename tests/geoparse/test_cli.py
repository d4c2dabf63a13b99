"""`geomap geoparse` and `geomap eval geoparse` through the real CLI entry point."""

from __future__ import annotations

import json

from geomap.cli import main
from geomap.errors import EXIT_NO_INPUT, EXIT_OK, EXIT_PARTIAL

TEXT = "Airstrikes hit Karam Houmid in Aleppo, Syria, according to the Washington Post."


def write_jsonl(path, records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                            for r in records), encoding="utf-8")


def test_geoparse_writes_one_line_per_document(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": TEXT}, {"id": "b", "text": ""}])
    assert main(["geoparse", str(source), "-o", str(out), "--offline"]) == EXIT_OK
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[1]["toponyms"] == []
    toponyms = lines[0]["toponyms"]
    for t in toponyms:
        assert TEXT[t["start"]:t["end"]] == t["name"]
        assert set(t) == {"start", "end", "name", "lat", "lon", "geonameid", "country",
                          "feature", "kind"}
    by_name = {t["name"]: t for t in toponyms}
    assert by_name["Aleppo"]["country"] == "SY" and by_name["Aleppo"]["kind"] == "literal"
    assert by_name["Washington"]["kind"] == "embedded"
    assert by_name["Karam Houmid"]["feature"] == "P.PPLX"


def test_gold_spans_are_resolved_as_given(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    start = TEXT.index("Aleppo")
    write_jsonl(source, [{"id": "a", "text": TEXT, "toponyms": [
        {"start": start, "end": start + 6}, {"start": 0, "end": 10}]}])
    assert main(["geoparse", str(source), "-o", str(out), "--gold-spans"]) == EXIT_OK
    toponyms = json.loads(out.read_text())["toponyms"]
    assert [(t["start"], t["end"]) for t in toponyms] == [(start, start + 6), (0, 10)]
    assert toponyms[0]["country"] == "SY"


def test_bad_lines_are_skipped_with_exit_code_3(tmp_path, capsys):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": TEXT}, "{broken", {"id": "c", "text": 5}])
    assert main(["geoparse", str(source), "-o", str(out)]) == EXIT_PARTIAL
    err = capsys.readouterr().err
    assert "in.jsonl:2" in err and "in.jsonl:3" in err
    assert len(out.read_text().splitlines()) == 1


def test_no_usable_line_writes_nothing(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, ["{broken"])
    assert main(["geoparse", str(source), "-o", str(out)]) == EXIT_NO_INPUT
    assert not out.exists()


def test_eval_prints_metrics_as_json(tmp_path, capsys):
    source = tmp_path / "mini.jsonl"
    start = TEXT.index("Aleppo")
    write_jsonl(source, [{"id": "a", "text": TEXT, "toponyms": [
        {"start": start, "end": start + 6, "name": "Aleppo", "lat": 36.2, "lon": 37.16,
         "geonameid": 170063}]}])
    assert main(["eval", "geoparse", str(source), "--json", "--errors", "5"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["tolerant"]["recall"] == 1.0
    assert report["acc161"] == 1.0
    assert report["geonameid_accuracy"] == 1.0
    assert report["tolerant"]["fp"] == len([e for e in report["errors"]
                                            if e["category"] == "false span"])
    assert main(["eval", "geoparse", str(source), "--gold-spans"]) == EXIT_OK
    assert "gold-spans" in capsys.readouterr().out
