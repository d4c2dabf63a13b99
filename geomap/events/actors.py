"""Actors at the level the text supports: "Russian forces", "Islamic State", "Civilians".

ACLED names actors by type and country ("Military Forces of Russia", "Civilians (Syria)"); we
keep the reader's level ("Russian forces", "Syrian government forces"), because the text rarely
gives more, and never invent a nationality the sentence does not state.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from geomap.geoparse.words import group_key, words_of
from geomap.lexicons import ENGLISH, Lexicon, built_from
from geomap.lexicons.phrases import checked, compile_phrases
from geomap.model import Mention

#: The generic actor name for attackers the text does not identify ("gunmen", "assailants").
UNIDENTIFIED = "Unidentified armed group"
#: Nationality adjective -> country (the English lexicon's; other modules read it).
NATIONAL = dict(ENGLISH.national)


@dataclass(frozen=True, slots=True)
class _Actors:
    """One lexicon's actor patterns: named groups (case-sensitive), generic actors (checked
    after nationality-qualified forces), nationality adjective + force noun."""

    national: dict[str, str]
    force_noun: str
    national_forces: re.Pattern[str]
    groups: list[tuple[re.Pattern[str], str]]
    generic: list[tuple[re.Pattern[str], str]]
    group_name: re.Pattern[str]
    # Each group's pattern without its leading \b: a match of the pattern is one of its gate,
    # and a case-sensitive gate opens on a literal or a first letter, which the regex engine
    # scans for several times faster than for a word boundary. A sentence no gate matches in
    # needs no pass of those patterns (most sentences name no group).
    groups_gate: re.Pattern[str]
    group_gates: list[re.Pattern[str]]
    # national_forces and generic compiled case-sensitive, for a lower-cased ASCII sentence:
    # IGNORECASE keeps the regex engine from skipping the alternatives that open on another
    # letter (~2x faster, the same matches). None when the lexicon's patterns are not all
    # lower-case, with no non-ASCII letter and no look-behind.
    national_ascii: re.Pattern[str] | None
    generic_ascii: list[tuple[re.Pattern[str], str]] | None
    # All the generic patterns as one (and its case-sensitive twin, None with generic_ascii):
    # it matches a sentence exactly when one of them does, and most sentences name no generic
    # actor, so one search spares them a pass of every pattern.
    generic_gate: re.Pattern[str]
    generic_gate_ascii: re.Pattern[str] | None
    g: ActorGrammar  # actors.toml's [grammar] and [sets]


@dataclass(frozen=True, slots=True)
class ActorGrammar:
    """actors.toml's [grammar] phrases and [sets] (the file says what each is for)."""

    national_noun: re.Pattern[str]
    forces_of: re.Pattern[str]
    state_verb: re.Pattern[str]
    suffered: re.Pattern[str]
    repelled_by: re.Pattern[str]
    repelled_a: re.Pattern[str]
    attack_noun: re.Pattern[str]
    other_clause: re.Pattern[str]
    agent_by: re.Pattern[str]
    police_nouns: frozenset[str]


def _actors(lexicon: Lexicon) -> _Actors:
    national = dict(lexicon.national)
    adjectives = "|".join(re.escape(k) for k in sorted(national, key=len, reverse=True))
    groups = [(g.pattern, g.name) for g in lexicon.groups if g.pattern]
    phrases = dict(lexicon.actor_grammar)
    grammar = checked(ActorGrammar, {
        **compile_phrases(lexicon, "actors.toml [grammar]", phrases.items(), {}),
        **{name: frozenset(words) for name, words in lexicon.actor_sets}},
        lexicon, "actors.toml")
    national_forces = (rf"\b(?P<nat>{adjectives})"
                       rf"\s+(?P<noun>{lexicon.force_noun}|{phrases['national_noun']})\b")
    sources = [adjectives, lexicon.force_noun] + [p for p, _ in lexicon.generic_actors]
    # (a non-ASCII letter could fold to an ASCII one under IGNORECASE: "ſ" matches "s")
    ascii_ok = all(p == p.lower() and "(?<" not in p
                   and all(c.isascii() or not c.isalpha() for c in p) for p in sources)
    generic_gate = rf"\b(?:{'|'.join(f'(?:{p})' for p, _ in lexicon.generic_actors)})\b"
    return _Actors(
        national, lexicon.force_noun,
        re.compile(national_forces, re.IGNORECASE),
        [(re.compile(rf"\b(?:{p})\b"), name) for p, name in groups],
        [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), name) for p, name in lexicon.generic_actors],
        re.compile(rf"^(?:{'|'.join(p for p, _ in groups)})$"),
        re.compile(rf"(?:{'|'.join(p for p, _ in groups)})\b"),
        [re.compile(rf"(?:{p})\b") for p, _ in groups],
        re.compile(national_forces) if ascii_ok else None,
        [(re.compile(rf"\b(?:{p})\b"), name) for p, name in lexicon.generic_actors]
        if ascii_ok else None,
        re.compile(generic_gate, re.IGNORECASE), re.compile(generic_gate) if ascii_ok else None,
        grammar)


