"""Naming civilian groups in many sentences at once finds exactly what the sentence-by-sentence
reading finds, whatever the words around a group word."""

from geomap.events.wording import groups_in, groups_named

SENTENCES = [
    "Teachers marched in the capital over unpaid wages.",
    "Doctors and nurses joined striking TEACHERS outside the ministry.",
    "A schoolteacher was hurt; the coworkers of a miner blocked the road.",
    "Shelling hit a depot near the river.",
    "",
    "3teachers and fishermens' boats, pupils-led sit-in; the Pupil said.",
    "Straße blocked by Students and traders",
    "workers\nfarmers",
    "Gunmen attacked a checkpoint; no group is named here at all.",
]


def test_every_sentence_names_the_groups_it_names_alone():
    folded = [sentence.casefold() for sentence in SENTENCES]
    assert groups_in(SENTENCES, folded) == [groups_named(s) for s in SENTENCES]


def test_a_word_that_only_begins_like_a_group_word_names_no_group():
    sentences = ["The teacherless school closed.", "A minerals convoy was stopped."]
    assert groups_in(sentences, [s.casefold() for s in sentences]) == [frozenset()] * 2


def test_no_sentences():
    assert groups_in([], []) == []
