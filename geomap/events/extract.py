"""Article + mentions -> ACLED-coded events.

One pass over the sentences: triggers (minus background and reported intent) are grouped by
clause; a clause with its own place is its own event, a clause or sentence that only adds
detail (casualties, an analyst's coded toll, "the blast killed 2") joins the event before it,
so one happening is coded once and its casualties are counted once.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import partial
from typing import TYPE_CHECKING

from geomap.events import taxonomy as t
from geomap.events import triggers as cue
from geomap.events.actors import mentions_between, pick_actors
from geomap.events.classify import classify
from geomap.events.coded_tolls import coding_statement
from geomap.events.coding import Draft, casualties_in, to_event
from geomap.events.dates import reference_day
from geomap.events.event_dates import ArticleDates
from geomap.events.locate import (
    TIED,
    Location,
    dominant_country,
    focus_place,
    locate_event,
)
from geomap.events.triggers import Trigger, find_triggers_by_sentence
from geomap.lexicons import ENGLISH, Lexicon, built_from
from geomap.model import Article, Event, Mention
from geomap.text import sentence_spans

if TYPE_CHECKING:
    from collections.abc import Callable

    from gazetteer import Gazetteer
    from geomap.geoparse.document import Document

_WEAPON_SUBTYPES = dict(ENGLISH.weapons)
#: The cue whose trigger stands for an event of each sub-event type (cues.toml).
_MAIN_CUE = {**{sub: weapon for weapon, sub in ENGLISH.weapons}, **dict(ENGLISH.main_cue)}
#: Sentences without triggers after an event that still count as its details (a toll left
#: unknown, nobody claiming it); further on, a story has moved on.
MAX_DETAIL_SENTENCES = 3


def extract_events(article: Article, mentions: list[Mention] | None = None,
                   lexicon: Lexicon = ENGLISH, gazetteer: Gazetteer | None = None,
                   document: Document | None = None) -> list[Event]:
    """The conflict events an article reports, each coded as ACLED would and placed once.

    ``mentions``: the geoparser's output for the text (None: geoparsed here, offline, with
    ``gazetteer`` or the default one). ``gazetteer``: the one the mentions were resolved with; it
    reads a place again in the region its sentence names (without it, the mentions stand).
    ``document``: the text as the geoparser read it, so its sentences are split once. Calendar,
    trigger, target, actor and casualty words come from ``lexicon``.

    >>> from geomap.model import Article
    >>> note = "On 3 May 2020, police arrested 3 men."
    >>> [e.sub_event_type for e in extract_events(Article("a", note), [])]
    ['Arrests']
    """
    text = article.text or ""
    if mentions is None:
        from geomap.geoparse import default_geoparser

        parser = default_geoparser(gazetteer)
        gazetteer = parser.gazetteer
        mentions = parser.parse(text)
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    sentences = document.sentences if document is not None and document.text == text \
        else sentence_spans(text)
    # A dateline sets the day "yesterday" counts from and is itself no event's date.
    reference, dateline = reference_day(text, article.published, lexicon)
    dates = ArticleDates(text, reference, (dateline.start, dateline.end) if dateline and
                         not dateline.dates_event else None, lexicon)
    # The gazetteer the mentions came from reads a place again in the region its sentence names.
    where = partial(locate_event, lexicon=lexicon, gazetteer=gazetteer)
    drafts = _drafts(text, sentences, mentions, dates, where)
    labelled = _NOTE_LABEL.match(text)
    if labelled:
        # An analyst's label ("Movement of forces: ...") names the sub-event type outright.
        sub = t.NOTE_LABELS[labelled.group(1).lower()]
        if drafts:
            drafts[0].sub_event_type = sub
        else:
            drafts = [_labelled_draft(text, sentences, labelled, sub, mentions, where)]
    coded = coding_statement(text)
    statement = next((span for span in sentences if coded and
                      span[0] <= coded[1] - 1 < span[1]), None)
    if statement and drafts and not any(a < statement[1] and statement[0] < b
                                        for a, b in drafts[0].pieces):
        # An analyst's statement of the coded toll is the toll of the note's event, however
        # many clauses the note tells it in: the note's (first) event carries it.
        drafts[0].pieces.append(statement)
    starts = [a for a, _ in sentences]
    for draft in drafts:
        # the scene: the few sentences before the event's own, where its day may have been set
        here = bisect.bisect_left(starts, draft.sentence[0])  # not a scan: drafts × sentences
        before = starts[max(0, here - MAX_DETAIL_SENTENCES):here]
        scene = before[0] if before else draft.sentence[0]
        draft.when = dates.of_event(draft.sentence, draft.pieces, scene)
    focus = focus_place(mentions)
    events = [to_event(article, text, draft, mentions, focus, lexicon) for draft in drafts]
    return [event for event in events if event is not None]


def _weapon_context(all_triggers: list[Trigger]) -> str | None:
    """The article's most-named remote weapon, background included: "the campaign has left
    scores dead" in a story about air strikes is coded as an air strike."""
    counts = Counter(tr.cue for tr in all_triggers if tr.cue in _WEAPON_SUBTYPES and tr.strong)
    if not counts:
        return None
    return _WEAPON_SUBTYPES[counts.most_common(1)[0][0]]