def _case_free(tables: _Actors, text: str, start: int, end: int,
               ) -> tuple[str, int, int, int, re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    """(subject, pos, endpos, offset, national_forces, generic) to run the case-insensitive
    patterns with: on text[start - 1:end] lower-cased, when it is ASCII and the lexicon allows
    (the character before ``start`` stays in, so ``\\b`` reads it as before), else on text."""
    if tables.national_ascii is not None and tables.generic_ascii is not None:
        offset = max(0, start - 1)
        segment = text[offset:end]
        if segment.isascii():
            return (segment.lower(), start - offset, end - offset, offset, tables.national_ascii,
                    tables.generic_ascii)
    return text, start, end, 0, tables.national_forces, tables.generic


def _national(match: re.Match, national: dict[str, str]) -> str:
    adjective = match.group("nat")
    country = national[adjective.lower()]
    label = {"United States": "US", "UK": "British"}.get(country, adjective.capitalize())
    if "government" in match.group("noun").lower() or "regime" in match.group("noun").lower():
        return f"{label} government forces"
    if "police" in match.group("noun").lower():
        return f"{label} police forces"
    if match.group("noun").lower() in {"government", "authorities"}:
        return f"{label} government"
    return f"{label} forces"


_START = attrgetter("start")


def mentions_between(mentions: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions that start in [start, end), by bisection: ``mentions`` are in text order
    (extract_events sorts them), and a scan of all of them per event made long articles cost
    the square of their length."""
    low = bisect.bisect_left(mentions, start, key=_START)
    high = bisect.bisect_left(mentions, end, lo=low, key=_START)
    return mentions[low:high]


def find_actors(text: str, start: int, end: int, mentions: list[Mention] = (),
                lexicon: Lexicon = ENGLISH) -> list[tuple[int, str]]:
    """(offset, actor name) for each actor named in text[start:end], in text order, deduplicated."""
    found: list[tuple[int, int, str]] = []
    tables = built_from(lexicon, _actors)
    subject, pos, endpos, offset, national_forces, generic = _case_free(tables, text, start, end)
    for m in national_forces.finditer(subject, pos, endpos):
        found.append((m.start() + offset, m.end() + offset, _national(m, tables.national)))
    for m in tables.g.forces_of.finditer(text, start, end):
        kind = "Police forces" if m.group("noun").lower() in tables.g.police_nouns else \
            "Military forces"
        found.append((m.start(), m.end(), f"{kind} of {m.group('country')}"))
    if tables.groups_gate.search(text, start, end) is not None:
        for (pattern, name), gate in zip(tables.groups, tables.group_gates, strict=True):
            if gate.search(text, start, end) is not None:
                found.extend((m.start(), m.end(), name) for m in pattern.finditer(text, start, end))
    gate = tables.generic_gate_ascii if generic is tables.generic_ascii else tables.generic_gate
    if gate.search(subject, pos, endpos) is not None:
        for pattern, name in generic:
            for m in pattern.finditer(subject, pos, endpos):
                found.append((m.start() + offset, m.end() + offset, name))
    # A demonym the geoparser recognised before a force noun ("Chadian troops").
    for mention in mentions_between(mentions, start, end):
        if mention.kind == "demonym":
            after = re.match(rf"\s+{tables.force_noun}\b", text[mention.end:end], re.IGNORECASE)
            if after and not any(s <= mention.start < e for s, e, _ in found):
                found.append((mention.start, mention.end + after.end(), f"{mention.name} forces"))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, str]] = []
    taken_until = -1
    for s, e, name in found:
        if s < taken_until:
            continue
        taken_until = e
        if not any(name == n for _, n in out):
            out.append((s, name))
    return out


def pick_actors(text: str, start: int, end: int, trigger_start: int,
                mentions: list[Mention] = (),
                lexicon: Lexicon = ENGLISH) -> tuple[str | None, str | None]:
    """actor1 = the first actor before the trigger (the doer), else the first named at all;
    actor2 = the first other actor after the trigger (the target)."""
    actors = find_actors(text, start, end, mentions, lexicon)
    g = built_from(lexicon, _actors).g
    if not any(offset < trigger_start for offset, _ in actors):
        # "Russia deployed missiles": a state named as the subject acts through its forces.
        state = next((m for m in reversed(mentions_between(mentions, start, trigger_start))
                      if m.kind in ("metonym", "literal") and m.place is not None
                      and (m.place.feature_code or "").startswith("PCL")
                      and g.state_verb.match(text[m.end:trigger_start + 20])),
                     None)
        if state is not None:
            actors.insert(0, (state.start, f"Military forces of {state.place.name}"))
    before = [name for offset, name in actors if offset < trigger_start]
    after = [(offset, name) for offset, name in actors if offset >= trigger_start]
    # "a raid by border police", "two guards were shot ... by rebel fighters": the agent
    # follows "by" (not "backed by"), and whoever stands before the trigger is the target.
    agent = next(((o, n) for o, n in after if g.agent_by.search(text, max(start, o - 20), o)
                  and not g.other_clause.search(text, trigger_start, o)
                  and not g.repelled_by.search(text, max(start, o - 30), o)), None)
    if agent is None:
        # "the garrison fended off a rebel assault": the assault was the rebels'
        attacker = next((n for o, n in actors if g.repelled_a.search(text, max(start, o - 30), o)
                         and g.attack_noun.match(text, o, end)), None)
        if attacker is not None:
            return attacker, next((n for _, n in actors if n != attacker), None)
    victim = _victim_subject(text, actors, trigger_start, end, g) if agent is None else None
    if agent is not None:
        after.remove(agent)
        after = [(trigger_start, name) for name in before] + after
        actor1, before = agent[1], [agent[1]]
    elif victim is not None:
        # "4 guards died in a firefight with rebels", "a boy was hurt by army fire": the
        # subject suffered the event; the doer, if named, comes later
        others = [(o, n) for o, n in actors if n != victim]
        doer = next((n for o, n in others if g.agent_by.search(text, max(start, o - 20), o)),
                    None) or next((n for o, n in others if o > trigger_start), None)
        return doer, victim
    elif before:
        actor1 = before[0]
    else:
        actor1 = None  # the text names only the target ("dozens of villagers have died")
    actor2 = next((name for _, name in after if name != actor1), None)
    if actor2 is None:
        actor2 = next((name for name in before[1:] if name != actor1), None)
    return actor1, actor2


def _victim_subject(text: str, actors: list[tuple[int, str]], trigger_start: int,
                    end: int, g: ActorGrammar) -> str | None:
    """The first actor, when it is the subject of a passive casualty verb ("a guard was
    killed", "3 farmers were hurt by ...") with no other actor named in between."""
    first = next(((o, n) for o, n in actors if o < trigger_start), None)
    if first is None:
        return None
    suffered = g.suffered.match(text, first[0], end)
    if suffered is None or any(first[0] < o < suffered.end() for o, _ in actors):
        return None
    return first[1]


STATE_ACTORS = re.compile(r"forces$|^Military|^Police|^Security|government", re.IGNORECASE)


def is_state_actor(name: str | None) -> bool:
    """ACLED's inter code 1 (state forces) as far as a name tells it."""
    return bool(name) and bool(STATE_ACTORS.search(name)) and not name.startswith(
        ("Unidentified", "NAF"))


def is_group_name(name: str, lexicon: Lexicon = ENGLISH) -> bool:
    """Armed groups' names ("Taliban", "Hezbollah") are actors, never event places."""
    # (the geoparser's list of group names, which it drops from the places, counts too)
    return bool(built_from(lexicon, _actors).group_name.match(name.strip())) or \
        group_key(name.strip()) in words_of(lexicon).group_names
