"""The sentence a popup quotes: the article's own words, without our annotations or page junk.

``Event.notes`` is the sentence the event was read from, sometimes followed by the extractor's
own bracketed annotations (``[victims: ...]``) and sometimes carrying the furniture of the web
page the article was scraped from (ads, video teasers, share buttons) glued to it. A reader must
not take either for the article's words, so both are removed before the map shows the sentence.
The rule is general (a short lexicon of furniture phrases), never a list of particular pages.
"""

from __future__ import annotations

import re

#: ``[label: text]``: an annotation a stage of geomap appended (a lowercase label and a colon).
_ANNOTATION = re.compile(r"\s*\[[a-z][a-z _-]{0,30}:[^\]]*\]")

#: Furniture words that stand alone on a page (buttons, ad slots). Matched only when written as
#: a label is (capitalised or upper case), so "residents were told to subscribe" stays.
_STANDALONE = (
    r"advertisement|sponsored(?: content)?|skip ad|"
    r"share (?:this|on (?:facebook|twitter|whatsapp|linkedin|x)|via e-?mail)(?: article| story)?|"
    r"click to share(?: on \w+)?|(?:follow|like) us(?: on \w+)?|subscribe(?: now)?|"
    # A row of share buttons: two or more button words in a row.
    r"(?:tweet|e-?mail|print|copy link|share)(?:[\s|]+(?:tweet|e-?mail|print|copy link|share))+"
)
#: Furniture that introduces a teaser (a video or link title), removed with the title. Phrases
#: that are never prose in any case; single words only with a colon or in capitals ("MORE:").
_TEASER_PHRASES = r"now watch|read more|continue reading|see also"
_TEASER_WORDS = r"watch|related|more|recommended"

_STANDALONE_RE = re.compile(
    rf"(?i)(?:^|(?<=[\s.:;,|!]))(?:{_STANDALONE})(?=$|[\s.:;,|!])[\s.:;,|!]*")
_TEASER_RE = re.compile(
    rf"^(?:(?i:{_TEASER_PHRASES})\s*:?|(?i:{_TEASER_WORDS})\s*:|(?:{_TEASER_WORDS.upper()})\b)"
    r"\s+([^\n]*?(?:[.!?](?=\s|$)|\n|$))\s*")
#: A teaser after the sentence ("... shelled. Read more: Ten things about ports").
_TRAILING_TEASER_RE = re.compile(
    rf"(?<=[.!?])\s+(?:(?i:{_TEASER_PHRASES})|(?i:{_TEASER_WORDS})|{_TEASER_WORDS.upper()})"
    r"\s*:.*$", re.DOTALL)
_SPACES = re.compile(r"\s+")
#: Words without which none of the rules above can match: most sentences skip the regexes.
_CLUES = ("[", "advert", "sponsor", "skip ad", "share", "click", "follow us", "like us",
          "subscribe", "tweet", "mail", "print", "watch", "more", "continue reading", "see also",
          "related", "recommended")


def _drop_label(match: re.Match[str]) -> str:
    return " " if match.group(0)[:1].isupper() else match.group(0)


def clean_notes(notes: str | None) -> str | None:
    """The article's sentence from ``notes``: annotations and page furniture removed, spaces
    collapsed. Never returns less than the furniture-free remainder: if dropping a teaser would
    leave nothing, only its leading words go."""
    if not notes:
        return None
    lowered = notes.lower()
    if not any(clue in lowered for clue in _CLUES):
        return " ".join(notes.split()) or None
    text = _ANNOTATION.sub("", notes)
    text = _STANDALONE_RE.sub(_drop_label, text).strip()
    while (teaser := _TEASER_RE.match(text)) is not None:
        rest = text[teaser.end():].strip()
        # "NOW WATCH Airstrikes killed ..." (no title boundary): keep the sentence itself.
        text = rest or teaser.group(1)
        if not rest:
            break
    text = _TRAILING_TEASER_RE.sub("", text)
    text = _SPACES.sub(" ", text).strip(" |")
    return text or None
