"""The README's "From Python" block is run as it stands, so the example a user copies cannot drift
from the API (tests/test_python_api.py checks the same steps' results in detail)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_python_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### From Python", 1)
    if len(section) < 2:
        pytest.fail("README.md has no '### From Python' section")
    found = re.search(r"```python\n(.*?)```", section[1], re.DOTALL)
    if found is None:
        pytest.fail("the README's 'From Python' section has no python block")
    return found.group(1)


def test_the_block_is_five_lines():
    lines = [line for line in readme_python_block().splitlines() if line.strip()]
    assert len(lines) == 5, lines


def test_the_block_runs_and_maps_only_the_filtered_events(tmp_path, monkeypatch):
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    (tmp_path / "outputs").mkdir()
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    exec(compile(readme_python_block(), "README.md", "exec"), names)  # noqa: S102 - our README
    events, deadly = names["events"], names["deadly"]
    assert len(events) > len(deadly) >= 1
    assert (deadly.fatalities >= 5).all()
    html = (tmp_path / "outputs" / "deadly.html").read_text(encoding="utf-8")
    for location in deadly.location.dropna():
        assert location in html
    for location in set(events.location.dropna()) - set(deadly.location.dropna()):
        assert location not in html
