"""The service files deploy as shipped: install-service.sh into a scratch root gives units that
systemd-analyze accepts, an /etc config with absolute paths, and a per-config cron lock."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from geomap.config import load_config
from geomap.synthetic import synthetic_articles

PROJECT = Path(__file__).resolve().parents[2]
SCRIPTS = PROJECT / "scripts"


def install(root: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPTS / "install-service.sh"), "--root", str(root),
                           "--prefix", str(PROJECT), *options],
                          capture_output=True, text=True, timeout=60)


def test_systemd_install_writes_units_and_an_absolute_config(tmp_path):
    done = install(tmp_path)
    assert done.returncode == 0, done.stderr
    units = tmp_path / "etc" / "systemd" / "system"
    service = (units / "geomap-regenerate.service").read_text(encoding="utf-8")
    for line in ("DynamicUser=yes", "StateDirectory=geomap", "CacheDirectory=geomap",
                 "LogsDirectory=geomap", "OnFailure=geomap-failure@%n.service",
                 "Environment=GEOMAP_GAZETTEER=/var/cache/geomap/gazetteer.sqlite",
                 "Environment=GEOMAP_ASSET_CACHE=/var/cache/geomap/assets",
                 f"ExecStart={PROJECT}/scripts/regenerate.sh"):
        assert line in service
    # 3 (something skipped) must alert: only "another run holds the lock" counts as success.
    assert "SuccessExitStatus=7\n" in service
    assert (units / "geomap-failure@.service").exists()
    assert (tmp_path / "var" / "lib" / "geomap" / "articles").is_dir()

    config = load_config(tmp_path / "etc" / "geomap" / "geomap.toml")
    assert config.sources == ["/var/lib/geomap/articles"]
    assert config.store == Path("/var/lib/geomap/geomap.sqlite")
    assert all(str(path).startswith("/var/lib/geomap/outputs/")
               for path in config.outputs.values())
    # Copying the config elsewhere changes nothing: every path in it is absolute.
    moved = tmp_path / "elsewhere.toml"
    shutil.copyfile(tmp_path / "etc" / "geomap" / "geomap.toml", moved)
    assert load_config(moved).store == config.store

    kept = tmp_path / "etc" / "geomap" / "geomap.toml"
    kept.write_text(kept.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert install(tmp_path).returncode == 0
    assert kept.read_text(encoding="utf-8").endswith("# edited\n")  # never overwritten


def test_systemd_analyze_verify_accepts_the_units(tmp_path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    assert install(tmp_path).returncode == 0
    units = sorted(str(path) for path in (tmp_path / "etc" / "systemd" / "system").iterdir())
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", *units],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "geomap" not in done.stderr  # no warning about our units


def test_cron_install_writes_a_cron_file_logrotate_and_the_directories(tmp_path):
    done = install(tmp_path, "--cron", "--user", "mapper")
    assert done.returncode == 0, done.stderr
    cron = (tmp_path / "etc" / "cron.d" / "geomap").read_text(encoding="utf-8")
    assert f"mapper {PROJECT}/scripts/regenerate.sh /etc/geomap/geomap.toml" in cron
    assert "GEOMAP_ASSET_CACHE=/var/cache/geomap/assets" in cron
    rotate = (tmp_path / "etc" / "logrotate.d" / "geomap").read_text(encoding="utf-8")
    assert "/var/log/geomap/regenerate.log" in rotate and "create 0640 mapper mapper" in rotate
    for directory in ("var/log/geomap", "var/cache/geomap", "var/lib/geomap/articles"):
        assert (tmp_path / directory).is_dir()


def wrapper_env(tmp_path: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("INVOCATION_ID", "GEOMAP_LOCK")}
    env.update(GEOMAP_LOG_DIR=str(tmp_path / "logs"), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir()
    return env


def test_regenerate_sh_locks_per_config_and_logs_when_it_did_nothing(job, make_job, tmp_path):
    env = wrapper_env(tmp_path)
    other = make_job("other")
    job.add("a.jsonl", synthetic_articles(2, seed=61))
    other.add("a.jsonl", synthetic_articles(2, seed=62))
    first = subprocess.run(["bash", str(SCRIPTS / "regenerate.sh"), str(job.config)], env=env,
                           capture_output=True, text=True, timeout=240)
    assert first.returncode == 0
    locks = list((tmp_path / "run").glob("geomap-regenerate.*.lock"))
    assert len(locks) == 1
    with open(locks[0], "a") as held:  # as if the first job were still running
        fcntl.flock(held, fcntl.LOCK_EX)
        again = subprocess.run(["bash", str(SCRIPTS / "regenerate.sh"), str(job.config)],
                               env=env, capture_output=True, text=True, timeout=60)
        side = subprocess.run(["bash", str(SCRIPTS / "regenerate.sh"), str(other.config)],
                              env=env, capture_output=True, text=True, timeout=240)
    assert again.returncode == 7
    assert side.returncode == 0  # another config is another job: not blocked
    log = (tmp_path / "logs" / "regenerate.log").read_text(encoding="utf-8")
    assert "this run did nothing" in log and str(job.config) in log


def test_regenerate_sh_says_so_when_it_cannot_write_its_log(job, tmp_path):
    env = wrapper_env(tmp_path)
    (tmp_path / "not-a-dir").write_text("x")
    env["GEOMAP_LOG_DIR"] = str(tmp_path / "not-a-dir" / "logs")
    done = subprocess.run(["bash", str(SCRIPTS / "regenerate.sh"), str(job.config)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 8
    assert "cannot write the log directory" in done.stderr


def test_a_fresh_user_offline_without_map_assets_gets_exit_6_in_one_line(job, tmp_path,
                                                                          monkeypatch):
    job.add("a.jsonl", synthetic_articles(2, seed=63))
    job.config.write_text(job.config.read_text().replace("offline = false", "offline = true"))
    monkeypatch.setenv("GEOMAP_ASSET_CACHE", str(tmp_path / "empty-asset-cache"))
    outcome = job.run(timeout=120)
    assert outcome.returncode == 6, outcome.stderr
    assert "Traceback" not in outcome.stderr and "asset cache" in outcome.stderr
    assert job.output_paths()["geojson"].exists()  # the other outputs are still written
    assert not job.output_paths()["map"].exists()
