"""Counts written in news English: "12", "1,200", "twenty-five", "two dozen", "dozens", "a".

Vague quantities follow ACLED's codebook ("tens" = 10, "dozens" = 12, "hundreds" = 100,
"thousands" = 1000); ACLED gives no figure for "several", so we code the smallest reading a
reader would accept -- "a couple"/"a few" = 2, "several"/"a number of"/"multiple" = 3 -- which
keeps the conservative direction ACLED asks for when figures are uncertain.
"""

from __future__ import annotations

import re

from geomap.lexicons import ENGLISH

UNITS = dict(ENGLISH.units)
TENS = dict(ENGLISH.tens)
SCALES = dict(ENGLISH.scales)
#: Vague plurals (ACLED codebook values).
VAGUE = dict(ENGLISH.vague)
#: Vague words we read by the smallest reading (ACLED's codebook values are the round plurals,
#: "tens" and up): "several", "a few", "a number of".
GUESSED = frozenset(word for word, value in VAGUE.items() if value < 10)
#: Words that stand for one person when followed by a person noun ("a soldier", "another").
SINGLE = dict(ENGLISH.single)
_DOZEN, _AND = ENGLISH.dozen, ENGLISH.conjunction

_FIRST = "|".join(sorted([w for w in [*UNITS, *TENS] if w != "no"], key=len, reverse=True))
_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, _DOZEN, _AND], key=len, reverse=True))
_SPELLED = (rf"(?:(?:{'|'.join(ENGLISH.dozen_multipliers)})\s+{_DOZEN}|"
            rf"(?:{_FIRST})(?:[\s-]+(?:{_WORD}))*(?<!{_AND})(?<!\s)(?<!-))")
_VAGUE = "|".join(sorted((re.escape(k) for k in VAGUE), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d,]\d)"

#: One count, without its hedge. Group "num".
COUNT = rf"(?P<num>{_DIGITS}|{_VAGUE}|{_SPELLED})"
_COUNT_RE = re.compile(rf"^(?:{_DIGITS})$")


def parse_count(phrase: str) -> int | None:
    """The integer a count phrase stands for, or None when it is not a count.

    >>> parse_count("twenty-five"), parse_count("1,200"), parse_count("two dozen")
    (25, 1200, 24)
    """
    text = phrase.strip().lower()
    if not text:
        return None
    if _COUNT_RE.match(text):
        return int(text.replace(",", ""))
    if text in VAGUE:
        return VAGUE[text]
    if text in SINGLE:
        return SINGLE[text]
    words = [w for w in re.split(r"[\s-]+", text) if w and w != _AND]
    if not words:
        return None
    total = current = 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == _DOZEN:
            current = (current or 1) * 12
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total += current
                current = 0
        elif word == "a":
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
