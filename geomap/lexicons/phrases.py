"""Regular-expression phrases kept in a lexicon's TOML files ([grammar] tables), compiled by the
stage that reads them: placeholders filled from the patterns the stage built from word lists,
and the table checked against the fields the stage expects, so a language folder with a phrase
missing or misspelt fails when its lexicon is first used, naming the file and the entry."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import fields
from typing import TypeVar

from geomap.lexicons import Lexicon, LexiconError, fill

T = TypeVar("T")


def compile_phrases(lexicon: Lexicon, where: str, phrases: Iterable[tuple[str, str]],
                    slots: dict[str, str]) -> dict[str, re.Pattern]:
    """Each (name, pattern) filled and compiled without case (``(?-i:...)`` keeps it)."""
    compiled = {}
    for name, pattern in phrases:
        try:
            compiled[name] = re.compile(fill(pattern, slots), re.IGNORECASE)
        except re.error as exc:
            raise LexiconError(f"lexicon {lexicon.lang!r}: {where} {name}: {exc}") from exc
    return compiled


def checked(cls: type[T], values: dict[str, object], lexicon: Lexicon, where: str) -> T:
    """``cls(**values)``, or a LexiconError naming what ``where`` lacks or has too much."""
    expected = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    if missing := expected - values.keys():
        raise LexiconError(f"lexicon {lexicon.lang!r}: {where} lacks "
                           f"{', '.join(sorted(missing))}")
    if unknown := values.keys() - expected:
        raise LexiconError(f"lexicon {lexicon.lang!r}: {where} has unknown entries "
                           f"{', '.join(sorted(unknown))}")
    return cls(**values)


def require(compiled: dict[str, re.Pattern], names: Iterable[str], lexicon: Lexicon,
            where: str) -> dict[str, re.Pattern]:
    """``compiled``, or a LexiconError naming the phrases of ``names`` that ``where`` lacks."""
    if missing := set(names) - compiled.keys():
        raise LexiconError(f"lexicon {lexicon.lang!r}: {where} lacks "
                           f"{', '.join(sorted(missing))}")
    return compiled
