"""Locating events costs the same per event however long the article is (issue 14)."""

from __future__ import annotations

from event_fixtures import PLACES

import geomap.events.locate as locate
from geomap.events.locate import locate_event, locate_verb, locate_verbs
from geomap.model import Mention
from geomap.text import sentence_spans

_SENTENCE = "Gunmen attacked a checkpoint in {place} on Friday, police said."


def _article(repeats: int) -> tuple[str, list[Mention], list[tuple[int, int]]]:
    names = ["Kabul", "Aleppo", "Kharkiv"]
    text, mentions, verbs = "", [], []
    for i in range(repeats):
        name = names[i % len(names)]
        sentence = _SENTENCE.format(place=name)
        base = len(text)
        at = base + sentence.index(name)
        mentions.append(Mention(at, at + len(name), name, "literal", PLACES[name], 0.9))
        verb = base + sentence.index("attacked")
        verbs.append((verb, verb + len("attacked")))
        text += sentence + " "
    return text, mentions, verbs


def _group_name_checks(monkeypatch, repeats: int) -> int:
    calls = 0
    original = locate.is_group_name

    def counting(name: str) -> bool:
        nonlocal calls
        calls += 1
        return original(name)

    monkeypatch.setattr(locate, "is_group_name", counting)
    text, mentions, verbs = _article(repeats)
    for (start, end), sentence in zip(verbs, sentence_spans(text), strict=True):
        location = locate_event(text, (start, end), sentence, mentions)
        assert location is not None and location.mention.start > start
    return calls


def test_each_event_looks_only_at_the_names_around_its_sentence(monkeypatch):
    small = _group_name_checks(monkeypatch, 50)
    large = _group_name_checks(monkeypatch, 400) - small
    # eight times the article, eight times the work (not sixty-four)
    assert large <= 8 * small + 8


def test_many_verbs_at_once_agree_with_one_at_a_time():
    text, mentions, verbs = _article(30)
    together = locate_verbs(text, verbs, mentions)
    alone = [locate_verb(text, start, end, mentions) for start, end in verbs]
    assert together == alone
    assert all(found is not None and found.name in {"Kabul", "Aleppo", "Kharkiv"}
               for found in together)


def test_verbs_of_saying_get_no_place_in_a_batch():
    text, mentions, verbs = _article(3)
    said = text.index("said")
    found = locate_verbs(text, [(said, said + 4), verbs[0]], mentions)
    assert found[0] is None and found[1] is not None
