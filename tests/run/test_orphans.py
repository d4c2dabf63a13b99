"""kill -9 of a `geomap run --engine processes` leaves no process behind: the pool's workers die
with their parent (PR_SET_PDEATHSIG), and no forkserver or resource tracker lingers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap.synthetic import synthetic_articles

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def session_members(sid: int) -> list[tuple[int, str]]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        # fields[0] is the state; 3 is the pgrp, 4 the session id.
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append((int(entry.name), command.strip()))
    return members


def test_kill_9_of_a_process_pool_run_leaves_no_process_behind(job):
    job.add("batch.jsonl", synthetic_articles(1500, seed=51, paragraphs=3))
    job.config.write_text(job.config.read_text().replace("batch_size = 10", "batch_size = 500"))
    process = subprocess.Popen(
        [sys.executable, "-m", "geomap", "run", "--config", str(job.config), "--engine",
         "processes", "--workers", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    sid = process.pid
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(session_members(sid)) < 4:
            assert process.poll() is None, "the run ended before its workers were seen"
            time.sleep(0.2)
        started = session_members(sid)
        assert len(started) >= 4, started  # the run, its resource tracker and two workers
        time.sleep(4.0)  # workers busy, results waiting in the pipes
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and session_members(sid):
            time.sleep(0.2)
        left = session_members(sid)
    finally:
        for pid, _ in session_members(sid):
            os.kill(pid, signal.SIGKILL)
    assert left == [], left
