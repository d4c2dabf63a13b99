"""One article's text read once: its tokens (the geoparser's) and its sentences (the event
stage's), so neither stage splits the text again.

    >>> document = read_document("Shelling hit Sangin. Two died.")
    >>> [t.text for t in document.tokens][:3], document.sentences
    (['Shelling', 'hit', 'Sangin'], ((0, 20), (21, 30)))
"""

from __future__ import annotations

from geomap.geoparse.tokenizer import Token, tokenize
from geomap.geoparse.words import ENGLISH_WORDS, Words
from geomap.text import sentence_spans


class Document:
    """A text with its tokens; the sentences are split on first use and kept. Offsets index
    ``text`` itself, so every span can be quoted back."""

    __slots__ = ("_sentences", "text", "tokens")

    def __init__(self, text: str, tokens: list[Token]):
        self.text = text
        self.tokens = tokens
        self._sentences: tuple[tuple[int, int], ...] | None = None

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each sentence, as ``geomap.text.sentence_spans`` splits them."""
        if self._sentences is None:
            self._sentences = sentence_spans(self.text)
        return self._sentences

    def __repr__(self) -> str:
        return f"Document({len(self.text)} chars, {len(self.tokens)} tokens)"


def read_document(text: str, words: Words = ENGLISH_WORDS) -> Document:
    """``text`` tokenised with ``words`` (the English ones by default)."""
    return Document(text, tokenize(text, words))
