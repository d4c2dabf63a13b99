"""Bounded work per article: an article over the size limit becomes parts under it.

A scheduled run must finish: one giant article (a scraped archive page, a whole report pasted into
one record) would otherwise cost minutes and gigabytes, never be stored, and be started again by
every later run. Parts are cut at paragraph boundaries, else sentence ends, else spaces, so no
sentence a place or an event is read from is ever cut in two unless it alone is over the limit.
Part ids are ``<id>#1``, ``<id>#2``, ...: each part is stored, retried and pruned on its own.

    >>> from geomap.model import Article
    >>> [part.id for part in split_article(Article("a", "One.\\n\\nTwo."), max_bytes=6)]
    ['a#1', 'a#2']
"""

from __future__ import annotations

import re
from dataclasses import replace

from geomap.model import Article

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE = re.compile(r"(?<=[.!?])[\"')\]]?\s+")
_SPACE = re.compile(r"\s+")
_SEPARATORS = (_PARAGRAPH, _SENTENCE, _SPACE)


def split_article(article: Article, max_bytes: int) -> list[Article]:
    """``[article]`` when it fits in ``max_bytes`` (UTF-8), else its parts in text order."""
    if len(article.text.encode("utf-8")) <= max_bytes:
        return [article]
    pieces = _pieces(article.text, max_bytes)
    return [replace(article, id=f"{article.id}#{number}", text=text)
            for number, text in enumerate(pieces, start=1)]


def _pieces(text: str, max_bytes: int) -> list[str]:
    """Greedy packing of the units: as many whole paragraphs (or sentences) per part as fit."""
    parts: list[list[str]] = []
    sizes: list[int] = []
    for unit, joiner in _units(text, max_bytes, 0):
        size = _size(unit)
        if parts and sizes[-1] + len(joiner) + size <= max_bytes:
            parts[-1].extend((joiner, unit))
            sizes[-1] += len(joiner) + size
        else:
            parts.append([unit])
            sizes.append(size)
    return ["".join(part) for part in parts]


def _units(text: str, max_bytes: int, level: int) -> list[tuple[str, str]]:
    """(piece, what joins it to the piece before) under ``max_bytes``, split by the coarsest
    separator that works: paragraphs rejoin as paragraphs, sentences and words with a space."""
    joiner = "\n\n" if level <= 1 else " "
    if _size(text) <= max_bytes:
        return [(text, joiner)]
    if level == len(_SEPARATORS):  # one unbroken run of characters: cut it by bytes
        return [(piece, "") for piece in _cut(text, max_bytes)]
    units: list[tuple[str, str]] = []
    for piece in _SEPARATORS[level].split(text):
        if piece.strip():
            units.extend(_units(piece.strip(), max_bytes, level + 1))
    return units


def _cut(text: str, max_bytes: int) -> list[str]:
    data = text.encode("utf-8")
    pieces, start = [], 0
    while start < len(data):
        end = min(len(data), start + max_bytes)
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # not inside a UTF-8 sequence
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start = end
    return pieces


def _size(text: str) -> int:
    return len(text.encode("utf-8"))
