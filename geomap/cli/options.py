"""Options every geomap command shares, so that they are spelt and behave alike.

The CLI is the edge where a user's environment is read, once per command, as the default of an
option (`from_environment`); what it finds goes into the command's geomap.pipeline.Pipeline and
travels from there. No command writes an environment variable, and no stage reads one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click

#: The environment variables the CLI reads as defaults (README: "Environment variables").
#: GEOMAP_GAZETTEER is read by gazetteer.paths.default_path when no --gazetteer is given.
USER_AGENT, FALLBACK_URL = "GEOMAP_USER_AGENT", "GEOMAP_FALLBACK_URL"


def gazetteer_option(command: Callable) -> Callable:
    return click.option(
        "--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False), default=None,
        help="Gazetteer file (default: $GEOMAP_GAZETTEER or the user cache).")(command)


def offline_option(command: Callable) -> Callable:
    return click.option(
        "--offline/--online", default=True, show_default=True,
        help="--online lets names the gazetteer lacks go to the fallback geocoder.")(command)


def from_environment(name: str) -> str | None:
    """A user's setting from the environment (blank counts as unset)."""
    return os.environ.get(name, "").strip() or None


def open_gazetteer(path: str | None) -> Any:
    """The gazetteer at ``path`` (None: the default, built on first use), opened now.

    A missing or foreign file fails here, as itself (exit 5), before any input is read, and an
    explicit path is never silently built anew where the user pointed.
    """
    from gazetteer import Gazetteer
    from gazetteer.errors import GazetteerFileError
    from geomap.errors import GazetteerUnusable

    try:
        return Gazetteer.open(path)
    except GazetteerFileError:
        raise
    except Exception as error:  # damaged pages, an unreadable index: unusable all the same
        raise GazetteerUnusable(f"{path or 'the default gazetteer'}: gazetteer unusable: "
                                f"{error}") from None


def command_pipeline(gazetteer: str | None, offline: bool, lexicon: str = "en",
                     **engine: Any) -> Any:
    """The Pipeline of a command's options: an explicit gazetteer checked now (the default
    one's path fixed, built on first use), the lexicon's language checked now, the online
    fallback's user agent and URL from $GEOMAP_USER_AGENT and $GEOMAP_FALLBACK_URL."""
    from geomap.lexicons import languages
    from geomap.pipeline import Pipeline

    if lexicon not in languages():
        raise click.BadParameter(f"no lexicon {lexicon!r}; geomap has "
                                 f"{', '.join(languages())}", param_hint="--language")
    if gazetteer:
        gazetteer = str(open_gazetteer(gazetteer).path)
    return Pipeline(gazetteer=gazetteer, offline=offline, lexicon=lexicon,
                    user_agent=from_environment(USER_AGENT),
                    fallback_url=from_environment(FALLBACK_URL), **engine).resolved()
