"""What the sentence of an event report says, as dedup's rule reads it: the names it gives
(places, people), the civilian groups it names, who suffered (extract's victims note), all
compared across reports of possibly one happening (geomap.events.identity).

Everything is cached by sentence: dedup reads the pairs of one report together, so each
sentence is read once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from geomap.events.actors import NATIONAL

#: rapidfuzz ratio above which two names are one name spelt two ways (Idlib / Idleb).
NAME_SPELLING_SIMILARITY = 80.0
_CACHE = 1 << 12
#: Words recur far more than sentences (every town name): a cache that holds a corpus's words.
_WORD_CACHE = 1 << 17


def _lexicon(classes: dict[str, str]) -> dict[str, str]:
    """word -> class, each listed noun with its plural in -s."""
    return {form: label for label, words in classes.items() for word in words.split()
            for form in (word, word + "s")}


#: Civilian groups a sentence names as participants or victims -> one label per group.
_GROUPS = _lexicon({
    "teachers": "teacher educator", "health workers": "doctor physician medic nurse",
    "students": "student pupil", "farmers": "farmer grower",
    "traders": "trader merchant shopkeeper vendor", "lawyers": "lawyer advocate judge",
    "journalists": "journalist reporter", "drivers": "driver transporter motorcyclist",
    "miners": "miner", "pensioners": "pensioner retiree", "fishermen": "fishermen fisher",
    "herders": "herder herdsmen pastoralist", "workers": "worker employee labourer laborer",
    "refugees": "refugee displaced", "veterans": "veteran", "worshippers": "worshipper pilgrim",
})
#: A capitalised word: a candidate name of a place or person (acronyms are weapons or units).
_NAME = r"[A-Z][a-z][\w'’-]*"
# (the capital first, the look back after it: a pattern opening with a letter class is scanned
# for fast, one opening with a look-behind is tried at every position)
_CAPITALISED = re.compile(r"[A-Z](?<![\w'’-][A-Z])[a-z][\w'’-]*")  # (?<![\w'’-]){_NAME}
#: ... unless it opens a sentence (capitalised anyway) ...
# (as two patterns: one opening with "^|" is tried at every position, one opening with a class
# of characters is scanned for fast)
_FIRST = re.compile(rf"\s*({_NAME})")
_OPENING = re.compile(rf"[.!?:;(\[\"“]\s*({_NAME})")
#: ... or names who said it, not what happened: "Reuters said", "according to Reuters".
_SAID_AFTER = ("said", "says", "reported", "reports", "told", "cited", "quoted", "stated",
               "claimed", "announced")
_SAID_BEFORE = ("according to", "quoted by", "cited by", "reported by", "sources in", "told")
_NOT_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "the", "a", "an", "on", "in", "at", "he", "she", "they", "it", "this",
    "police", "army", "government", "forces", "force", "military", "president", "minister",
    "ministry", "officials", "official", "spokesman", "spokesperson", "governor", "province",
    "district", "city", "town", "village", "region", "state", "county", "governorate", "road",
    "street", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "mr", "mrs", "ms", "dr", "general", "colonel", "captain", "fatalities", "reported",
}
#: Who suffered, by class, from the phrases extraction keeps in Event.victims.
_VICTIM_CLASSES = _lexicon({
    "police": "police policeman policemen policewoman gendarme constable",
    "soldiers": "soldier troop serviceman servicemen army guard personnel nds",
    "fighters": "militant fighter insurgent rebel gunman gunmen taliban jihadist combatant",
    "civilians": "civilian people person resident villager man men woman women child children "
                 "boy girl passenger worshipper student farmer shopper",
})
_WORD = re.compile(r"[a-z]+")
# Who said it, in one search for every verb and phrase: the words then the boundary after them,
# the boundary before them checked by hand (a pattern opening with "\b" is tried at every
# position, one opening with the words' letters is scanned for fast). A phrase comes before the
# verb it opens ("reported by", "reported"), and a phrase that opens with a verb counts as both;
# no word or phrase holds another at a boundary, so the matches are those of a search per word.
_SAID = re.compile("(?:{})\\b".format("|".join(sorted(set(_SAID_AFTER + _SAID_BEFORE),
                                                       key=lambda said: (-len(said), said)))))
_AFTER_WORDS = frozenset(_SAID_AFTER)
_BEFORE_WORDS = frozenset(_SAID_BEFORE)
_WORD_CHAR = re.compile(r"\w")
_EXCLUDED = frozenset(_NOT_NAMES | NATIONAL.keys())
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_ANNOTATION = re.compile(r"\s*\[[a-z]+: [^\]]*\]")  # extract's "[victims: ...]" suffix


@lru_cache(maxsize=_CACHE)
def sentence_of(notes: str) -> str:
    """The event sentence without extract's annotations ("[victims: ...]")."""
    return _ANNOTATION.sub("", notes) if "[" in notes else notes  # most notes have none


