"""Trigger lexicons: the words that say an event happened, each with its character span.

A trigger carries a *cue* (what kind of happening it names), not yet an ACLED sub-type: the
classifier (:mod:`geomap.events.classify`) combines the cues of one sentence with context (who
was targeted, whether it was a demonstration) to pick the sub-type, as an ACLED coder would.

Triggers inside background or reported intent ("blamed the rebels for shelling", "urged an
inquiry into the raids", "would attack", "any airstrike") are marked ``background``:
ACLED codes what happened, not what was alleged, demanded or threatened.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from geomap.events.match_prefixes import match_prefixes
from geomap.lexicons import ENGLISH, Lexicon, built_from

# Cues.
CHEMICAL, SUICIDE, AIR, SHELL = "chemical", "suicide", "air", "shell"
IED, GRENADE, CLASH, FIRE = "ied", "grenade", "clash", "fire"
KILL, ATTACK, CAPTURE, WITHDRAW = "kill", "attack", "capture", "withdraw"
ABDUCT, SEXUAL, PROTEST, RIOT = "abduct", "sexual", "protest", "riot"
MOB, INTERVENE, ARREST, AGREEMENT = "mob", "intervene", "arrest", "agreement"
LOOT, DISRUPT, BASE, DEPLOY = "loot", "disrupt", "base", "deploy"
CHANGE, LIVE_FIRE, GUNS = "change", "live_fire", "guns"
AFTERMATH, CRUDE = "aftermath", "crude_bomb"

WEAPON_CUES = (CHEMICAL, SUICIDE, AIR, IED, GRENADE, SHELL)

_WORD_START = r"(?<![\w-])"


def _compile(pattern: str, case_sensitive: bool) -> tuple[re.Pattern[str], bool]:
    """(compiled pattern, whether it runs on the lower-cased text).

    Lower-case patterns on a lower-cased copy run ~2.5x faster than IGNORECASE in Python's re;
    the few patterns that test capitals run case-sensitively on the original text.
    """
    if case_sensitive:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])"), False
    return re.compile(rf"(?<![\w-])(?:{pattern.lower()})(?![\w])"), True


@dataclass(frozen=True, slots=True)
class _Gate:
    """A scan for the word starts where *some* of ``entries`` matches: ``by_prefix`` lists, per
    two characters, the entries a match can begin with (empty when some entry's are not a known
    set: then every entry is tried at each word start the scan finds)."""

    entries: tuple[int, ...]
    scan: re.Pattern[str]
    by_prefix: dict[str, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class _Tables:
    """One lexicon's trigger table compiled: (cue, pattern, on lower-cased text, strong) per
    entry (a weak one, a generic noun, makes an event only with support: a casualty figure, a
    date or a place tied to it in its sentence), the gates over the lower-case entries and over
    the case-sensitive ones, the background cues and where their reach ends, the acronyms that
    count only in capitals and the entries that name one."""

    compiled: list[tuple[str, re.Pattern[str], bool, bool]]
    lower_entries: list[int]
    gate: _Gate
    cased_gate: _Gate
    background: re.Pattern[str]
    clause_break: re.Pattern[str]
    case_sensitive: tuple[str, ...]
    acronym: re.Pattern[str]
    acronym_entries: frozenset[int]
    # background and clause_break compiled case-sensitive, for the lower-cased text where it is
    # ASCII (IGNORECASE keeps the regex engine trying every cue at every position; the same
    # matches); None when the lexicon's cues are not all lower-case without non-ASCII letters
    background_ascii: re.Pattern[str] | None
    clause_break_ascii: re.Pattern[str] | None


def _tables(lexicon: Lexicon) -> _Tables:
    compiled = [(entry.cue, *_compile(entry.pattern, entry.case_sensitive), entry.strong)
                for entry in lexicon.triggers]
    lower = [k for k, (_, _, on_lower, _) in enumerate(compiled) if on_lower]
    cased = [k for k, (_, _, on_lower, _) in enumerate(compiled) if not on_lower]
    # a trigger after a background cue, in the same clause, is not coded
    background = rf"\b(?:{'|'.join(lexicon.background)})\b"
    # ... whose reach a new clause that reports its own facts ends
    clause_break = rf"[;:\"“”()\[\]]|,\s|\b(?:{'|'.join(lexicon.clause_breaks)})\b"
    # (a non-ASCII letter could fold to an ASCII one under IGNORECASE: "ſ" matches "s")
    cues_lower = all(cue == cue.lower() and "(?<" not in cue
                     and all(c.isascii() or not c.isalpha() for c in cue)
                     for cue in lexicon.background + lexicon.clause_breaks)
    return _Tables(
        compiled, lower, _gate(compiled, lower), _gate(compiled, cased),
        re.compile(background, re.IGNORECASE), re.compile(clause_break, re.IGNORECASE),
        lexicon.acronyms,
        re.compile(f"(?:{'|'.join(acronym.lower() for acronym in lexicon.acronyms)})"),
        # _case_ok is a constant True for an entry that names no acronym
        frozenset(k for k, (_, pattern, _, _) in enumerate(compiled)
                  if any(a.lower() in pattern.pattern.lower() for a in lexicon.acronyms)),
        re.compile(background) if cues_lower else None,
        re.compile(clause_break) if cues_lower else None)


def _gate(compiled: list[tuple[str, re.Pattern[str], bool, bool]], entries: list[int]) -> _Gate:
    """The gate over ``entries``, split by the two characters a match begins with when every
    entry's are known: ``a(?=b(?<=(?<![\\w-])(?=entries for "ab")(?s:..))|c(...))|...``. A branch
    that opens with a literal is skipped by the regex engine without entering it, and its search
    skips, in C, every position whose character begins no entry, so a word start tries only the
    entries that can begin with its first two letters: the same word starts found, ~2x faster
    than one joined lookahead tried at each.
    """
    def joined(group: list[int]) -> str:
        return "|".join(f"(?:{compiled[k][1].pattern.removeprefix(_WORD_START)})" for k in group)

    if not entries:
        return _Gate((), re.compile(r"(?!)"), {})
    by_prefix: dict[str, list[int]] = {}
    for k in entries:
        heads = match_prefixes(compiled[k][1].pattern, 2)
        if heads is None or any(len(head) < 2 for head in heads):
            return _Gate(tuple(entries), re.compile(f"{_WORD_START}(?={joined(entries)})"), {})
        for head in heads:
            by_prefix.setdefault(head, []).append(k)
    branches = []
    for first in sorted({head[0] for head in by_prefix}):
        seconds = "|".join(f"{re.escape(head[1])}(?<={_WORD_START}(?={joined(group)})(?s:..))"
                           for head, group in sorted(by_prefix.items()) if head[0] == first)
        branches.append(f"{re.escape(first)}(?={seconds})")
    return _Gate(tuple(entries), re.compile("|".join(branches)),
                 {head: tuple(group) for head, group in by_prefix.items()})


def _scan(gate: _Gate, subject: str, first: int, last: int,
          compiled: list[tuple[str, re.Pattern[str], bool, bool]],
          found: list[tuple[int, int, int]]) -> None:
    """Every match of the gate's entries in subject[first:last], as each entry's ``finditer``
    would find them (an entry's next match starts after its previous one ends)."""
    until: dict[int, int] = {}
    by_prefix = gate.by_prefix
    for hit in gate.scan.finditer(subject, first, last):
        pos = hit.start()
        for k in by_prefix[subject[pos:pos + 2]] if by_prefix else gate.entries:
            if pos < until.get(k, 0):
                continue
            match = compiled[k][1].match(subject, pos, last)
            if match is not None:
                found.append((k, match.start(), match.end()))
                until[k] = max(match.end(), pos + 1)


_ENGLISH = built_from(ENGLISH, _tables)
_COMPILED = _ENGLISH.compiled


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger word or phrase: text[start:end], the cue it names, and how reliable it is."""

    start: int
    end: int
    cue: str
    strong: bool
    background: bool = False


def find_triggers(text: str, start: int = 0, end: int | None = None,
                  lexicon: Lexicon = ENGLISH) -> list[Trigger]:
    """Triggers in text[start:end] (a sentence), longest match first, no overlaps, in order."""
    end = len(text) if end is None else end
    return find_triggers_by_sentence(text, [(start, end)], lexicon)[0] if end > start else []


def find_triggers_by_sentence(text: str, sentences: list[tuple[int, int]],
                              lexicon: Lexicon = ENGLISH) -> list[list[Trigger]]:
    """:func:`find_triggers` for every sentence.

    The lexicon entries are found through two gates (lower-case entries on the lower-cased text,
    case-sensitive ones on the text): a scan for the word starts where *some* entry matches, then
    each entry that can begin there tried alone. Triggers are sparse, so this is several times
    cheaper than a pass per entry, and it finds exactly the same matches.
    """
    if not sentences:
        return []
    tables = built_from(lexicon, _tables)
    compiled = tables.compiled
    starts = [s for s, _ in sentences]
    first, last = sentences[0][0], sentences[-1][1]
    found: list[tuple[int, int, int]] = []  # (lexicon entry, start, end)
    lowered: str | None = text.lower()
    if len(lowered) == len(text):  # a few characters change length when lower-cased
        _scan(tables.gate, lowered, first, last, compiled, found)
    else:
        lowered = None
        for k in tables.lower_entries:
            pattern = re.compile(compiled[k][1].pattern, re.IGNORECASE)
            found.extend((k, m.start(), m.end()) for m in pattern.finditer(text, first, last))
    _scan(tables.cased_gate, text, first, last, compiled, found)
    buckets: list[list[tuple[int, int, str, bool]]] = [[] for _ in sentences]
    for k, start, end in sorted(found):
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or end > sentences[index][1]:
            continue  # a match across a sentence break is not a trigger
        cue_name, pattern, _, strong = compiled[k]
        if k not in tables.acronym_entries or _case_ok(text[start:end], pattern.pattern, tables):
            buckets[index].append((start, end, cue_name, strong))
    # most sentences of a long article have no candidate at all
    return [_resolve(text, sentences[i][0], bucket, tables, lowered) if bucket else []
            for i, bucket in enumerate(buckets)]


def _resolve(text: str, start: int, candidates: list[tuple[int, int, str, bool]],
             tables: _Tables = _ENGLISH, lowered: str | None = None) -> list[Trigger]:
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    for s, e, cue, strong in candidates:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        found.append(Trigger(s, e, cue, strong,
                             _in_background(text, start, s, tables, lowered)))
    found.sort(key=lambda t: t.start)
    return found


def _case_ok(matched: str, pattern: str, tables: _Tables = _ENGLISH) -> bool:
    """Acronyms (IED, MLRS, RPG ...) count only in capitals: "grads" or "rpg" are other words."""
    if matched.isupper() or not any(acronym.lower() in pattern.lower()
                                    for acronym in tables.case_sensitive):
        return True
    return not tables.acronym.fullmatch(matched.lower())


def _in_background(text: str, sentence_start: int, trigger_start: int,
                   tables: _Tables, lowered: str | None = None) -> bool:
    """Whether a background cue stands before the trigger in its clause; ``lowered`` is
    text.lower() when it keeps every offset."""
    background, clause_break = tables.background, tables.clause_break
    if (lowered is not None and tables.background_ascii is not None
            and tables.clause_break_ascii is not None
            and text[max(0, sentence_start - 1):trigger_start].isascii()):
        # the same matches, faster (see _Tables); the character before the sentence is read
        # by "\b", so it is checked too
        text, background, clause_break = lowered, tables.background_ascii, \
            tables.clause_break_ascii
    clause_start = sentence_start
    for brk in clause_break.finditer(text, sentence_start, trigger_start):
        clause_start = brk.end()
    return background.search(text, clause_start, trigger_start) is not None
