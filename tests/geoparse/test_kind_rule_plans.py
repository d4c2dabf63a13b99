"""The classifier skips the kind rules that cannot decide a name (a one-word rule on a longer
name, a rule gated by a word list on a name in none of them): every skipped rule must indeed
answer NEXT there, so the verdicts stay those of the full ordered list."""

from __future__ import annotations

from geomap.geoparse.kind_candidate import NEXT, Candidate
from geomap.geoparse.kind_rules import KIND_RULES, MANY_WORDS_ONLY, ONE_WORD_ONLY, WORD_GATES
from geomap.geoparse.persons import DocumentWords
from geomap.geoparse.recognize import Span

_TEXT = ("Gov. Ann Vale of Springfield, 45, said Monday that Syrians and Europeans in New York "
         "City speak English. The Pasadena City Council met in March with UN officials, "
         "General Orlov and Reuters in Kabul. A New Jersey firm sent US$300 to Lake Tamsor "
         "Township. Tamsor coach Ben Yarrow beat Kandahar, said Mayor Lina Dove.")


def _candidates(parser):
    """A candidate for every one-, two- and three-token run of the text's capitalised words."""
    tokens = parser.read(_TEXT).tokens
    seen = DocumentWords(_TEXT, tokens, parser.words)
    for first in range(len(tokens)):
        for last in range(first, min(first + 3, len(tokens))):
            if all(tokens[k].text[:1].isupper() for k in (first, last)):
                span = Span(tokens[first].start, tokens[last].end, first, last)
                yield lambda span=span: Candidate(span, _TEXT, seen, parser.classifier)


def test_skipped_rules_answer_next(parser):
    listed = frozenset().union(*(getattr(parser.words, name)
                                 for names in WORD_GATES.values() for name in names))
    checked = 0
    for fresh in _candidates(parser):
        candidate = fresh()
        for rule in KIND_RULES:
            skipped = rule in (MANY_WORDS_ONLY if candidate.single else ONE_WORD_ONLY) or (
                rule in WORD_GATES and candidate.low not in listed)
            if skipped:
                assert rule(fresh()) is NEXT, (rule.__name__, candidate.name)
                checked += 1
    assert checked > 100


def test_the_plans_give_the_full_lists_verdicts(parser):
    for fresh in _candidates(parser):
        candidate = fresh()
        full = next((v for v in (rule(fresh()) for rule in KIND_RULES) if v is not NEXT),
                    candidate.span)
        assert parser.classifier.classify(candidate.span, _TEXT, candidate.seen) == full
