"""`geomap eval dedup`, the --dedup/--no-dedup flags and the outputs.dedup config key.

The labelled file (tests/events/data/dedup_groups.jsonl) holds articles written for these tests:
one market bombing told by three outlets, a police bombing in another quarter of the same city
on the same day, two protests by different groups in one capital, battles at two villages 6 km
apart, and two air strikes on one town on consecutive days.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap.cli import cli, main
from geomap.config import config_from_mapping
from geomap.errors import EXIT_NO_INPUT, EXIT_PARTIAL, ConfigError
from geomap.evaluate.dedup import score_groups

GROUPS = Path(__file__).parent / "data" / "dedup_groups.jsonl"


def test_scores_count_pairs_and_per_report_shares():
    # gold: a a a | b ; predicted: {a a} {a b}
    scores = score_groups([["a", "a"], ["a", "b"]])
    assert scores["pairwise_precision"] == 0.5  # 1 right pair of 2
    assert scores["pairwise_recall"] == pytest.approx(1 / 3)  # 1 of the 3 gold pairs
    # B-cubed precision: (1 + 1 + 1/2 + 1/2) / 4; recall: (2/3 + 2/3 + 1/3 + 1) / 4
    assert scores["bcubed_precision"] == pytest.approx(0.75)
    assert scores["bcubed_recall"] == pytest.approx(2 / 3)


def test_the_labelled_groups_are_merged_exactly():
    result = CliRunner().invoke(cli, ["eval", "dedup", str(GROUPS), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["records"], report["groups"], report["events"]) == (11, 8, 8)
    for metric in ("pairwise_precision", "pairwise_recall", "bcubed_precision", "bcubed_recall",
                   "records_alone"):
        assert report[metric] == 1.0, metric
    # three reports rightly joined another's event (the bombing told thrice, a protest twice)
    assert report["records_kept_as_own_event"] == pytest.approx(8 / 11)
    text = CliRunner().invoke(cli, ["eval", "dedup", str(GROUPS)]).output
    assert "B-cubed" in text and "records kept as their own event" in text


def test_group_field_scores_a_file_of_distinct_events(tmp_path):
    lines = [json.loads(line) for line in GROUPS.read_text().splitlines()]
    distinct = tmp_path / "distinct.jsonl"
    distinct.write_text("".join(json.dumps({k: v for k, v in line.items() if k != "group"})
                                + "\n" for line in lines))
    report = json.loads(CliRunner().invoke(
        cli, ["eval", "dedup", str(distinct), "--group-field", "id", "--json"]).output)
    # the bombing told three times and the teachers' protest told twice: three records were
    # merged into another's event, five share one
    assert report["records_kept_as_own_event"] == pytest.approx(8 / 11)
    assert report["records_alone"] == pytest.approx(6 / 11)
    assert report["pairwise_precision"] == 0.0


def test_event_records_as_export_writes_them_can_be_scored(tmp_path):
    exported = tmp_path / "events.jsonl"
    result = CliRunner().invoke(cli, ["export", str(GROUPS), "--offline", "--no-dedup",
                                      "-o", str(exported)])
    assert result.exit_code == 0, result.output
    groups = {json.loads(line)["id"]: json.loads(line)["group"]
              for line in GROUPS.read_text().splitlines()}
    records = [json.loads(line) for line in exported.read_text().splitlines()]
    assert len(records) == 11  # --no-dedup: one event per report
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text("".join(json.dumps({**r, "group": groups[r["article_id"]]}) + "\n"
                                for r in records))
    report = json.loads(CliRunner().invoke(cli, ["eval", "dedup", str(labelled),
                                                 "--json"]).output)
    assert report["events"] == 8 and report["bcubed_f1"] == 1.0


def test_export_merges_by_default(tmp_path):
    out = tmp_path / "events.jsonl"
    assert CliRunner().invoke(cli, ["export", str(GROUPS), "--offline", "-o",
                                    str(out)]).exit_code == 0
    assert len(out.read_text().splitlines()) == 8


def test_a_file_without_group_labels_is_bad_input(tmp_path, capsys):
    unlabelled = tmp_path / "plain.jsonl"
    unlabelled.write_text(json.dumps({"id": "x", "text": "Rebels shelled Idlib."}) + "\n")
    assert main(["eval", "dedup", str(unlabelled)]) == EXIT_NO_INPUT
    assert "no line carries a 'group' label" in capsys.readouterr().err


def test_lines_without_a_label_are_skipped_and_reported(tmp_path, capsys):
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(GROUPS.read_text() + json.dumps({"id": "y", "text": "Rebels shelled "
                                                       "Idlib."}) + "\n")
    assert main(["eval", "dedup", str(mixed)]) == EXIT_PARTIAL
    assert "no 'group' label" in capsys.readouterr().err


def test_the_run_config_switches_dedup(tmp_path):
    base = {"sources": {"paths": ["articles"]}, "outputs": {"jsonl": "out.jsonl"}}
    assert config_from_mapping(base, base=tmp_path).dedup is True
    off = config_from_mapping({**base, "outputs": {"jsonl": "out.jsonl", "dedup": False}},
                              base=tmp_path)
    assert off.dedup is False and list(off.outputs) == ["jsonl"]
    assert off.output_settings() != config_from_mapping(base, base=tmp_path).output_settings()
    with pytest.raises(ConfigError, match="outputs.dedup"):
        config_from_mapping({**base, "outputs": {"jsonl": "o.jsonl", "dedup": "no"}},
                            base=tmp_path)


def test_most_distinct_acled_events_stay_distinct(shared_eval):
    result = CliRunner().invoke(cli, ["eval", "dedup", str(shared_eval / "events" / "acled.jsonl"),
                                      "--group-field", "id", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["records_kept_as_own_event"] >= 0.95 and report["records_alone"] >= 0.95
