"""The phrases around casualty counts ("no casualties", "the death toll rose to", "one of the
five dead") and around the people counted ("both guards", "the driver and his son") are data in
the lexicon, not English in code: a lexicon that rewrites one phrase reads the report its way,
and a language folder missing a phrase fails on first use, naming it (issue #12)."""

import pytest
from lexicon_edits import with_entry as _with
from lexicon_edits import without_entry

from geomap.events.casualties import parse_casualties
from geomap.events.casualty_patterns import casualty_words
from geomap.lexicons import ENGLISH, LexiconError


def test_a_no_casualty_phrase_comes_from_the_lexicon():
    text = "The depot burned overnight; the guards reported zilch hurt and zilch dead."
    assert parse_casualties(text).fatalities is None
    zero = dict(ENGLISH.casualty_grammar)["zero"]
    wider = _with("casualty_grammar", "zero", zero[:-3] + r"|zilch dead)\b")
    found = parse_casualties(text, wider)
    assert (found.fatalities, found.injured) == (0, 0)


def test_a_toll_phrase_comes_from_the_lexicon():
    text = "By evening the tally of the fallen stood at 14 after the raid on the ferry."
    assert parse_casualties(text).fatalities is None
    tally = r"\btally of the fallen\b[^.;]{0,80}?\bstood at\s+(?:{hedge}\s+)?{count}"
    assert parse_casualties(text, _with("casualty_grammar", "toll", tally)).fatalities == 14


def test_the_people_of_a_plural_subject_follow_the_lexicon():
    text = "The driver und his son were killed when the mill was shelled."
    assert parse_casualties(text).fatalities == 1  # "his son" only
    german_and = r"(?-i:(\s*,\s*(?:und\s+)?|\s+und\s+))"
    wider = _with("people_sets", "conjunctions", ("und",),
                  _with("people_grammar", "conjunct", german_and))
    assert parse_casualties(text, wider).fatalities == 2


def test_a_missing_phrase_is_a_lexicon_error_naming_it():
    lacking = without_entry("casualty_grammar", "partitive")
    with pytest.raises(LexiconError, match="partitive"):
        casualty_words(lacking)


def test_a_malformed_phrase_is_a_lexicon_error_naming_it():
    with pytest.raises(LexiconError, match="casualties.toml.*boundary"):
        casualty_words(_with("casualty_grammar", "boundary", "(?:while|whereas"))
