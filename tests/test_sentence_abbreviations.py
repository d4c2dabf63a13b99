"""Sentence ends after abbreviations: the word before a full stop decides, however long the run
of letters and dots it ends (it is looked for in a short window first, then further back)."""

from geomap.text import _last_word, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_abbreviations_keep_the_sentence_whole():
    text = "Gen. Amar met U.S. envoys in the city. Talks resume Monday."
    assert _sentences(text) == ["Gen. Amar met U.S. envoys in the city.", "Talks resume Monday."]


def test_the_whole_run_before_the_stop_is_the_word():
    run = "q" * 70 + ".u.s"
    text = f"He typed {run}. Then he left."
    assert _last_word(text, 0, text.index(". Then") + 1) == run + "."
    # "...q.u.s" is no abbreviation, though its last letters are: the sentence ends there
    assert _sentences(text) == [f"He typed {run}.", "Then he left."]


def test_a_run_longer_than_the_window_ending_in_an_abbreviation_is_still_one_word():
    text = "Ranks: " + "." * 60 + "a" + ". Next line."
    assert _last_word(text, 0, text.index(". Next") + 1) == "." * 60 + "a."
    assert _last_word("no stop", 0, 0) == ""
    assert _last_word("end !", 0, 5) == ""
