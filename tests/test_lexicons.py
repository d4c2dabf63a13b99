"""The lexicons: every language folder loads into a well-formed, picklable Lexicon, and the event
stage keeps one copy of each word list (in the lexicon, not in its code)."""

from __future__ import annotations

import ast
import pickle
import re
import shutil
from pathlib import Path

import pytest

from geomap.events import taxonomy
from geomap.events import triggers as cue_module
from geomap.lexicons import (
    ENGLISH,
    FILES,
    Lexicon,
    LexiconError,
    languages,
    load_lexicon,
    read_lexicon,
)

EVENTS = Path(__file__).resolve().parents[1] / "geomap" / "events"
LEXICONS = Path(__file__).resolve().parents[1] / "geomap" / "lexicons"
#: Event modules other parts of the project own, with the words they keep until they take them
#: from the lexicon: the test holds them to it once they leave this table.
NOT_YET_MOVED = {
    "wording.py": "day and month names dedup ignores when comparing notes (calendar.toml)",
    "acled_columns.py": "hedges before a count of a crowd (casualties.toml's [[hedge]] table)",
}
CUES = {value for name, value in vars(cue_module).items()
        if name.isupper() and isinstance(value, str) and not name.startswith("_")}


def _compiles(fragment: str) -> bool:
    try:
        re.compile(fragment)
    except re.error:
        return False
    return True


@pytest.mark.parametrize("lang", languages())
def test_every_language_folder_holds_every_file_and_loads(lang: str) -> None:
    for name in FILES:
        assert (LEXICONS / lang / f"{name}.toml").is_file(), f"{lang} lacks {name}.toml"
    lexicon = load_lexicon(lang)
    assert isinstance(lexicon, Lexicon) and lexicon.lang == lang
    assert load_lexicon(lang) is lexicon  # read once per process


@pytest.mark.parametrize("lang", languages())
def test_tables_are_non_empty_and_well_formed(lang: str) -> None:
    lexicon = load_lexicon(lang)
    for name in Lexicon.__slots__:
        value = getattr(lexicon, name)
        assert value or value == 0, f"{lang}: {name} is empty"
    assert len(lexicon.months) == 12 and all(forms for forms in lexicon.months)
    assert len(lexicon.weekdays) == 7
    assert set(lexicon.ambiguous_months) <= set(lexicon.month_forms())
    forms = lexicon.month_forms()
    assert len(forms) == len(set(forms)), "a month form names two months"
    for table in (lexicon.units, lexicon.tens, lexicon.scales, lexicon.vague, lexicon.single,
                  lexicon.ago):
        assert all(isinstance(word, str) and isinstance(n, int) and n >= 0 for word, n in table)
    for fragments in (lexicon.person, lexicon.armed_target, lexicon.civilian_target, lexicon.kill,
                      lexicon.wound, lexicon.not_people_after, lexicon.not_people_before,
                      lexicon.several_events, lexicon.things, lexicon.background,
                      lexicon.clause_breaks, lexicon.acronyms):
        bad = [f for f in fragments if not f or not _compiles(f)]
        assert not bad, f"{lang}: fragments that are no regular expression: {bad}"
    assert all(h.bound in {"", "low", "high"} for h in lexicon.hedges)
    assert any(h.subject for h in lexicon.hedges) and any(h.object for h in lexicon.hedges)
    for trigger in lexicon.triggers:
        assert trigger.cue in CUES, trigger.cue
        assert _compiles(trigger.pattern) and "{" + "attack_verb}" not in trigger.pattern
    assert {cue for cue, _ in lexicon.weapons} == set(cue_module.WEAPON_CUES)
    pairs = [(s, c) for c, s in (*lexicon.weapons, *lexicon.strategic)]
    for sub, cue in (*pairs, *lexicon.main_cue):
        assert sub in taxonomy.SUB_EVENT_TYPES and cue in CUES, (sub, cue)
    for group in lexicon.groups:
        assert group.name and group.aliases or group.pattern
        assert all(alias == alias.lower() for alias in group.aliases)
        assert group.pattern is None or _compiles(group.pattern)
    assert all(_compiles(pattern) and name for pattern, name in lexicon.generic_actors)
    assert _compiles(lexicon.force_noun)


