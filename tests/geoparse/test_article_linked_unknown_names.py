"""Arabic place names are built of parts linked by a glued article ("Qasr" + "al-Hayr"); where
the gazetteer lacks the whole, the text's whole name is still one place, never the namesakes
its parts spell. A big city or a country before the article stays itself."""

from __future__ import annotations

from geomap.geoparse.recognize import pattern_spans
from geomap.geoparse.words import ENGLISH_WORDS

from .parse_fixtures import names_of


def test_a_class_word_takes_the_whole_article_linked_name(parse):
    text = "Jets struck the town of Qaryat al-Nasr before dawn on Sunday."
    assert names_of(parse, text) == ["Qaryat al-Nasr"]


def test_a_particle_with_no_name_after_it_ends_the_name(parser):
    text = "Jets struck the town of Qaryat al-Nasr before dawn on Sunday."
    tokens = parser.read(text).tokens
    assert [text[s.start:s.end] for s in pattern_spans(text, tokens, ENGLISH_WORDS)] \
        == ["Qaryat al-Nasr"]
    text = "the town of Torre de Moncorvo"
    tokens = parser.read(text).tokens
    assert [text[s.start:s.end] for s in pattern_spans(text, tokens, ENGLISH_WORDS)] \
        == ["Torre de Moncorvo"]


def test_a_placed_name_whose_parts_are_known_is_one_name(parse):
    mentions = parse("Heavy fighting was reported in Tall Rifat al-Jadida on Sunday.")
    assert [m.name for m in mentions] == ["Tall Rifat al-Jadida"]
    assert mentions[0].place is None  # left for the fallback, not a namesake of a part


def test_a_big_place_before_the_article_stays_itself(parse):
    names = names_of(parse, "An editorial in Baghdad al-Sabah newspaper criticised the plan.")
    assert "Baghdad" in names


def test_the_glued_article_begins_a_name_before_its_class_word(parse):
    names = names_of(parse, "Shelling hit the al-Zuhour district of Homs overnight.")
    assert "al-Zuhour" in names
    assert "Zuhour" not in names


def test_a_placed_name_may_open_on_a_glued_article(parse):
    assert names_of(parse, "Troops were redeployed near al-Zuhour on Monday.") == ["al-Zuhour"]


def test_a_name_after_a_glued_article_in_a_persons_name_is_no_place(parse):
    assert names_of(parse, "A statement by the deputy Karim al-Banat was read out.") == []


def test_a_capitalised_glued_article_links_a_name(parse):
    assert names_of(parse, "Clashes broke out in Khan Al-Sheikh overnight.") == ["Khan Al-Sheikh"]
