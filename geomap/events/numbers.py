"""Counts written in news English: "12", "1,200", "twenty-five", "two dozen", "dozens", "a".

Vague quantities follow ACLED's codebook ("tens" = 10, "dozens" = 12, "hundreds" = 100,
"thousands" = 1000); ACLED gives no figure for "several", so we code the smallest reading a
reader would accept -- "a couple"/"a few" = 2, "several"/"a number of"/"multiple" = 3 -- which
keeps the conservative direction ACLED asks for when figures are uncertain.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
#: Vague plurals (ACLED codebook values; "scores" = the smallest plural of a score).
VAGUE = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "several": 3, "multiple": 3, "a number of": 3, "a few": 2, "a couple of": 2, "a couple": 2,
    "a handful of": 3, "many": 3, "numerous": 3,
}
#: Words that stand for one person when followed by a person noun ("a soldier", "another").
SINGLE = {"a": 1, "an": 1, "another": 1, "one": 1, "his": 1, "her": 1, "the": 1}

_FIRST = "|".join(sorted([w for w in [*UNITS, *TENS] if w != "no"], key=len, reverse=True))
_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen", "and"], key=len, reverse=True))
_SPELLED = (rf"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+dozen|"
            rf"(?:{_FIRST})(?:[\s-]+(?:{_WORD}))*(?<!and)(?<!\s)(?<!-))")
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
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if not words:
        return None
    total = current = 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
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