def test_the_lexicon_is_frozen_and_pickles() -> None:
    with pytest.raises(AttributeError):
        ENGLISH.weekdays = ()  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(ENGLISH))
    assert again == ENGLISH and hash(again) == hash(ENGLISH)


def test_month_forms_name_their_month() -> None:
    assert ENGLISH.month_number("Sept.") == 9
    assert ENGLISH.month_number("DECEMBER") == 12
    with pytest.raises(KeyError):
        ENGLISH.month_number("Smarch")


def test_the_geoparser_takes_armed_groups_from_the_shared_table() -> None:
    """One table for both stages: the geoparser keeps every group alias out of the places."""
    from geomap.geoparse.words import ENGLISH_WORDS, group_key

    assert ENGLISH_WORDS.group_names == {group_key(a) for a in ENGLISH.group_aliases()}
    assert "rapid support forces" in ENGLISH.group_aliases()


def test_the_geoparser_takes_month_and_day_names_from_the_calendar() -> None:
    """The geoparser's month and day names are the calendar's, abbreviations included."""
    from geomap.geoparse.words import ENGLISH_WORDS

    assert frozenset(ENGLISH.month_forms()) == ENGLISH_WORDS.months
    assert frozenset(ENGLISH.weekdays) == ENGLISH_WORDS.days


def test_an_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="no lexicon"):
        load_lexicon("xx")


def test_a_copied_folder_loads_and_a_broken_one_is_a_clear_error(tmp_path: Path) -> None:
    """What a new language goes through: the English folder copied loads the same tables; a
    file or a key missing is reported by name."""
    folder = tmp_path / "zz"
    shutil.copytree(LEXICONS / "en", folder)
    copy = read_lexicon(folder, "zz")
    assert copy.triggers == ENGLISH.triggers and copy.lang == "zz"
    calendar = folder / "calendar.toml"
    calendar.write_text(calendar.read_text().replace("weekdays =", "week_days ="))
    with pytest.raises(LexiconError, match="weekdays"):
        read_lexicon(folder, "zz")
    calendar.unlink()
    with pytest.raises(LexiconError, match="calendar.toml"):
        read_lexicon(folder, "zz")


def test_no_cue_to_sub_type_table_is_written_in_the_event_code() -> None:
    """Weapon cue -> sub-event type is cues.toml's table, not pairs of constants in the code."""
    pair = re.compile(r"\(?cue\.[A-Z_]+\s*[:,]\s*t\.[A-Z_]+|t\.[A-Z_]+\s*:\s*cue\.[A-Z_]+")
    for name, source in _source_text().items():
        assert len(pair.findall(source)) <= 1, f"{name} writes a cue -> sub-type table"


def _source_text() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8")
            for path in sorted(EVENTS.glob("*.py")) if path.name not in NOT_YET_MOVED}


def _code_strings(source: str) -> str:
    """The string constants of a module's code, docstrings left out (comments are not in the
    tree): examples in prose may name a word or two, lists of them are copies."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return "\n".join(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)
                     and id(node) not in docstrings)


def _source_words() -> dict[str, str]:
    return {name: _code_strings(source).lower() for name, source in _source_text().items()}


@pytest.mark.parametrize("words", [
    ("january", "february", "april", "june", "july", "august", "september", "october",
     "november", "december"),
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
])
def test_no_calendar_list_is_written_in_the_event_code(words: tuple[str, ...]) -> None:
    """Day and month names live in calendar.toml only; the code may name one or two in a
    pattern, a list of them is a second copy."""
    for name, source in _source_words().items():
        found = [w for w in words if re.search(rf"\b{w}\b", source)]
        assert len(found) <= 2, f"{name} spells out {found}: take them from the lexicon"


@pytest.mark.parametrize("table", ["hedges", "groups", "person", "vague"])
def test_no_lexicon_table_is_copied_into_the_event_code(table: str) -> None:
    """A table's distinctive entries appear in the lexicon, not as a list in the code."""
    entries = {
        "hedges": [h.phrase for h in ENGLISH.hedges if len(h.phrase.split()) > 1],
        "groups": [g.name for g in ENGLISH.groups if g.pattern and len(g.name) > 5],
        "person": [p for p in ENGLISH.person if re.fullmatch(r"[a-z]{6,}s\?", p)],
        "vague": [word for word, _ in ENGLISH.vague if " " in word],
    }[table]
    assert len(entries) >= 4
    for name, source in _source_words().items():
        found = [e for e in entries if e.lower() in source]
        assert len(found) <= 3, f"{name} repeats {table}: {found}"


