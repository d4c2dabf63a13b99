"""Encodings are detected; a bad file or line is reported with where it is, and the rest go on."""

from __future__ import annotations

import json
import os

import pytest

from geomap.errors import InputError
from geomap.ingest import iter_articles
from geomap.ingest.decode import decode_bytes

WESTERN = "Café near Deir ez-Zor — 12 killed “yesterday”, naïve façade; 5 wounded.\n"
RUSSIAN = "Российские войска обстреляли Харьков, погибли 5 человек.\n"
ARABIC = "قصف الطيران مدينة حلب وقتل خمسة أشخاص.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_unicode_files_with_and_without_bom(tmp_path, encoding):
    data = WESTERN.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # utf-16-be writes no BOM of its own
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (article,) = iter_articles([str(path)])
    assert article.text == WESTERN


def test_utf16_jsonl_with_bom(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps({"id": "u", "text": WESTERN}, ensure_ascii=False)
                     .encode("utf-16"))
    (article,) = iter_articles([str(path)])
    assert article.text == WESTERN


@pytest.mark.parametrize(("text", "encoding"), [
    (WESTERN, "cp1252"),
    ("Les forces ont bombardé Alep; l'hôpital a été touché.\n", "latin-1"),
    (RUSSIAN * 2, "cp1251"),
    (ARABIC * 2, "cp1256"),
])
def test_legacy_single_byte_encodings(text, encoding):
    # charset-normalizer alone reads short cp1252 text as cp1250/cp775: the decoder must not.
    assert decode_bytes(text.encode(encoding)) == text


def test_cp1252_csv(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(f'id,text\nw1,"{WESTERN.strip()}"\n'.encode("cp1252"))
    (article,) = iter_articles([str(path)])
    assert article.text == WESTERN.strip()


def test_bad_jsonl_lines_are_reported_with_path_and_line_and_the_rest_go_on(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "ok1", "text": "Clashes in Homs."}\n'
                    '{"id": "broken", "text": "unterminated\n'
                    '\n'
                    '["not", "an", "object"]\n'
                    '{"id": "empty", "text": "   "}\n'
                    '{"id": "baddate", "text": "x", "published": "next Tuesday-ish"}\n'
                    '{"id": "ok2", "text": "Protest in Daraa."}\n', encoding="utf-8")
    problems: list[InputError] = []
    articles = list(iter_articles([str(path)], problems=problems))
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [(p.path, p.line) for p in problems] == [
        (str(path), 2), (str(path), 4), (str(path), 5), (str(path), 6)]
    assert str(problems[0]).startswith(f"{path}:2: invalid JSON")
    assert "text" in str(problems[2])


def test_csv_without_text_column_and_ragged_rows(tmp_path):
    missing = tmp_path / "missing.csv"
    missing.write_text("id,body\n1,x\n")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text('id,text\nr1,"fine"\nr2,"too",many\nr3,"fine too"\n')
    problems: list[InputError] = []
    articles = list(iter_articles([str(missing), str(ragged)], problems=problems))
    assert [a.id for a in articles] == ["r1", "r3"]
    assert [(os.path.basename(p.path), p.line) for p in problems] == [
        ("missing.csv", 1), ("ragged.csv", 3)]


def test_unreadable_binary_missing_and_empty_inputs_are_skipped_not_raised(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Shelling in Aleppo.")
    binary = tmp_path / "corrupt.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(512))
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "deleted-target.txt")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    broken_feed = tmp_path / "broken.xml"
    broken_feed.write_text("<rss><channel><item><title>x</tit")
    problems: list[InputError] = []
    inputs = [str(p) for p in (binary, dangling, empty, broken_feed, good)]
    inputs += [str(tmp_path / "nowhere.txt"), str(tmp_path / "none-*.jsonl")]
    articles = list(iter_articles(inputs, problems=problems))
    assert [a.id for a in articles] == ["good"]
    reported = {os.path.basename(p.path): str(p) for p in problems}
    assert set(reported) == {"corrupt.txt", "gone.txt", "empty.txt", "broken.xml",
                             "nowhere.txt", "none-*.jsonl"}
    assert "binary" in reported["corrupt.txt"]
    assert "cannot read" in reported["gone.txt"]
    assert "no such file" in reported["nowhere.txt"]
    assert "no file matches" in reported["none-*.jsonl"]
    assert all(isinstance(p, InputError) for p in problems)


def test_problems_default_to_silently_skipped_when_no_list_is_given(tmp_path):
    (tmp_path / "a.jsonl").write_text('oops\n{"id": "b", "text": "B."}\n')
    assert [a.id for a in iter_articles([str(tmp_path)])] == ["b"]
