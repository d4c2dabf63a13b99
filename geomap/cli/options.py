"""Options every geomap command shares, so that they are spelt and behave alike."""

from __future__ import annotations

import os
from collections.abc import Callable

import click


def gazetteer_option(command: Callable) -> Callable:
    return click.option(
        "--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False), default=None,
        help="Gazetteer file (default: $GEOMAP_GAZETTEER or the user cache).")(command)


def offline_option(command: Callable) -> Callable:
    return click.option(
        "--offline/--online", default=True, show_default=True,
        help="--online lets names the gazetteer lacks go to the fallback geocoder.")(command)


def use_gazetteer(path: str | None) -> None:
    """Make ``path`` this process's gazetteer (and its workers', through the environment).

    It is opened here first, so a missing or foreign file fails now, as itself (exit 5), and
    is never silently built anew where the user pointed.
    """
    if not path:
        return
    from gazetteer import Gazetteer
    from gazetteer.errors import GazetteerFileError
    from geomap.errors import GazetteerUnusable

    try:
        Gazetteer.open(path)
    except GazetteerFileError:
        raise
    except Exception as error:  # damaged pages, an unreadable index: unusable all the same
        raise GazetteerUnusable(f"{path}: gazetteer unusable: {error}") from None
    os.environ["GEOMAP_GAZETTEER"] = str(path)
