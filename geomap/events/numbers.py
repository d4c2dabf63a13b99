"""Counts written in news English: "12", "1,200", "twenty-five", "two dozen", "dozens", "a".

Vague quantities follow ACLED's codebook ("tens" = 10, "dozens" = 12, "hundreds" = 100,
"thousands" = 1000); ACLED gives no figure for "several", so we code the smallest reading a
reader would accept -- "a couple"/"a few" = 2, "several"/"a number of"/"multiple" = 3 -- which
keeps the conservative direction ACLED asks for when figures are uncertain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.lexicons import ENGLISH, Lexicon, built_from

_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d,]\d)"
_COUNT_RE = re.compile(rf"^(?:{_DIGITS})$")


@dataclass(frozen=True, slots=True, eq=False)
class NumberWords:
    """A lexicon's number words and the count pattern made of them (built once per lexicon,
    so it hashes by identity)."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]  # vague plurals (ACLED codebook values)
    #: Vague words we read by the smallest reading (ACLED's codebook values are the round
    #: plurals, "tens" and up): "several", "a few", "a number of".
    guessed: frozenset[str]
    #: Words that stand for one person when followed by a person noun ("a soldier", "another").
    single: dict[str, int]
    dozen: str
    conjunction: str
    one_article: frozenset[str]  # "a hundred"
    count: str  # one count, without its hedge, as a pattern; group "num"


def number_words(lexicon: Lexicon = ENGLISH) -> NumberWords:
    """The number words of ``lexicon`` (built on first use, then kept)."""
    return built_from(lexicon, _build)


def _build(lexicon: Lexicon) -> NumberWords:
    units, tens, scales, vague = (dict(lexicon.units), dict(lexicon.tens), dict(lexicon.scales),
                                  dict(lexicon.vague))
    dozen, conjunction = lexicon.dozen, lexicon.conjunction
    first = "|".join(sorted([w for w in [*units, *tens] if w not in lexicon.not_leading],
                            key=len, reverse=True))
    word = "|".join(sorted([*units, *tens, *scales, dozen, conjunction], key=len, reverse=True))
    spelled = (rf"(?:(?:{'|'.join(lexicon.dozen_multipliers)})\s+{dozen}|"
               rf"(?:{first})(?:[\s-]+(?:{word}))*(?<!{conjunction})(?<!\s)(?<!-))")
    vague_words = "|".join(sorted((re.escape(k) for k in vague), key=len, reverse=True))
    return NumberWords(units, tens, scales, vague,
                       frozenset(word for word, value in vague.items() if value < 10),
                       dict(lexicon.single), dozen, conjunction, frozenset(lexicon.one_article),
                       rf"(?P<num>{_DIGITS}|{vague_words}|{spelled})")


#: English's count pattern and guessed words, for the stages that read English notes only.
COUNT = number_words(ENGLISH).count
GUESSED = number_words(ENGLISH).guessed


def parse_count(phrase: str, lexicon: Lexicon = ENGLISH) -> int | None:
    """The integer a count phrase stands for, or None when it is not a count.

    >>> parse_count("twenty-five"), parse_count("1,200"), parse_count("two dozen")
    (25, 1200, 24)
    """
    return count_value(phrase, number_words(lexicon))


def count_value(phrase: str, words: NumberWords) -> int | None:
    """:func:`parse_count` with a lexicon's number words already built."""
    text = phrase.strip().lower()
    if not text:
        return None
    if _COUNT_RE.match(text):
        return int(text.replace(",", ""))
    if text in words.vague:
        return words.vague[text]
    if text in words.single:
        return words.single[text]
    parts = [w for w in re.split(r"[\s-]+", text) if w and w != words.conjunction]
    if not parts:
        return None
    total = current = 0
    for word in parts:
        if word in words.units:
            current += words.units[word]
        elif word in words.tens:
            current += words.tens[word]
        elif word == words.dozen:
            current = (current or 1) * 12
        elif word in words.scales:
            current = (current or 1) * words.scales[word]
            if words.scales[word] >= 1000:
                total += current
                current = 0
        elif word in words.one_article:
            current += 1
        else:
            return None
    return total + current


def even_share(total: int, parts: int, *, at_least_one: bool = True) -> int:
    """One event's share of a total split evenly over ``parts`` events (ACLED and GTD split a
    total, they never repeat it). When it does not divide, coders give the remainder to some of
    the events, one each, and we cannot tell which: the share most of the events get is the
    likelier one. A share read from a report is never rounded away to nothing ("a guard died
    across the two raids" is 1 for the raid at hand); ACLED's own split of one death over a
    dozen events (``at_least_one=False``) leaves most of them at 0.
    """
    whole, remainder = divmod(total, parts)
    share = whole + (2 * remainder > parts)
    return max(share, min(total, 1)) if at_least_one else share
