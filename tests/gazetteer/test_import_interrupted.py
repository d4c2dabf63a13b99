"""An import that dies half-way: `download` leaves the gazetteer as it was (it imports into a
copy); a plain `import` keeps the files it committed and never answers from a stale name index."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from test_download import GeoNamesServer, fingerprint, row

import gazetteer.importer as importer
from gazetteer import Gazetteer
from gazetteer.importer import import_files


def test_an_import_that_fails_mid_way_leaves_no_stale_name_index(tmp_path, sample_geonames,
                                                                   monkeypatch):
    database = tmp_path / "g.sqlite"
    import_files(database, [sample_geonames])
    first = tmp_path / "AF.txt"
    first.write_text(row(9400001, "Kandaw Kalay", 34.5, 70.9, "AF", "04", "0401") + "\n",
                     encoding="utf-8")
    real = importer._import_one

    def die_on_the_second(conn, path, kind, progress):
        if path.name == "second.txt":
            raise OSError("killed")
        return real(conn, path, kind, progress)

    monkeypatch.setattr(importer, "_import_one", die_on_the_second)
    with pytest.raises(OSError):
        import_files(database, [first, tmp_path / "second.txt"])
    gaz = Gazetteer.open(database)
    try:  # the committed file is searchable: the index was rebuilt, not trusted
        assert gaz.has_name("kandaw kalay") and gaz.candidates("Kandaw Kalay")
    finally:
        gaz.close()


def test_kill_9_during_a_download_import_leaves_the_gazetteer_untouched(tmp_path,
                                                                         sample_geonames):
    database = tmp_path / "gaz" / "gazetteer.sqlite"
    import_files(database, [sample_geonames])
    before = fingerprint(database)
    lines = [row(9500000 + n, f"Kalay {n}", 34 + n / 1e5, 70.5, "AF", "04", "0401")
             for n in range(150_000)]
    archive = tmp_path / "AF.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("AF.txt", "\n".join(lines) + "\n")
    server = GeoNamesServer()
    server.files = {"/export/dump/AF.zip": archive.read_bytes()}
    server.thread.start()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen(
        [sys.executable, "-m", "geomap", "gazetteer", "--gazetteer", str(database), "download",
         "AF", "--base-url", server.url, "--retries", "0", "--no-progress"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not list(database.parent.glob(".*.importing")):
            assert child.poll() is None, "the import finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        time.sleep(0.5)  # well into the import
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
    assert fingerprint(database) == before
    gaz = Gazetteer.open(database)
    try:
        assert gaz.candidates("Aleppo") and not gaz.candidates("Kalay 7")
    finally:
        gaz.close()
