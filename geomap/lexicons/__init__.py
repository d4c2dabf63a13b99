"""Every word list and cue table the geoparser and the event stage read, as data: one folder per
language.

``geomap/lexicons/<lang>/`` holds TOML files (calendar, numbers, people, casualties, actors,
triggers, cues, geoparse); :func:`load_lexicon` reads them once per language into a frozen
:class:`Lexicon`, which the stages take as a parameter (the English one by default). A new
language is a new folder with the same files and keys, plus tests.

    >>> lexicon = load_lexicon("en")
    >>> lexicon.month_number("Sept"), lexicon.weekdays[0]
    (9, 'monday')
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TypeVar

from geomap.lexicons.geoparse_words import GeoparseWords, geoparse_words

T = TypeVar("T")

#: The files a language folder holds; each is required.
FILES = ("calendar", "numbers", "people", "casualties", "actors", "triggers", "cues", "geoparse",
         "locate", "events")


class LexiconError(ValueError):
    """A language folder is missing, or a file in it lacks a table or has a malformed one."""


@dataclass(frozen=True, slots=True)
class RelativeDay:
    """A day told relative to the reference day ("yesterday"): ``days`` back, at ACLED time
    ``precision``; ``anchor`` names a day no count gives ("last_year", "this_year",
    "last_month"), empty otherwise."""

    phrase: str
    days: int
    precision: int
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Hedge:
    """A word before a count that bounds it: ``bound`` "low" ("at least"), "high" ("up to")
    or "" (neither); the flags say which count positions it is read in."""

    phrase: str
    bound: str
    subject: bool
    object: bool
    active: bool


@dataclass(frozen=True, slots=True)
class ArmedGroup:
    """A named armed group: its display name, the case-sensitive pattern the actor finder
    matches (None: known to the geoparser only) and the lower-case names the geoparser keeps
    out of the places."""

    name: str
    pattern: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerWords:
    """One trigger table row: the cue it names, its regular expression, how reliable it is and
    whether it is matched on the text as written (else on the lower-cased text)."""

    cue: str
    pattern: str
    strong: bool
    case_sensitive: bool


Pairs = tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's vocabulary. Tables are tuples (of pairs where a table maps), so the
    lexicon is immutable, hashable and picklable; the stages build their dicts and patterns
    from it once."""

    lang: str
    # calendar.toml
    months: tuple[tuple[str, ...], ...]  # every form of each month, January first
    weekdays: tuple[str, ...]  # Monday first
    ambiguous_months: tuple[str, ...]
    relative_days: tuple[RelativeDay, ...]  # in the order they are tried
    month_parts: tuple[tuple[str, tuple[int, int]], ...]  # (part, (day, precision))
    calendar_grammar: tuple[tuple[str, str], ...]  # (name, pattern)
    calendar_sets: tuple[tuple[str, tuple[str, ...]], ...]  # (name, words)
    # numbers.toml
    units: Pairs
    tens: Pairs
    scales: Pairs
    vague: Pairs
    single: Pairs
    dozen: str
    dozen_multipliers: tuple[str, ...]
    ago: Pairs
    parts: tuple[str, ...]
    conjunction: str
    not_leading: tuple[str, ...]  # unit words that never begin a count
    one_article: tuple[str, ...]  # the article that counts one ("a hundred")
    # people.toml
    person: tuple[str, ...]
    armed_target: tuple[str, ...]
    civilian_target: tuple[str, ...]
    not_armed: tuple[str, ...]
    no_longer: tuple[str, ...]
    formerly_armed: tuple[str, ...]
    crowd: tuple[str, ...]
    people_grammar: tuple[tuple[str, str], ...]  # (name, pattern)
    people_sets: tuple[tuple[str, tuple[str, ...]], ...]  # (name, words)
    # casualties.toml
    kill: tuple[str, ...]
    wound: tuple[str, ...]
    active_verbs: tuple[str, ...]
    nominal: tuple[str, ...]
    not_people_after: tuple[str, ...]
    not_people_before: tuple[str, ...]
    several_events: tuple[str, ...]
    plural_nouns: tuple[str, ...]
    things: tuple[str, ...]
    hedges: tuple[Hedge, ...]
    casualty_fragments: tuple[tuple[str, str], ...]  # (name, pattern) used inside the grammar
    casualty_grammar: tuple[tuple[str, str], ...]  # (name, pattern) of casualty reports
    casualty_sets: tuple[tuple[str, tuple[str, ...]], ...]  # (name, words)
    # actors.toml
    groups: tuple[ArmedGroup, ...]
    # (pattern, ("ISO2:region", ...)): names that put a text in the regions a conflict is
    # fought in without naming them as places
    theatres: tuple[tuple[str, tuple[str, ...]], ...]
    # (pattern, ISO2, lines of (lat, lon)): where in that country such a text's fighting is
    fronts: tuple[tuple[str, str, tuple[tuple[tuple[float, float], ...], ...]], ...]
    generic_actors: tuple[tuple[str, str], ...]  # (pattern, display name)
    national: tuple[tuple[str, str], ...]  # (adjective, country)
    force_noun: str
    actor_grammar: tuple[tuple[str, str], ...]  # (name, pattern)
    actor_sets: tuple[tuple[str, tuple[str, ...]], ...]  # (name, words)
    # triggers.toml
    triggers: tuple[TriggerWords, ...]
    acronyms: tuple[str, ...]
    background: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    # events.toml
    segment_break: str  # where a second event can start inside a sentence
    refers_back: str  # a clause that refers back to the event before it
    # cues.toml
    weapons: tuple[tuple[str, str], ...]  # (cue, sub-event type), in precedence order
    strategic: tuple[tuple[str, str], ...]  # (cue, sub-event type), in precedence order
    main_cue: tuple[tuple[str, str], ...]  # (sub-event type, cue), weapons excluded
    cue_grammar: tuple[tuple[str, str], ...]  # (name, pattern)
    # geoparse.toml
    geoparse: GeoparseWords
    # locate.toml: each key's word list, in file order (the event locator builds its patterns)
    locate: tuple[tuple[str, tuple[str, ...]], ...]

    def month_number(self, word: str) -> int:
        """1-12 for any written form of a month ("Sept", "sept.", "SEPTEMBER")."""
        key = word.lower().rstrip(".")
        for number, forms in enumerate(self.months, 1):
            if key in forms:
                return number
        raise KeyError(word)

    def month_forms(self) -> tuple[str, ...]:
        """Every form of every month, each month's longest first, in calendar order."""
        return tuple(form for forms in self.months for form in forms)

    def group_aliases(self) -> frozenset[str]:
        """The lower-case names of every armed group (what the geoparser keeps out of places)."""
        return frozenset(alias for group in self.groups for alias in group.aliases)


