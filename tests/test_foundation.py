"""The shared foundation: atomic writes, exit-code mapping, sentence and token offsets."""

from __future__ import annotations

import os
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geomap.atomic import atomic_path, atomic_write
from geomap.cli import main
from geomap.errors import (
    EXIT_CONFIG,
    EXIT_GAZETTEER,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    EXIT_SERVICE,
    ConfigError,
    GazetteerFileError,
    LockHeld,
    ServiceUnavailable,
    exit_code_for,
)
from geomap.model import EVENT_FIELDS, Event
from geomap.text import sentence_spans


def test_atomic_write_replaces_only_when_complete(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old\n")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as handle:
            handle.write("half of the new")
            raise RuntimeError("crash in the middle")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]  # no temp file left behind

    with atomic_write(target) as handle:
        handle.write("new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_atomic_path_gives_writers_a_fresh_path(tmp_path):
    target = tmp_path / "events.gpkg"
    with atomic_path(target) as temp:
        assert not temp.exists() and temp.parent == tmp_path
        temp.write_bytes(b"data")
    assert target.read_bytes() == b"data"


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (ConfigError("outputs.map: expected a path"), EXIT_CONFIG),
        (LockHeld("another run holds the lock"), EXIT_LOCKED),
        (GazetteerFileError("schema 0, expected 1"), EXIT_GAZETTEER),
        (ServiceUnavailable("nominatim: timed out"), EXIT_SERVICE),
        (KeyError("a bug"), EXIT_INTERNAL),
    ],
)
def test_errors_map_to_documented_exit_codes(error, code):
    assert exit_code_for(error) == code


def test_cli_usage_errors_exit_2_and_help_exits_0(capsys):
    assert main(["no-such-command"]) == 2
    assert main(["--help"]) == 0
    assert "Exit codes" in capsys.readouterr().out


def test_event_record_holds_exactly_the_contract_fields():
    from datetime import date

    record = Event("e1", "a1", "Battles", "Armed clash", event_date=date(2016, 9, 17)).record()
    assert tuple(record) == EVENT_FIELDS
    assert record["event_date"] == "2016-09-17" and record["lat"] is None


def test_sentences_keep_abbreviations_inside():
    text = "U.S. forces hit Deir ez-Zor. Gen. Igor Konashenkov said so.\n\nNew paragraph"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "U.S. forces hit Deir ez-Zor.", "Gen. Igor Konashenkov said so.", "New paragraph"]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_spans_are_valid_for_any_text(text):
    for start, end in sentence_spans(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