@lru_cache(maxsize=_CACHE)
def folded(sentence: str) -> str:
    """The sentence in the form place names are compared in (see normal_name)."""
    return _fold(sentence)


@lru_cache(maxsize=_WORD_CACHE)  # a corpus's place names: tens of thousands
def normal_name(name: str | None) -> str | None:
    """Casefolded ASCII words: the form place names are compared in."""
    return _fold(name) or None if name else None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _NOT_WORD.sub(" ", "".join(c for c in decomposed if c.isascii())).strip()


@lru_cache(maxsize=_CACHE)
def groups_named(notes: str) -> frozenset[str]:
    """The civilian groups a sentence names ("teachers", "health workers" ...)."""
    return frozenset(map(_GROUPS.__getitem__, _GROUPS.keys() & _WORD.findall(notes.casefold())))


#: The group words by the shortest word each begins with: one search finds a stem's every form.
_STEMS = sorted({min((other for other in _GROUPS if word.startswith(other)), key=len)
                 for word in _GROUPS})


def groups_in(sentences: list[str], folded: list[str]) -> list[frozenset[str]]:
    """groups_named of many sentences at once (``folded``: each casefolded). Most sentences
    name no group: a search per group word through all of them (str.find, in C) finds the few
    that do, where a word scan per sentence read every sentence's every word."""
    text = "\n".join(folded)
    starts = np.cumsum([0] + [len(sentence) + 1 for sentence in folded])
    hits = []
    for stem in _STEMS:
        at = text.find(stem)
        while at >= 0:
            hits.append(at)
            at = text.find(stem, at + 1)
    found = [frozenset()] * len(sentences)
    for index in np.unique(np.searchsorted(starts, hits, "right") - 1).tolist():
        found[index] = groups_named(sentences[index])
    return found


@lru_cache(maxsize=_CACHE)
def victims_named(phrases: tuple[str, ...]) -> frozenset[str]:
    """Who extraction found killed or hurt, by class (police, soldiers, fighters, civilians)."""
    return frozenset(_VICTIM_CLASSES[word] for phrase in phrases
                     for word in _WORD.findall(phrase.casefold()) if word in _VICTIM_CLASSES)


@lru_cache(maxsize=_CACHE)
def names_in(notes: str) -> frozenset[str]:
    """The capitalised words of a sentence that may name where or whom it happened to: not the
    first word of a sentence, a month, a nationality, a title, or a source ("Reuters said")."""
    words = _CAPITALISED.findall(notes)
    names = set(map(_name_word, words))
    names -= _EXCLUDED
    if not names:
        return frozenset()  # nothing that dropping sources could leave
    first = _FIRST.match(notes)
    openers = _OPENING.findall(notes)
    if first:
        openers.append(first.group(1))
    dropped = [word for word in openers if words.count(word) == 1]
    lowered = notes.casefold()
    for match in _SAID.finditer(lowered):
        at, said = match.start(), match.group()
        if at and _WORD_CHAR.match(lowered, at - 1):
            continue  # inside a word ("unsaid")
        if said.split(" ", 1)[0] in _AFTER_WORDS:
            _sources_before(notes, at, dropped)
        if said in _BEFORE_WORDS:
            _sources_after(notes, match.end(), dropped)
    names.difference_update(map(_name_word, dropped))
    return frozenset(names)


def _sources_before(notes: str, at: int, found: list[str]) -> None:
    """Capitalised words among the few right before ``at``, back to the last comma."""
    for token in reversed(notes[max(0, at - 60):at].split()[-5:]):
        if token[-1] in ",;:.()":
            break
        if token[0].isupper():
            found.append(token)


def _sources_after(notes: str, at: int, found: list[str]) -> None:
    """Up to three capitalised words right after ``at`` ("according to the Interior
    Ministry")."""
    for token in notes[at:at + 60].split()[:4]:
        if token.casefold() == "the":
            continue
        if not token[0].isupper():
            break
        found.append(token.strip(",;:.()"))


@lru_cache(maxsize=_WORD_CACHE)
def _name_word(word: str) -> str:
    word = word.casefold().rstrip("'’-")
    return normal_name(word[:-2] if word.endswith(("'s", "’s")) else word) or word


def unmatched(names: frozenset[str], others: frozenset[str]) -> bool:
    """Whether some name has no counterpart among ``others`` (spellings may vary: Idlib/Idleb)."""
    return any(process.extractOne(name, others, scorer=fuzz.ratio,
                                  score_cutoff=NAME_SPELLING_SIMILARITY) is None
               for name in names - others)
