"""Kind rules read off the frame a name stands in: an institution's name around it ("X High
School", "X Country Club"). See kind_rules.KIND_RULES for where they run."""

from __future__ import annotations

from geomap.geoparse.kind_candidate import NEXT, Candidate, Verdict
from geomap.geoparse.recognize import Token
from geomap.geoparse.surroundings import adjacent, bare
from geomap.geoparse.words import Words

#: Capitalised words allowed between the name and the institution's head ("X Latin School").
_MAX_BETWEEN = 2
#: A word that makes the institution a public one, named after the town it serves ("X State
#: School"): that town is a place of the article.
_PUBLIC = frozenset({"state"})


def institution_namesake(c: Candidate) -> Verdict:
    """"Ridgely Middle School", "Tallow College": a small place's name (no county's) that the
    article uses only inside an institution's name is the institution's -- a school, club or
    company is named after a place as often as after a person or an idea, and where it stands
    is not the place it is named after. A county's name ("X County Hospital") or a name the
    article also uses alone is left to the other rules."""
    tokens, last, words = c.tokens, c.span.last, c.words
    if not _institution_follows(tokens, last, c.text, words) or \
            bare(tokens[last].text) in words.us_style_suffixes or c.strength > 0 or \
            _used_alone(c.text, c.name):
        return NEXT
    return None


def _institution_follows(tokens: list[Token], last: int, text: str, words: Words) -> bool:
    previous = tokens[last]
    for k in range(last + 1, min(last + 2 + _MAX_BETWEEN, len(tokens))):
        token = tokens[k]
        if not token.text[:1].isupper() or not adjacent(previous, token, text):
            return False
        word = bare(token.text)
        if word in words.institution_heads:
            return True
        if word in _PUBLIC:
            return False
        previous = token
    return False


def _used_alone(text: str, name: str) -> bool:
    """Whether some mention of ``name`` is followed by no capitalised word (the name alone,
    not the first words of a longer one)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        before = text[start - 1] if start else " "
        rest = text[end:end + 3].lstrip(" ")
        if not before.isalnum() and (end >= len(text) or not text[end].isalnum()) and \
                not rest[:1].isupper():
            return True
        start = text.find(name, end)
    return False