def _toy_french() -> Lexicon:
    """A lexicon whose calendar and triggers are another language's (a sketch, not a real one)."""
    from dataclasses import replace

    from geomap.lexicons import TriggerWords

    months = (("janvier", "janv"), ("février", "févr"), ("mars",), ("avril", "avr"), ("mai",),
              ("juin",), ("juillet", "juil"), ("août",), ("septembre", "sept"),
              ("octobre", "oct"), ("novembre", "nov"), ("décembre", "déc"))
    return replace(ENGLISH, lang="fr-toy", months=months, ambiguous_months=(),
                   weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                             "dimanche"),
                   triggers=(TriggerWords("arrest", "arrêtée?s?|interpellée?s?", True, False),))


def test_dates_and_triggers_read_the_lexicon_they_are_given() -> None:
    from datetime import date

    from geomap.events.dates import find_date
    from geomap.events.triggers import find_triggers

    toy = _toy_french()
    text = "Le 12 mars 2021, la gendarmerie a interpellé deux passeurs."
    assert find_date(text, lexicon=toy).value == date(2021, 3, 12)
    assert find_date(text) is None  # "mars" is no English month
    friday = find_date("Vendredi, deux passeurs.", published=date(2021, 3, 15), lexicon=toy)
    assert friday.value == date(2021, 3, 12)
    assert [t.cue for t in find_triggers(text, lexicon=toy)] == ["arrest"]
    assert find_triggers(text) == []
    # the English default is untouched by a lexicon built beside it
    assert find_date("On 12 March 2021, police arrested two smugglers.").value == \
        date(2021, 3, 12)


def test_actors_read_the_lexicon_they_are_given() -> None:
    from dataclasses import replace

    from geomap.events.actors import find_actors, is_group_name
    from geomap.lexicons import ArmedGroup

    toy = replace(ENGLISH, groups=(ArmedGroup("Zeta Brigade", "Zeta Brigade|ZB",
                                              ("zeta brigade",)),))
    text = "Fighters of the Zeta Brigade raided the depot."
    assert (16, "Zeta Brigade") in find_actors(text, 0, len(text), lexicon=toy)
    assert all(name != "Zeta Brigade" for _, name in find_actors(text, 0, len(text)))
    assert is_group_name("ZB", toy) and not is_group_name("ZB")


def test_targets_read_the_lexicon_they_are_given() -> None:
    """Who bears arms is the lexicon's word: the same shooting is a clash or an attack."""
    from dataclasses import replace

    from geomap.events.classify import classify
    from geomap.events.triggers import find_triggers

    text = "Gunmen opened fire on the wardens at the ford."
    triggers = find_triggers(text)
    assert classify(text, 0, len(text), triggers) == taxonomy.ATTACK
    toy = replace(ENGLISH, armed_target=(*ENGLISH.armed_target, "wardens?"))
    assert classify(text, 0, len(text), triggers, lexicon=toy) == taxonomy.ARMED_CLASH


@pytest.mark.parametrize("lang", languages())
def test_every_grammar_table_compiles(lang: str) -> None:
    """The [grammar] phrases of casualties.toml and people.toml and the patterns of
    events.toml build (a missing or malformed phrase is a LexiconError naming it)."""
    from geomap.events.casualty_patterns import casualty_words

    lexicon = load_lexicon(lang)
    words = casualty_words(lexicon)
    assert words.g.zero.pattern and words.people.g.conjunct.pattern
    assert _compiles(lexicon.segment_break) and _compiles(lexicon.refers_back)