def fill(pattern: str, slots: dict[str, str]) -> str:
    """``pattern`` with each ``{name}`` of ``slots`` replaced by its pattern (regex braces such
    as ``{0,3}`` are no slot and stay)."""
    for name, value in slots.items():
        pattern = pattern.replace(f"{{{name}}}", value)
    return pattern


def _pairs(table: dict) -> Pairs:
    return tuple((str(k), v) for k, v in table.items())


def _pattern(value: str | list[str]) -> str:
    """A pattern written as one string or as a list of pieces joined without separator."""
    return value if isinstance(value, str) else "".join(value)


def _read(lang: str, folder: Traversable | None = None) -> dict[str, dict]:
    folder = resources.files(__package__).joinpath(lang) if folder is None else folder
    if not folder.is_dir():
        raise LexiconError(f"no lexicon for language {lang!r} (no folder {folder})")
    data = {}
    for name in FILES:
        path = folder.joinpath(f"{name}.toml")
        if not path.is_file():
            raise LexiconError(f"lexicon {lang!r} lacks {name}.toml")
        try:
            data[name] = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise LexiconError(f"lexicon {lang!r}: {name}.toml: {exc}") from exc
    return data


def _build(lang: str, d: dict[str, dict]) -> Lexicon:
    calendar, numbers, people = d["calendar"], d["numbers"], d["people"]
    casualties, actors, triggers, cues = d["casualties"], d["actors"], d["triggers"], d["cues"]
    words = numbers["words"]
    fragments = {k: _pattern(v) for k, v in triggers["fragments"].items()}
    fragments["euphemism_counts"] = "|".join(words["euphemism_counts"])

    return Lexicon(
        lang=lang,
        months=tuple(tuple(forms) for forms in calendar["months"]),
        weekdays=tuple(calendar["weekdays"]),
        ambiguous_months=tuple(calendar["ambiguous_months"]),
        relative_days=tuple(RelativeDay(r["phrase"], r["days"], r["precision"], r.get("anchor", ""))
                            for r in calendar["relative"]),
        month_parts=tuple((part, (day, precision))
                          for part, (day, precision) in calendar["month_parts"].items()),
        calendar_grammar=tuple(calendar["grammar"].items()),
        calendar_sets=tuple((name, tuple(words)) for name, words in calendar["sets"].items()),
        units=_pairs(numbers["units"]), tens=_pairs(numbers["tens"]),
        scales=_pairs(numbers["scales"]), vague=_pairs(numbers["vague"]),
        single=_pairs(numbers["single"]), dozen=words["dozen"],
        dozen_multipliers=tuple(words["dozen_multipliers"]), ago=_pairs(words["ago"]),
        parts=tuple(words["parts"]),
        conjunction=words["conjunction"],
        not_leading=tuple(words["not_leading"]), one_article=tuple(words["one_article"]),
        person=tuple(people["person"]), armed_target=tuple(people["armed_target"]),
        civilian_target=tuple(people["civilian_target"]),
        not_armed=tuple(people["not_armed"]), no_longer=tuple(people["no_longer"]),
        formerly_armed=tuple(people["formerly_armed"]), crowd=tuple(people["crowd"]),
        people_grammar=tuple(people["grammar"].items()),
        people_sets=tuple((name, tuple(words)) for name, words in people["sets"].items()),
        kill=tuple(casualties["kill"]), wound=tuple(casualties["wound"]),
        active_verbs=tuple(casualties["active_verbs"]), nominal=tuple(casualties["nominal"]),
        not_people_after=tuple(casualties["not_people_after"]),
        not_people_before=tuple(casualties["not_people_before"]),
        several_events=tuple(casualties["several_events"]),
        plural_nouns=tuple(casualties["plural_nouns"]), things=tuple(casualties["things"]),
        hedges=tuple(Hedge(h["phrase"], h["bound"], h["subject"], h["object"], h["active"])
                     for h in casualties["hedge"]),
        casualty_fragments=tuple(casualties["fragments"].items()),
        casualty_grammar=tuple(casualties["grammar"].items()),
        casualty_sets=tuple((name, tuple(words)) for name, words in casualties["sets"].items()),
        groups=tuple(ArmedGroup(g["name"], g.get("pattern"), tuple(g["aliases"]))
                     for g in actors["group"]),
        theatres=tuple((t["pattern"], tuple(t["regions"])) for t in actors.get("theatre", ())),
        fronts=tuple((t["pattern"], t["front"],
                      tuple(tuple(map(tuple, line)) for line in t["lines"]))
                     for t in actors.get("theatre", ()) if "front" in t),
        generic_actors=tuple((g["pattern"], g["name"]) for g in actors["generic"]),
        national=tuple(actors["national"].items()), force_noun=actors["force_noun"],
        actor_grammar=tuple(actors["grammar"].items()),
        actor_sets=tuple((name, tuple(words)) for name, words in actors["sets"].items()),
        triggers=tuple(TriggerWords(t["cue"], fill(_pattern(t["pattern"]), fragments), t["strong"],
                                    t.get("case_sensitive", False))
                       for t in triggers["trigger"]),
        acronyms=tuple(triggers["acronyms"]), background=tuple(triggers["background"]),
        clause_breaks=tuple(triggers["clause_breaks"]),
        segment_break=d["events"]["segment_break"], refers_back=d["events"]["refers_back"],
        weapons=tuple((cue, sub) for cue, sub in cues["weapons"]),
        strategic=tuple((cue, sub) for cue, sub in cues["strategic"]),
        main_cue=tuple(cues["main_cue"].items()),
        cue_grammar=tuple(cues["grammar"].items()),
        geoparse=geoparse_words(d["geoparse"]),
        locate=tuple((key, tuple(words)) for key, words in d["locate"].items()),
    )


