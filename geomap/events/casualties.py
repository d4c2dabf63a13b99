"""Fatalities and injuries as ACLED (fatalities) and GTD (injured) would code them.

Rules, from ACLED's codebook (reported fatalities):
- reported figures only; hedged figures keep their bounds: "at least 12" -> 12 (low 12),
  "as many as 80" -> 80 (high 80), "between 10 and 15" -> 10 (the conservative end), "more than
  100" -> 100;
- vague numbers: see :mod:`geomap.events.numbers`;
- "killed or injured 4" is not a fatality figure (it cannot be split);
- a death toll ("the death toll rose to 12") is the total: the smallest toll wins over summing;
- ACLED's own notes may state the coded toll or how a total was shared between events (a toll
  "coded as" some figure, a total "split" over several events): such a statement overrides the
  counts
  (:mod:`geomap.events.coded_tolls`);
- "no casualties" -> 0; "casualties unknown" -> fatalities unknown (None) -- ACLED then codes 0,
  GTD leaves the field empty.

Numbers that are not people (years, "Resolution 2254", "80 km", "1,000 tons", "F-16", ages,
times, phone numbers) never become counts: a count must be tied to a person noun or stand right
before a casualty verb (:mod:`geomap.events.people` says who is a person,
:mod:`geomap.events.casualty_patterns` holds the patterns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geomap.events.casualty_patterns import YEAR, CasualtyWords, casualty_words, hedged
from geomap.events.coded_tolls import coded_toll
from geomap.events.numbers import count_value, even_share
from geomap.events.people import (
    person_follows,
    singular_person_follows,
    uncounted_people,
)
from geomap.lexicons import ENGLISH, Lexicon
from geomap.lexicons.phrases import folded, on_text


@dataclass
class Casualties:
    """Counts read from a piece of text; None means the text gives no figure."""

    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    unknown: bool = False  # the text says the toll is unknown
    victims: list[str] = field(default_factory=list)  # "9 rebel fighters", ...


def _guessed_injuries(match: re.Match, kill: bool, w: CasualtyWords) -> bool:
    """"several others were injured": GTD leaves the number of wounded unknown when the text
    gives none, so a vague word read only by our smallest-reading guess (not one of ACLED's
    codebook plurals) is no injury figure. Fatalities keep the guess (ACLED's direction)."""
    return not kill and (match.group("num") or "").lower() in w.numbers.guessed


def _count_value(match: re.Match, w: CasualtyWords, group: str = "num") -> int | None:
    phrase = match.group(group)
    if phrase is None:
        return None
    if YEAR.match(phrase.replace(",", "")):
        return None
    return count_value(phrase, w.numbers)


def _is_people_count(text: str, start: int, end: int, tail_limit: int,
                     w: CasualtyWords) -> bool:
    """True when the count at text[start:end] counts people, judging by the words around it."""
    after = text[end:tail_limit]
    if w.not_people_after.match(after):
        return False
    if w.not_people_before.search(text[max(0, start - 12):start]):
        return False
    # A count right before the casualty verb ("4 were killed") or tied to a person noun within
    # five words ("2 off-duty border police officers were hurt").
    if w.g.auxiliaries.match(after):
        return True
    if w.g.named_group.match(after):
        return True  # "4 'Lancers' were hurt", "5 Maoists were killed": a named group
    return person_follows(after, w.people)


@dataclass
class _Figure:
    kill: bool
    value: int
    low: int | None
    high: int | None
    victim: str
    across: bool = False  # "... killed across both attacks": a total for several events


def _figures(text: str, w: CasualtyWords) -> list[_Figure]:
    figures: list[_Figure] = []
    previous_end = 0
    # found on the lower-cased text when that can be (phrases.folded), then matched again
    # where found, so every match reads the text as written
    fast = folded(w.verb) if text.isascii() else None
    verbs = (w.verb.match(text, hit.start()) for hit in fast.finditer(text.lower())) if fast \
        else w.verb.finditer(text)
    for verb in verbs:
        word = verb.group(0).lower()
        kill = verb.group("kill") is not None
        after = text[verb.end():]
        if w.g.partitive.search(text, max(0, verb.start() - 30), verb.start()):
            previous_end = verb.end()
            continue  # "one of the five dead was ...": a part of victims already counted
        if w.g.or_after.match(after) or w.g.or_before.search(
                text[max(0, verb.start() - 20):verb.start()]):
            previous_end = verb.end()
            continue  # "killed or injured 4": not splittable (ACLED codes no fatality figure)
        figure = None
        if word in w.nominal:
            figure = _nominal_figure(text, verb, kill, w)
            if figure is not None:
                figures.append(figure)
            previous_end = verb.end()
            continue
        # lower-case auxiliaries only: "stormed a rebel camp and killed 2 guards" is active
        passive = w.g.passive.search(text[max(0, verb.start() - 40):verb.start()])
        if word in w.active_verbs and not passive:
            obj = w.g.object.match(after)
            if obj and (_count_value(obj, w) is not None) and _object_is_people(obj, w) and not \
                    _guessed_injuries(obj, kill, w):
                value = _count_value(obj, w)
                low = _count_value(obj, w, "lownum") if obj.group("lownum") else None
                hedge_match = re.match(rf"\s+({w.active_hedge})\b", after, re.IGNORECASE)
                v, lo, hi = hedged(value, hedge_match.group(1) if hedge_match else None, low, w)
                v += _more_objects(after[obj.end('num'):], w)
                figure = _Figure(kill, v, lo, hi, (obj.group("num") + obj.group("tail")).strip())
            elif (w.g.named_object.match(after) or _titled(after, w)) and not re.match(
                    rf"\s+(?:\w+\s+){{0,3}}{w.people.person}\b(?!\s+[A-Z])", after, re.IGNORECASE):
                # "shot Kwame", "killed headman Ras Odel", "killed Lina Varga, a notary,
                # and her clerk"
                figure = _Figure(kill, 1 + _more_objects(after, w), None, None, after.strip()[:40])
            elif (m := w.g.the_object.match(after)) and singular_person_follows(
                    after[m.end() - 1:], w.people):
                # "killed the mayor", "shot the imam of a mosque and two of his students"
                figure = _Figure(kill, 1 + _more_objects(after, w), None, None, after.strip()[:40])
        if figure is None:
            # The subject of an active verb is the killer ("Two raiders killed a ferryman"):
            # only "4 killed" (a bare count right before the verb) counts victims then.
            active = word in w.active_verbs and not passive and word not in w.g.subject_is_victim
            figure = _subject_figure(text, previous_end, verb, kill, w, bare_only=active)
            if figure is None and active:
                figure = _reduced_passive(text, previous_end, verb, kill, w)
        if figure is not None:
            figure.across = bool(w.g.across.match(after))
            figures.append(figure)
        previous_end = verb.end()
    return figures


def _titled(after: str, w: CasualtyWords) -> bool:
    """"headman Ras Odel": one title (a singular noun) before a name."""
    match = w.g.titled.match(after)
    return bool(match) and singular_person_follows(" " + match.group("title"), w.people)


def _nominal_figure(text: str, verb: re.Match, kill: bool, w: CasualtyWords) -> _Figure | None:
    """"11 deaths", "at least 4 injuries", "the bodies of some forty raiders"."""
    if verb.group(0).lower() in w.g.remains:
        after = w.g.remains_of.match(text[verb.end():])
        if after and (value := _count_value(after, w)) is not None:
            return _Figure(kill, value, None, None, after.group(0).strip())
    if verb.group(0).lower() in w.g.single_remains:
        # "which caused the death of a porter", "the body of a herder was recovered": one
        # person; not a death a protest is about ("marched over the death of a student")
        one = w.g.of_one.match(text[verb.end():])
        caused = verb.group(0).lower() in w.g.found_remains or w.g.caused.search(
            text[max(0, verb.start() - 30):verb.start()])
        if one and caused and singular_person_follows(text[verb.end() + one.end() - 1:], w.people):
            return _Figure(kill, 1, None, None, text[verb.start():verb.end() + one.end()].strip())
    match = w.g.nominal_count.search(text, max(0, verb.start() - 40), verb.start())
    if not match or (value := _count_value(match, w)) is None or _guessed_injuries(match, kill, w):
        return None
    if w.not_people_before.search(text[max(0, match.start("num") - 12):match.start("num")]):
        return None
    v, lo, hi = hedged(value, match.group("hedge"), None, w)
    return _Figure(kill, v, lo, hi, match.group(0).strip() + " " + verb.group(0))


def _more_objects(after: str, w: CasualtyWords) -> int:
    """"killed a ferryman and a night watchman": further people joined by "and"."""
    match = w.g.more_object.match(after)
    if not match:
        # "killed a police officer and civilian": a bare singular noun is one more person
        bare = w.g.more_bare.match(after)
        return 1 if bare and singular_person_follows(" " + bare.group("noun"), w.people) else 0
    if (value := _count_value(match, w)) is None:
        return 0
    if match.group("num").lower() in w.g.indefinite:
        return value if singular_person_follows(match.group("rest"), w.people) else 0
    return value if person_follows(match.group("rest"), w.people) else 0


def _object_is_people(obj: re.Match, w: CasualtyWords) -> bool:
    tail = obj.group("tail") or ""
    if w.not_people_after.match(tail):
        return False
    phrase = obj.group("num").lower()
    if phrase in w.g.indefinite or phrase in w.g.possessive:
        return singular_person_follows(tail, w.people)  # "killed a soldier" needs its noun
    if not tail.strip() or w.g.bare_count_end.match(tail):
        return True  # "killing 7." / "killing 7 and wounding 2": a bare count, which news uses
    return person_follows(tail, w.people)




def _reduced_passive(text: str, previous_end: int, verb: re.Match, kill: bool,
                     w: CasualtyWords) -> _Figure | None:
    """"left 6 herders killed, 2 of them ...": a count and a person noun right before the
    verb, and no object after it -- the victims, not the killers ("2 raiders killed a guard")."""
    if not w.g.reduced_end.match(text[verb.end():]):
        return None
    match = w.reduced.search(text, max(previous_end, verb.start() - 60), verb.start())
    if match is None or (value := _count_value(match, w)) is None:
        return None
    return _Figure(kill, value, None, None, match.group(0).strip())


def _subject_figure(text: str, previous_end: int, verb: re.Match, kill: bool, w: CasualtyWords,
                    bare_only: bool = False) -> _Figure | None:
    start = previous_end
    for boundary in w.g.boundary.finditer(text, previous_end, verb.start()):
        start = boundary.end()
    window_end = verb.start()
    # "a dead child": the adjective before its noun.
    if verb.group(0).lower() in w.g.dead_adjective:
        noun = re.match(rf"\s+{w.people.person}\b", text[verb.end():], re.IGNORECASE)
        single = w.g.single_before.search(text[start:verb.start()])
        if noun and single:
            return _Figure(True, 1, None, None, f"{single.group(1)} {verb.group(0)}{noun.group(0)}")
    total = 0
    low_total: int | None = None
    high_total: int | None = None
    victims = []
    breakdowns = [(m.start(), m.end()) for m in w.g.breakdown.finditer(text, start, window_end)]
    breakdowns += [m.span("app") for pattern in (w.g.apposition, w.g.name_apposition)
                   for m in pattern.finditer(text, start, verb.end())]
    for match in w.g.subject_count.finditer(text, start, window_end):
        value = _count_value(match, w)
        if value is None or _guessed_injuries(match, kill, w):
            continue
        s, e = match.span("num")
        if any(a <= s < b for a, b in breakdowns):
            continue  # "7 people, including 2 raiders and 5 guards": a breakdown
        if w.g.negated.search(text[max(0, s - 4):s]):
            continue  # "no one was killed"
        if (num := match.group("num").lower()) in w.g.indefinite or num in w.g.one:
            rest = text[e:window_end]
            bare = num in w.g.one and w.g.auxiliaries.match(rest)
            if not bare and not singular_person_follows(rest, w.people):
                continue
        elif not _is_people_count(text, s, e, window_end, w):
            continue
        if bare_only and not w.g.auxiliaries.match(text[e:window_end]) and not (
                w.g.leaving.search(text[max(0, s - 20):s])
                and re.fullmatch(rf"(?:\s+[\w'’-]+){{0,2}}\s+{w.people.person}\s*",
                                 text[e:window_end], re.IGNORECASE)):
            continue  # "leaving 3 smugglers killed" still counts
        low = _count_value(match, w, "lownum") if match.group("lownum") else None
        v, lo, hi = hedged(value, match.group("hedge"), low, w)
        total += v
        low_total = lo if lo is not None else low_total
        high_total = hi if hi is not None else high_total
        victims.append(text[match.start():min(window_end, e + 40)].split(",")[0].strip())
    plural = w.g.plural_passive.search(text, start, window_end)
    if plural and not bare_only:
        # "The ferryman and his nephew were killed", "Four guards and the raider were
        # killed": people named without a count are one each.
        named = uncounted_people(text[start:plural.start()],
                                  [(a - start, b - start) for a, b in breakdowns], w.people)
        if named:
            total += named
            victims.append(text[start:plural.start()].strip()[:60])
    if not victims:
        # "Odel, a clerk at the port office, was killed", "the cook was shot and killed": a
        # singular subject is one person.
        if w.g.singular_passive.search(text[start:window_end]) and not \
                w.g.nobody.search(text[start:window_end]):
            return _Figure(kill, 1, None, None, text[start:window_end].strip()[:60])
        return None
    return _Figure(kill, total, low_total, high_total, "; ".join(victims))


_ACRONYM = re.compile(r"\s\([A-Z][\w.&'’ -]{0,30}\)")
def parse_casualties(text: str, lexicon: Lexicon = ENGLISH) -> Casualties:
    """Fatalities and injuries reported in ``text`` (a sentence or an event's few sentences).

    >>> c = parse_casualties("A shell hit the depot, killing 5 guards and injuring 3.")
    >>> c.fatalities, c.injured
    (5, 3)
    """
    return read_casualties(text, casualty_words(lexicon))


def read_casualties(text: str, w: CasualtyWords) -> Casualties:
    """:func:`parse_casualties` with a lexicon's patterns already built."""
    result = Casualties()
    # "an Afghan Local Police (ALP) commander": a name's acronym in brackets is no word of the
    # phrase (blanked, so offsets stay)
    figures = _figures(_ACRONYM.sub(lambda m: " " * len(m.group(0)), text), w)
    lowered = text.lower() if text.isascii() else None

    def search(pattern: re.Pattern) -> re.Match | None:
        # faster on lower-cased text (phrases.on_text): only counts, which read the same
        # lower-cased, are taken from these matches
        run, subject = on_text(pattern, text, lowered)
        return run.search(subject)

    one_of = search(w.g.one_of)
    parts = _count_value(one_of, w) if one_of else None
    if parts is None and (stated := search(w.g.across_parts)):
        num = stated.group("num")
        parts = 2 if num.lower() in w.g.both else count_value(num, w.numbers)
    for figure in figures:
        if figure.across and parts:
            figure.value = even_share(figure.value, parts)
            figure.low = figure.high = None
    kills = [f for f in figures if f.kill]
    wounds = [f for f in figures if not f.kill]
    if kills:
        result.fatalities = sum(f.value for f in kills)
        lows = [f.low for f in kills if f.low is not None]
        highs = [f.high for f in kills if f.high is not None]
        result.fatalities_low = sum(lows) if len(lows) == len(kills) else (
            lows[0] if len(kills) == 1 and lows else None)
        result.fatalities_high = sum(highs) if len(highs) == len(kills) else None
        result.victims = [f.victim for f in kills]
    if wounds:
        result.injured = sum(f.value for f in wounds)
    if result.fatalities is not None and search(w.g.perpetrator_too):
        result.fatalities += 1  # "In addition to the gunman, four guests died"
    run, subject = on_text(w.g.self_killed, text, lowered)
    if (suicides := len(run.findall(subject))) and not search(w.g.perpetrator_counted):
        # "... then killed himself": the perpetrator's death is one of the event's (ACLED and
        # GTD both count it), unless a figure already names the assailant among the dead
        result.fatalities = (result.fatalities or 0) + suicides
    run, subject = on_text(w.g.toll, text, lowered)
    tolls = [v for m in run.finditer(subject) if (v := _count_value(m, w)) is not None]
    if tolls:  # a toll is the total: the most conservative toll replaces the summed figures
        result.fatalities = min(tolls)
        result.fatalities_low = result.fatalities_high = None
    if result.fatalities is None and search(w.g.zero):
        result.fatalities = 0
    if result.injured is None and (search(w.g.zero) or search(w.g.zero_injured)):
        result.injured = 0
    if result.fatalities is None and search(w.g.unknown):
        result.unknown = True
    if (coded := coded_toll(text, result.fatalities)) is not None:
        result.fatalities, result.fatalities_low, result.fatalities_high = coded, None, None
        result.unknown = False
    return result
