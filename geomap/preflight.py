"""What a scheduled run checks before it touches a single article (and `geomap run --check`).

An infrastructure failure -- the gazetteer unusable, the store unusable, a required fallback
down -- is no article's fault. Found here, it stops the run with its documented exit code while
the previous events and outputs stay as they were; found later (inside an article), the pipeline
raises the same errors and the run stops the same way.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from geomap.config import RunConfig
from geomap.errors import (
    ConfigError,
    FallbackUnavailable,
    GazetteerUnusable,
    ServiceUnavailable,
    StoreUnusable,
)
from geomap.model import Article

log = logging.getLogger("geomap.run")

#: A sentence with places every gazetteer knows: processing it reads the gazetteer for real.
PROBE = Article("geomap-preflight", "Shelling was reported in Aleppo and Baghdad on Monday.")


def check_gazetteer(config: RunConfig) -> None:
    """Open the gazetteer and geoparse one sentence with it; GazetteerUnusable (exit 5) if not.

    A path named in the config (or with --gazetteer) must exist: building one there silently
    would hide a typo behind a 25 s build and a gazetteer the operator never chose. Only the
    default location is built on first use.
    """
    from gazetteer import Gazetteer
    from geomap.pipeline import Pipeline, process_article

    explicit = config.gazetteer is not None
    try:
        gazetteer = Gazetteer.open(config.gazetteer, build=not explicit)
    except Exception as error:  # the file, its trie, a failed first build: all mean "unusable"
        where = f"'gazetteer.path' = {config.gazetteer}" if explicit else "the default gazetteer"
        raise GazetteerUnusable(f"{where}: {_one_line(error)}") from None
    # Raises GazetteerUnusable when reads fail.
    probe = process_article(PROBE, Pipeline(gazetteer=str(gazetteer.path)))
    if not probe.ok or not any(mention.place for mention in probe.mentions):
        raise GazetteerUnusable(f"{gazetteer.path}: the gazetteer resolves no known place "
                                f"({'; '.join(probe.errors) or 'empty'}); rebuild it with "
                                f"`geomap gazetteer build --gazetteer {gazetteer.path}`")


def check_fallback(config: RunConfig) -> None:
    """With gazetteer.require_fallback, one real request: FallbackUnavailable (exit 6) if the
    service does not answer, so no article is processed without it."""
    if config.offline or not config.require_fallback:
        return
    if not config.user_agent:
        raise ConfigError("'gazetteer.require_fallback' needs 'gazetteer.user_agent' (the "
                          "fallback is off without one)")
    from gazetteer import Gazetteer
    from gazetteer.fallback import fallback_for, probe

    fallback = fallback_for(Gazetteer.open(config.gazetteer), user_agent=config.user_agent,
                            url=config.fallback_url, timeout=10.0)
    try:
        probe(fallback)
    except ServiceUnavailable as error:
        raise FallbackUnavailable(f"online fallback required (gazetteer.require_fallback) but "
                                  f"unavailable: {_one_line(error)}; nothing was processed") \
            from None


def check_outputs(config: RunConfig) -> None:
    """Every output's directory exists (or can be made) and is writable."""
    for kind, path in config.outputs.items():
        directory = _existing_ancestor(path.parent)
        if directory is None or not directory.is_dir():
            raise ConfigError(f"'outputs.{kind}' = {path}: {directory} is not a directory")
        if not os.access(directory, os.W_OK | os.X_OK):
            raise ConfigError(f"'outputs.{kind}' = {path}: directory {directory} is not writable")
        if path.is_dir():
            raise ConfigError(f"'outputs.{kind}' = {path} is a directory")


def check_store(config: RunConfig) -> None:
    """Open the store without creating it and read every page (StoreUnusable, exit 9)."""
    from geomap.store import EventStore

    if not config.store.exists():
        directory = _existing_ancestor(config.store.parent)
        if directory is None or not directory.is_dir() or \
                not os.access(directory, os.W_OK | os.X_OK):
            raise StoreUnusable(f"'store.path' = {config.store}: cannot be created in "
                                f"{directory}")
        return
    with EventStore.open(config.store, create=False, read_only=True) as store:
        store.check()


def _existing_ancestor(path: Path) -> Path | None:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return None


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 300 else text[:297] + "..."
