"""The strings a regular expression's matches can begin with, read from its parse tree.

A gate that tries a long list of patterns at every word start spends most of its time in
patterns that cannot match there; knowing the first characters each pattern allows lets a gate
try, at a word start, only the patterns that can begin with the characters found there.
"""

from __future__ import annotations

from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def match_prefixes(pattern: str, size: int) -> frozenset[str] | None:
    """The first ``size`` characters of every match of ``pattern`` (the whole match when it is
    shorter), or None when they are not a small known set (a class such as ``\\w``, ``.``, a
    negated set, a back-reference, inline flags).

    Lookarounds and anchors are read as matching the empty string: they consume nothing, so
    leaving out their condition can only widen the set, never drop a prefix a match has.
    """
    found = _sequence(sre_parse.parse(pattern), size)
    return None if found is None else frozenset(found)


def _sequence(items, size: int) -> set[str] | None:  # noqa: ANN001 - sre's parse tree
    heads = {""}
    for item in items:
        heads = _extend(heads, item, size, _item)
        if heads is None:
            return None
    return heads


def _extend(heads: set[str], part, size: int, read) -> set[str] | None:  # noqa: ANN001
    """Every head followed by what ``part`` can match, cut at ``size`` characters."""
    out: set[str] = set()
    for head in heads:
        if len(head) == size:
            out.add(head)
            continue
        tails = read(part, size - len(head))
        if tails is None:
            return None
        out.update(head + tail for tail in tails)
    return out


def _item(item, size: int) -> set[str] | None:  # noqa: ANN001 - sre's parse tree
    op, arg = item
    if op in _ZERO_WIDTH:
        return {""}
    if op is sre.LITERAL:
        return {chr(arg)}
    if op is sre.IN:
        return _char_set(arg)
    if op is sre.SUBPATTERN:
        return None if arg[1] or arg[2] else _sequence(arg[3], size)
    if op is sre.BRANCH:
        out: set[str] = set()
        for alternative in arg[1]:
            found = _sequence(alternative, size)
            if found is None:
                return None
            out |= found
        return out
    if op in _REPEATS:
        return _repeat(arg, size)
    return None


def _repeat(arg, size: int) -> set[str] | None:  # noqa: ANN001 - sre's parse tree
    least, most, body = arg
    current, out, count = {""}, ({""} if least == 0 else set()), 0
    while count < most:  # strings of at most `size` characters are finitely many: this ends
        count += 1
        current = _extend(current, body, size, _sequence)
        if current is None:
            return None
        if count >= least and current <= out:
            break
        out |= {head for head in current if len(head) == size or count >= least}
    return out


def _char_set(members) -> set[str] | None:  # noqa: ANN001 - sre's parse tree
    chars: set[str] = set()
    for op, arg in members:
        if op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        else:  # a category (\w, \d), a negation: not a small known set
            return None
    return chars