def read_lexicon(folder: Traversable, lang: str) -> Lexicon:
    """The lexicon in ``folder`` (a language folder's files), read now: for a language being
    written or tested outside the package; the stages use :func:`load_lexicon`."""
    data = _read(lang, folder)
    try:
        return _build(lang, data)
    except (KeyError, TypeError, ValueError) as exc:
        raise LexiconError(f"lexicon {lang!r}: missing or malformed entry {exc}") from exc


@cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """The lexicon of ``lang``, read from its package folder once per process (LexiconError
    when the folder or one of its files is missing or malformed)."""
    return read_lexicon(resources.files(__package__).joinpath(lang), lang)


def languages() -> tuple[str, ...]:
    """The languages the package ships a lexicon folder for."""
    root = resources.files(__package__)
    return tuple(sorted(entry.name for entry in root.iterdir()
                        if entry.is_dir() and entry.joinpath("calendar.toml").is_file()))


_BUILT: dict[tuple[int, Callable], tuple[Lexicon, object]] = {}


def built_from(lexicon: Lexicon, build: Callable[[Lexicon], T]) -> T:
    """``build(lexicon)`` -- a stage's compiled patterns -- made once per lexicon and kept, so a
    stage called with a lexicon compiles nothing per call. Keyed by identity: hashing a whole
    lexicon on every call would cost more than the lookup saves."""
    key = (id(lexicon), build)
    kept = _BUILT.get(key)
    if kept is None or kept[0] is not lexicon:
        kept = _BUILT[key] = (lexicon, build(lexicon))
    return kept[1]  # type: ignore[return-value]


#: The English lexicon, the stages' default.
ENGLISH = load_lexicon("en")

__all__ = ["ENGLISH", "FILES", "ArmedGroup", "GeoparseWords", "Hedge", "Lexicon", "LexiconError",
           "RelativeDay",
           "TriggerWords", "built_from", "languages", "load_lexicon", "read_lexicon"]