def _cuts(lexicon: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """events.toml's segment breaks and back-references, compiled."""
    return (re.compile(lexicon.segment_break, re.IGNORECASE),
            re.compile(lexicon.refers_back, re.IGNORECASE))


def _segments(text: str, start: int, end: int, breaks: re.Pattern) -> list[tuple[int, int]]:
    out, cursor = [], start
    for brk in breaks.finditer(text, start, end):
        if brk.start() > cursor:
            out.append((cursor, brk.start()))
        cursor = brk.end()
    if cursor < end:
        out.append((cursor, end))
    return out


def _drafts(text: str, sentences: tuple[tuple[int, int], ...], mentions: list[Mention],
            dates: ArticleDates,
            where: Callable[..., Location | None]) -> list[Draft]:
    triggers_by_sentence = find_triggers_by_sentence(text, sentences, dates.lexicon)
    weapon_context = _weapon_context([tr for trs in triggers_by_sentence for tr in trs])
    drafts: list[Draft] = []
    country = dominant_country(mentions)
    # ACLED notes of demonstration events carry the crowd size ("[size=no report]").
    crowd = _CROWD_SIZE.search(text) is not None
    segment_break, refers_back = built_from(dates.lexicon, _cuts)
    quiet = False  # the sentence before named no event
    for index, ((s, e), triggers) in enumerate(zip(sentences, triggers_by_sentence, strict=True)):
        # A headline above the dateline restates the story the body tells, day and all.
        foreground = [tr for tr in triggers if not tr.background] if \
            dates.skip is None or e > dates.skip[0] else []
        after_quiet, quiet = quiet, not foreground
        if not foreground:  # the common case in long articles: at most a detail sentence
            previous = drafts[-1] if drafts else None
            if previous is not None and previous.last_sentence == index - 1 and \
                    index - previous.anchor <= MAX_DETAIL_SENTENCES:
                previous.pieces.append((s, e))
                previous.last_sentence = index
            continue
        sentence_has_date = dates.find(s, e) is not None
        attached = False
        for a, b in _segments(text, s, e, segment_break):
            own = [tr for tr in foreground if a <= tr.start < b]
            previous = drafts[-1] if drafts else None
            adjacent = previous is not None and previous.last_sentence >= index - 1 and \
                index - previous.anchor <= MAX_DETAIL_SENTENCES
            if not own:
                if adjacent and (previous.last_sentence == index or not attached):
                    previous.pieces.append((a, b))
                    previous.last_sentence = index
                    attached = True
                continue
            generic = not any(tr.strong and tr.cue not in {cue.KILL, cue.ATTACK} for tr in own)
            context = weapon_context if generic else None
            actor1 = pick_actors(text, s, e, own[0].start, mentions, dates.lexicon)[0] if any(
                tr.cue == cue.CAPTURE for tr in own) else None  # only territory needs the actor
            sub = classify(text, a, b, own, actor1, context, crowd=crowd, lexicon=dates.lexicon)
            if sub is None:
                continue
            main = _main_trigger(own, sub)
            location = where(text, (main.start, main.end), (a, b), mentions,
                                    country=country)
            # (a clause that is its whole sentence has been placed in its sentence already)
            if (location is None or location.tie < TIED) and (a, b) != (s, e):
                in_sentence = where(text, (main.start, main.end), (s, e), mentions,
                                           country=country)
                if in_sentence is not None and (location is None or
                                                in_sentence.score > location.score):
                    location = in_sentence
            own_place = location is not None and a <= location.mention.start < b and \
                location.tie >= TIED
            # A clause with no place and no date of its own adds detail to the event before it
            # (ACLED: one event per place and day; never repeat a happening).
            # So does one that names the happening as already told ("killed in the attack",
            # "in the ensuing clash"), whatever place or day it adds.
            # So does one whose place the clause before it in the sentence already took as its
            # own ("shelled, stormed and were driven back from positions near X"): one place,
            # one day, one event.
            if previous is not None and adjacent and (refers_back.search(text, a, b) or (
                    not own_place and (previous.last_sentence == index or
                                       not sentence_has_date)) or
                    _placed_by(previous, location, (s, e))):
                _merge_into(text, previous, (a, b), index, own, generic, crowd,
                            weapon_context, mentions, dates.lexicon)
                continue
            # "On 2 July, a patrol drove to Velmora. It came under attack ...": the scene's place
            # and date are the event's.
            by_scene = after_quiet and not adjacent and not sentence_has_date and (
                location is None or location.tie < TIED) and _sets_scene(
                text, sentences[index - 1], mentions, dates)
            if by_scene:
                scene_span = sentences[index - 1]
                location = where(text, (main.start, main.end), scene_span, mentions,
                                        country=country) or location
            if not _supported(text, s, e, a, b, own, location, sentence_has_date or by_scene,
                              dates.lexicon):
                if adjacent and (previous.last_sentence == index or not attached):
                    previous.pieces.append((a, b))  # commentary on the event before it
                    previous.last_sentence = index
                    attached = True
                continue
            pieces = [sentences[index - 1], (a, b)] if by_scene else [(a, b)]
            drafts.append(Draft(sub, main, (s, e), pieces, location, index, generic, own,
                                 index))
            attached = True
    return drafts


def _placed_by(previous: Draft, location: Location | None, sentence: tuple[int, int]) -> bool:
    """The event before, drafted from this very sentence, was placed by the mention this clause
    is placed by."""
    return location is not None and location.mention is not None and \
        previous.sentence == sentence and previous.location is not None and \
        previous.location.mention is location.mention


def _sets_scene(text: str, sentence: tuple[int, int], mentions: list[Mention],
                dates: ArticleDates) -> bool:
    """A sentence with a place or a date of its own (and, checked by the caller, no event)."""
    s, e = sentence
    return any(m.kind == "literal" and m.place is not None
               for m in mentions_between(mentions, s, e)) or dates.find(s, e) is not None


_NOTE_LABEL = re.compile(
    rf"^\s*({'|'.join(re.escape(label) for label in t.NOTE_LABELS)})\s*:", re.IGNORECASE)
_CROWD_SIZE = re.compile(r"\[size=", re.IGNORECASE)


def _labelled_draft(text: str, sentences: tuple[tuple[int, int], ...], label: re.Match, sub: str,
                    mentions: list[Mention],
                    where: Callable[..., Location | None]) -> Draft:
    trigger = Trigger(label.start(1), label.end(1), cue.CHANGE, True)
    sentence = next(iter(sentences), (0, len(text)))
    location = where(text, (trigger.start, trigger.end), sentence, mentions,
                            country=dominant_country(mentions))
    return Draft(sub, trigger, sentence, [sentence], location, 0, False, [trigger])


def _merge_into(text: str, draft: Draft, piece: tuple[int, int], index: int,
                own: list[Trigger], generic: bool, crowd: bool, weapon_context: str | None,
                mentions: list[Mention], lexicon: Lexicon = ENGLISH) -> None:
    """Add a clause to an event and re-code the event from all its triggers together: "pounded
    the post, stormed it and were driven back" is a battle, a protest followed by "police
    dispersed them" a protest with intervention."""
    draft.pieces.append(piece)
    draft.last_sentence = draft.anchor = index
    draft.triggers.extend(own)
    start = draft.pieces[0][0]
    is_generic = draft.generic and generic
    actor1 = pick_actors(text, *draft.sentence, draft.trigger.start, mentions, lexicon)[0] if any(
        tr.cue == cue.CAPTURE for tr in draft.triggers) else None
    sub = classify(text, start, piece[1], draft.triggers, actor1,
                   weapon_context if is_generic else None, crowd=crowd, lexicon=lexicon)
    if sub is not None:
        draft.sub_event_type = sub
        draft.trigger = _main_trigger(draft.triggers, sub)
        draft.generic = is_generic


def _main_trigger(triggers: list[Trigger], sub: str) -> Trigger:
    wanted = _MAIN_CUE.get(sub)
    for trigger in triggers:
        if trigger.cue == wanted:
            return trigger
    strong = [tr for tr in triggers if tr.strong]
    return (strong or triggers)[0]


def _supported(text: str, s: int, e: int, a: int, b: int, own: list[Trigger],
               location: Location | None, sentence_has_date: bool,
               lexicon: Lexicon = ENGLISH) -> bool:
    """A strong trigger needs a place, a date or a casualty figure in its sentence; a weak one
    (an "attack", "the offensive") a casualty figure -- otherwise it is commentary."""
    strong = any(tr.strong for tr in own)
    if strong and (location is not None or sentence_has_date):
        return True  # the casualties need not be read
    casualties = casualties_in(text[s:e], lexicon)
    has_figure = casualties.fatalities is not None or casualties.injured is not None
    if strong:
        return has_figure
    return has_figure and bool(casualties.fatalities or casualties.injured)
