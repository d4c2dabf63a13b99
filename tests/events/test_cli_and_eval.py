"""The contract commands, driven through click's runner on fixtures written here."""

import json

import pytest
from click.testing import CliRunner

from geomap.cli import cli
from geomap.evaluate.events import evaluate_events, gtd_to_acled, inter_code
from geomap.evaluate.locate import evaluate_locate

SENTENCES = [
    {"id": "s1", "text": "Gunmen shot a man in Kabul on Monday.",
     "verbs": [{"start": 7, "end": 11}],
     "toponyms": [{"start": 21, "end": 26, "name": "Kabul"}]},
    {"id": "s2", "text": "Nine guards were killed during the fighting.",
     "meta": {"verbs": [{"start": 17, "end": 23}]}, "toponyms": []},
]


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_locate_command_writes_one_location_per_verb(tmp_path):
    source = _write(tmp_path / "in.jsonl", SENTENCES)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["locate", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["s1", "s2"]
    first = lines[0]["locations"][0]
    assert (first["start"], first["end"], first["name"]) == (21, 26, "Kabul")
    assert abs(first["lat"] - 34.5) < 0.5 and abs(first["lon"] - 69.2) < 0.5
    assert lines[1]["locations"] == [None]


def test_locate_command_rejects_bad_json_with_the_line_number(tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": 1, "text": "x", "verbs": []}\nnot json\n')
    result = CliRunner().invoke(cli, ["locate", str(source), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code != 0
    assert "bad.jsonl:2" in str(result.exception) + result.output


def test_eval_locate_counts_hits_and_expected_nulls(tmp_path):
    report = evaluate_locate(SENTENCES)
    assert report["verbs"] == 2 and report["gold_null"] == 1 and report["null_accuracy"] == 1.0
    assert report["overlap"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    result = CliRunner().invoke(cli, ["eval", "locate", str(_write(tmp_path / "l.jsonl",
                                                                   SENTENCES)), "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["exact"]["f1"] == 1.0


ACLED_LIKE = [
    {"id": "a1", "source": "ACLED", "text": "On 3 May 2020, gunmen shot dead a teacher in Kabul.",
     "event_type": "Violence against civilians", "sub_event_type": "Attack", "fatalities": 1,
     "lat": 34.53, "lon": 69.17, "geo_precision": 1},
    {"id": "a2", "source": "ACLED",
     "text": "On 4 May 2020, artillery units shelled Vovchansk, Kharkiv; casualties unknown.",
     "event_type": "Explosions/Remote violence",
     "sub_event_type": "Shelling/artillery/missile attack", "fatalities": 0,
     "lat": 50.29, "lon": 36.94, "geo_precision": 1},
    {"id": "a3", "source": "ACLED", "text": "On 5 May 2020, teachers protested peacefully in Homs.",
     "event_type": "Protests", "sub_event_type": "Peaceful protest", "fatalities": 0,
     "lat": 34.73, "lon": 36.72, "geo_precision": 1},
]


def test_eval_events_scores_acled_records_with_our_own_extractor():
    report = evaluate_events(ACLED_LIKE)["acled"]
    assert report["n"] == 3
    assert report["event_type_accuracy"] == 1.0 and report["sub_event_type_accuracy"] == 1.0
    assert report["fatalities"]["exact"] == 1.0
    assert set(report["confusion"]) == {"Violence against civilians",
                                        "Explosions/Remote violence", "Protests"}


def test_eval_events_scores_the_event_date_against_the_records():
    dated = [dict(record, date=day) for record, day in zip(
        ACLED_LIKE, ["2020-05-03", "2020-05-04", "2020-05-09"], strict=True)]
    scores = evaluate_events(dated)["acled"]["date"]
    # the third note says 5 May: four days off, same month
    assert scores == {"exact": round(2 / 3, 4), "within_7_days": 1.0, "same_month": 1.0}


def test_eval_events_command_prints_tables_and_json(tmp_path):
    path = _write(tmp_path / "acled.jsonl", ACLED_LIKE)
    text = CliRunner().invoke(cli, ["eval", "events", str(path)])
    assert text.exit_code == 0 and "event_type_accuracy" in text.output
    as_json = CliRunner().invoke(cli, ["eval", "events", str(path), "--json"])
    assert json.loads(as_json.output)["acled"]["n"] == 3


@pytest.mark.parametrize(("record", "expected"), [
    ({"event_type": "Bombing/Explosion", "sub_event_type": "Explosives"},
     "Explosions/Remote violence"),
    ({"event_type": "Armed Assault", "extra": {"targtype1": "Military"}}, "Battles"),
    ({"event_type": "Armed Assault", "extra": {"targtype1": "Private Citizens & Property"}},
     "Violence against civilians"),
    ({"event_type": "Hostage Taking (Kidnapping)"}, "Violence against civilians"),
    ({"event_type": "Facility/Infrastructure Attack", "sub_event_type": "Incendiary"},
     "Strategic developments"),
    ({"event_type": "Unknown"}, None),
    # a bomb defused or intercepted: ACLED's Disrupted weapons use
    ({"event_type": "Bombing/Explosion", "sub_event_type": "Explosives",
      "extra": {"success": 0}}, "Strategic developments"),
    ({"event_type": "Facility/Infrastructure Attack", "sub_event_type": "Explosives",
      "extra": {"success": 1}}, "Explosions/Remote violence"),
    ({"event_type": "Assassination", "sub_event_type": "Explosives",
      "extra": {"targtype1": "Private Citizens & Property", "success": 1}},
     "Explosions/Remote violence"),
])
def test_gtd_crosswalk(record, expected):
    assert gtd_to_acled(record) == expected


@pytest.mark.parametrize(("actor", "country", "code"), [
    ("Russian forces", "Ukraine", 8), ("Ukrainian forces", "Ukraine", 1),
    ("US forces", "United States", 1), ("US forces", "Afghanistan", 8),
    ("Military forces of Armenia", "Azerbaijan", 8), ("Afghan government", "Afghanistan", 1),
    ("Taliban", "Afghanistan", 2), ("Protesters", "Iraq", 6), ("Civilians", "Syria", 7),
    ("Unidentified armed group", "Brazil", 3), (None, "Syria", None),
])
def test_actor_labels_map_to_acled_interaction_codes(actor, country, code):
    assert inter_code(actor, country) == code
