"""Fixtures shared by every test area."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """../shared/eval when present; tests that read it skip cleanly otherwise."""
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not present")
    return path


@pytest.fixture(scope="session")
def user_example() -> Path:
    """The user's own example article (../shared/examples)."""
    path = SHARED / "examples" / "aleppo-kerry-2016-10-07.txt"
    if not path.is_file():
        pytest.skip("../shared/examples is not present")
    return path


@pytest.fixture(scope="session")
def default_copy_with():
    """A function: a copy of the default gazetteer (with its name index) in ``directory``, with
    one named point added through `geomap gazetteer add` as a user would; returns its path."""
    import shutil
    import subprocess
    import sys

    def make(directory: Path, name: str, lat: float, lon: float, *options: str) -> Path:
        from gazetteer import Gazetteer

        source = Gazetteer.open().path
        target = Path(directory) / "gazetteer.sqlite"
        shutil.copyfile(source, target)
        trie = source.with_name(source.name + ".names.marisa")
        if trie.exists():
            shutil.copyfile(trie, target.with_name(trie.name))
        added = subprocess.run(
            [sys.executable, "-m", "geomap", "gazetteer", "add", name, str(lat), str(lon),
             *options, "--gazetteer", str(target)], capture_output=True, text=True, timeout=300)
        assert added.returncode == 0, added.stderr
        return target

    return make
