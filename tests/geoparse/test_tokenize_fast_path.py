"""The tokeniser's plain-word path (a word of letters and digits on the same line) and its
other paths agree on offsets and flags, whatever blanks, scripts and punctuation surround them."""

from __future__ import annotations

from geomap.geoparse.recognize import tokenize

TEXT = ("Rain fell on Testford's market.\n\nNext day , \"Quiet\" streets; snake_case and "
        "Ünïcode wörds\u00a0between\u2003blanks.Then U.S. aid came (Reuters).  \r\nLast line  ")


def test_offsets_cover_every_token_exactly():
    tokens = tokenize(TEXT)
    assert all(TEXT[t.start:t.end] == t.text for t in tokens)
    joined = "".join(t.text for t in tokens)
    assert joined == "".join(TEXT.split())


def test_flags_of_plain_words_follow_sentences_and_lines():
    flags = {t.text: (t.sentence_initial, t.newline_before) for t in tokenize(TEXT)}
    assert flags["Rain"] == (True, False)
    assert flags["fell"] == (False, False)
    assert flags["Next"] == (True, True)  # after a blank line
    assert flags["day"] == (False, False)
    assert flags["Then"] == (True, False)  # after a full stop glued to the word before
    assert flags["aid"] == (False, False)  # "U.S." keeps its full stop and ends no sentence
    assert flags["Last"] == (True, True)  # after a full stop and a line break
    assert flags["snake_case"] == (False, False)


def test_a_quote_passes_the_sentence_start_on():
    tokens = tokenize('He left. "Where now?" she asked.')
    quoted = next(t for t in tokens if t.text == "Where")
    assert quoted.sentence_initial and not quoted.newline_before
    assert [t.text for t in tokens][-2:] == ["asked", "."]


def test_possessives_split_off_on_every_path():
    texts = [t.text for t in tokenize("Testford's mayor and TESTVILLE’S council")]
    assert texts == ["Testford", "'s", "mayor", "and", "TESTVILLE", "’S", "council"]


def test_capitalised_positions_are_the_per_token_test_in_order():
    from geomap.geoparse.recognize import Token, capitalised

    tokens = tokenize(TEXT) + [Token(0, 0, "", False, False)]  # an empty token is no capital
    plain = [k for k, t in enumerate(tokens) if t.text[:1].isupper()]
    assert capitalised(tokens) == plain and plain
    also = frozenset({"on", "streets"})
    with_also = [k for k, t in enumerate(tokens) if t.text[:1].isupper() or t.text in also]
    assert capitalised(tokens, also) == with_also and len(with_also) == len(plain) + 2
    assert capitalised(tokens, frozenset({"absent"})) == plain


def test_a_name_and_its_comma_after_a_line_break():
    tokens = tokenize("first line ends\nTestford, then\n \t \nQuendrith, later (AP),\nend")
    flags = {t.text: (t.start, t.sentence_initial, t.newline_before) for t in tokens}
    assert flags["Testford"] == (16, True, True)  # a line start reads as a sentence start
    assert [t.text for t in tokens][4:6] == [",", "then"]
    assert flags["then"][1:] == (False, False)
    assert flags["Quendrith"][1:] == (True, True)  # after a line of blanks only
    assert [t.text for t in tokens][-5:] == ["(", "AP", ")", ",", "end"]
    assert flags["end"][1:] == (True, True)
    assert all(t.text == "," or not t.text.endswith(",") for t in tokens)
