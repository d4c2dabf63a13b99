"""The cron/systemd wrapper: logs to a file, and an overlapping start exits 7 at once."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
from pathlib import Path

import pytest

from geomap.synthetic import synthetic_articles

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def wrapper_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "INVOCATION_ID"}
    env.update(GEOMAP_LOG_DIR=str(tmp_path / "logs"), GEOMAP_LOCK=str(tmp_path / "cron.lock"))
    return env


def test_regenerate_sh_runs_the_job_and_appends_json_logs(job, tmp_path):
    job.add("batch.jsonl", synthetic_articles(5, seed=9))
    done = subprocess.run(["bash", str(SCRIPTS / "regenerate.sh"), str(job.config)],
                          env=wrapper_env(tmp_path), capture_output=True, text=True, timeout=240)
    log = (tmp_path / "logs" / "regenerate.log").read_text(encoding="utf-8")
    assert done.returncode == 0, log
    summary = [json.loads(line) for line in log.splitlines() if '"run_id"' in line]
    assert summary[-1]["articles_new"] == 5
    assert job.output_paths()["geojson"].exists()


def test_regenerate_sh_exits_7_while_a_run_holds_the_cron_lock(job, tmp_path):
    env = wrapper_env(tmp_path)
    with open(env["GEOMAP_LOCK"], "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        done = subprocess.run(["bash", str(SCRIPTS / "regenerate.sh"), str(job.config)],
                              env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 7
    assert not job.outputs.exists()


@pytest.mark.parametrize("unit", ["geomap-regenerate.service", "geomap-regenerate.timer"])
def test_systemd_units_declare_oneshot_and_persistent(unit):
    text = (SCRIPTS / unit).read_text(encoding="utf-8")
    if unit.endswith(".service"):
        assert "Type=oneshot" in text and "regenerate.sh" in text
    else:
        assert "Persistent=true" in text and "Unit=geomap-regenerate.service" in text
