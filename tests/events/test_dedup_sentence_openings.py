"""A capitalised word that opens a sentence (at the start, or after a full stop, colon,
bracket or quote) is no name for dedup's rule, unless the sentence uses it again."""

from geomap.events.wording import names_in


def test_opening_words_are_not_names():
    assert names_in("Gunmen raided Millbrook. Witnesses fled to Harlow.") == {
        "millbrook", "harlow"}
    assert names_in("  Overnight shelling hit Millbrook (Residents fled)") == {"millbrook"}
    assert names_in('Update: Troops entered Harlow; “Nobody stayed in Harlow”') == {"harlow"}


def test_an_opening_word_used_again_is_a_name():
    assert names_in("Harlow was shelled again; fighters left Harlow at dawn.") == {"harlow"}


def test_a_sentence_with_no_names():
    assert names_in("Shelling hit a depot.") == frozenset()
