"""Helpers for the geoparser tests."""

from __future__ import annotations


def names_of(parse, text: str) -> list[str]:
    """The names ``parse`` (the conftest fixture) marks in ``text``, in order."""
    return [m.name for m in parse(text)]
