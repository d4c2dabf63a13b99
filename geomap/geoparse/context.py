"""What an article says about where it is: containment phrases and the countries/regions it names.

"the Salahuddin quarter in Aleppo", "Tripoli, Lebanon" and "Springfield, Ill." each pin one name
inside another; countries, admin1 regions and demonyms anywhere in the text shift every other
name's candidates towards them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from geomap.geoparse.recognize import Span, Token
from geomap.geoparse.words import ENGLISH_WORDS, Words


@dataclass
class Containment:
    """``inside[k] = j``: span k lies in span j; ``us_state[k]``: span k lies in a US state."""

    inside: dict[int, int] = field(default_factory=dict)
    us_state: dict[int, str] = field(default_factory=dict)
    # Containments the text states in words ("X is a village in Y"), not just by a comma.
    stated: set[int] = field(default_factory=set)
    # Comma links inside a list ("Butler, Clark, Madison or Warren"): weak evidence only.
    listed: set[int] = field(default_factory=set)
    # Neighbours in an enumeration ("Quebec, Alberta, Yukon and Nova Scotia"): items of
    # one list tend to be places of one kind and one country.
    siblings: dict[int, list[int]] = field(default_factory=dict)

    def held(self) -> dict[int, list[int]]:
        """``held()[j]``: the spans that lie in span j (``inside`` turned round), built once the
        links are all found, so a long article's resolution need not scan every link per name."""
        if self._held is None:
            held: dict[int, list[int]] = {}
            for k, j in self.inside.items():
                held.setdefault(j, []).append(k)
            self._held = held
        return self._held

    _held: dict[int, list[int]] | None = field(default=None, repr=False, compare=False)


def find_containment(text: str, tokens: list[Token], spans: list[Span],
                     words: Words = ENGLISH_WORDS) -> Containment:
    """Which span lies in which: "X, Y", "X (Y)", "X in Y", "X, a village in Y", lists of
    siblings, and US states after a comma."""
    found = Containment()
    class_words, plural_words = words.class_words, words.plural_class_words
    # A name guessed only from "in X" (not in the gazetteer) contains nothing: a village "in
    # Somename Shire on the coast of Victoria" lies in Victoria, the shire being unknown.
    by_first = {span.first: k for k, span in enumerate(spans) if span.feature_word != "locative"}
    by_last = {span.last for span in spans}
    aliases: dict[int, int] = {}
    for k, span in enumerate(spans):
        m = span.last + 1
        # "X (Y) district, Z": an alternative name in brackets closes before the link.
        if m < len(tokens) and tokens[m].text == ")" and span.first > 0 and \
                tokens[span.first - 1].text == "(":
            m += 1
        # "the Old Souk neighbourhood in Sidon": skip the class word before the link; a plural
        # one ("X, Y and W districts, Z") puts every item of the list before it in Z.
        plural = m < len(tokens) and tokens[m].text.lower() in plural_words
        if m < len(tokens) and (tokens[m].text.lower() in class_words or plural):
            m += 1
        if m < len(tokens) and tokens[m].text == ",":
            state = _us_state(tokens, m + 1, words)
            if state:
                found.us_state[k] = state
                continue
        _add_sibling(found, tokens, span, k, by_first, words.list_links)
        link: list[str] = []
        while m < len(tokens) and len(link) < 12 and m not in by_first:
            if tokens[m].newline_before or tokens[m].text in {".", ";", "!", "?"}:
                break
            link.append(tokens[m].text.lower())
            m += 1
        if len(link) == 3 and link[0] == link[2] == "," and tokens[m - 2].text[:1].isupper():
            # "Safed, Northern, Israel": a region word the gazetteer does not know sits between
            # the place and its country
            link = [","]
        if m in by_first and link == ["("] and _names_alias(tokens, spans[by_first[m]], words):
            aliases[k] = by_first[m]  # "X (Y) district": Y is X's other name, not its container
            continue
        if m in by_first and set(link) in words.containment_links and len(link) <= 2:
            found.inside[k] = by_first[m]
            if plural:
                for item in _list_before(tokens, spans, k, words.list_links):
                    found.inside[item] = by_first[m]  # not the next item of the list
                    found.listed.discard(item)
            # "Vina del Mar (Valparaiso)" says it as briefly as a comma does; words state it
            if link not in ([","], ["("]):
                found.stated.add(k)
            elif link == [","] and _in_list(tokens, span, spans[by_first[m]], by_last,
                                            words.list_conjunctions):
                found.listed.add(k)
        elif m in by_first and _described_as_inside(link, class_words, words) and not any(
                j == k and i not in found.stated for i, j in found.inside.items()):
            # ... but in "Tilaran, Costa Rica is a small town in Guanacaste" the
            # town is Tilaran: the name after the comma only says where it is.
            found.inside[k] = by_first[m]
            found.stated.add(k)
    for k, alias in aliases.items():
        if alias in found.inside:
            found.inside.setdefault(k, found.inside[alias])  # X lies where its other name lies
    return found


def _names_alias(tokens: list[Token], span: Span, words: Words) -> bool:
    """The bracketed name is followed by ") district" (or another class word)."""
    after = span.last + 2
    return after < len(tokens) and tokens[span.last + 1].text == ")" and (
        tokens[after].text.lower() in words.class_words or tokens[after].text.lower()
        in words.plural_class_words)


def _list_before(tokens: list[Token], spans: list[Span], k: int,
                 list_links: tuple[list[str], ...]) -> list[int]:
    """The spans listed before span ``k`` ("A, B and C" for C), each skipping a bracketed
    alternative name; spans are in text order."""
    items, first = [], spans[k].first
    j = k - 1
    while j >= 0:
        if first >= 2 and tokens[first - 1].text == "(" and spans[j].last == first - 2:
            first = spans[j].first  # "B (C)": C is B's other name, B the item
            j -= 1
            continue
        gap = [t.text.lower() for t in tokens[spans[j].last + 1:first]]
        if gap == [")"] or gap[:1] == [")"]:
            gap = gap[1:]
        if spans[j].last + 1 > first or gap not in list_links:
            break
        items.append(j)
        first = spans[j].first
        j -= 1
    return items


def _add_sibling(found: Containment, tokens: list[Token], span: Span, k: int,
                 by_first: dict[int, int], list_links: tuple[list[str], ...]) -> None:
    m = span.last + 1
    for link in list_links:
        end = m + len(link)
        if end in by_first and [t.text.lower() for t in tokens[m:end]] == link:
            j = by_first[end]
            found.siblings.setdefault(k, []).append(j)
            found.siblings.setdefault(j, []).append(k)
            return


def _in_list(tokens: list[Token], span: Span, container: Span, by_last: set[int],
             conjunctions: frozenset[str]) -> bool:
    """"Hamilton, Madison, Montgomery or Warren": a place after a comma-separated place, or
    one whose "container" goes on with "and"/"or"/another comma, is an item of a list."""
    before = span.first - 2 >= 0 and tokens[span.first - 1].text == "," and \
        span.first - 2 in by_last
    after = tokens[container.last + 1].text.lower() if container.last + 1 < len(tokens) else ""
    then = tokens[container.last + 2].text.lower() if container.last + 2 < len(tokens) else ""
    # "Peru, Chile, and the United States": the list goes on after a serial comma
    return before or after in conjunctions or (after == "," and then in conjunctions)


def _past_asides(tokens: list[Token], m: int) -> int:
    """The token after any bracketed asides at ``m`` ("X (local spelling: Y) is a town")."""
    while m < len(tokens) and tokens[m].text == "(":
        close = next((k for k in range(m + 1, min(m + 30, len(tokens)))
                      if tokens[k].text == ")"), None)
        if close is None:
            break
        m = close + 1
    return m


def called_places(text: str, tokens: list[Token], spans: list[Span],
                  words: Words = ENGLISH_WORDS) -> set[str]:
    """Names the text calls places: "X is a small town ...", "X, a village in ...", "the town of
    X". Such a statement outweighs any guess that X is a person or a common word."""
    found: set[str] = set()
    class_words, offices = words.class_words, words.offices
    n = len(tokens)
    for span in spans:
        m = span.last + 1
        if m < n and tokens[m].text == "(":  # (most names are followed by no aside)
            m = _past_asides(tokens, m)
        # (the opener and article are checked before the words after them are lower-cased:
        # most names are followed by neither)
        if m + 2 < len(tokens) and tokens[m].text.lower() in words.called_openers and \
                tokens[m + 1].text.lower() in words.articles:
            following = [t.text.lower() for t in tokens[m:m + 8]]
            for position, word in enumerate(following[2:], start=3):
                if word in class_words:
                    if position < len(following) and (following[position] in offices or
                                                      following[position] in {"'s", "’s"}):
                        # "Omar, a village elder", "Omar, the city's planner": a person
                        # holding a local office
                        break
                    found.add(text[span.start:span.end])
                    break
                # ("a census-designated place", "a home rule-class city": a compound's parts
                # and hyphen describe the class word too; a number, "a 40-year-old", does not)
                if not (word.isalpha() or word == "-") or word in words.called_stops:
                    break
        if m + 1 < len(tokens) and tokens[m].text == "," and _is_region_word(
                tokens[m + 1:m + 3], words):
            # "Marion, Ohio", "Springfield, Ill.", "Camden, New Jersey"
            found.add(text[span.start:span.end])
        if span.first >= 2 and tokens[span.first - 1].text.lower() == "of" and \
                tokens[span.first - 2].text.lower() in words.place_class_words:
            found.add(text[span.start:span.end])
    return found


def _is_region_word(following: list[Token], words: Words) -> bool:
    """A US state's name or abbreviation after a comma: the name before it is a town."""
    word = following[0].text.rstrip(".").lower()
    two = " ".join(token.text.lower() for token in following[:2])
    return word in words.us_state_abbreviations or word in words.us_state_names or \
        two in words.us_state_names


def _described_as_inside(link: list[str], class_words: frozenset[str], words: Words) -> bool:
    """"X is a small town in rural Y", "X, a village of Y", "X is located in the north of Y":
    a class word (or "located") then "in"/"of"/"near", with only lower-case words around."""
    if not link or link[0] not in words.inside_openers:
        return False
    for position, word in enumerate(link):
        if word in words.inside_prepositions and position > 0 and (
                link[position - 1] in class_words
                or link[position - 1] in words.inside_participles):
            return all(not w[:1].isupper() or w.isupper() for w in link[1:])
    return False


def _us_state(tokens: list[Token], m: int, words: Words) -> str | None:
    if m >= len(tokens):
        return None
    word = tokens[m].text
    if len(word) == 2 and word.isupper() and word in words.us_state_codes:
        return word
    bare = word.rstrip(".").lower()
    if word.endswith(".") or (m + 1 < len(tokens) and tokens[m + 1].text == "."):
        return words.us_state_abbreviations.get(bare)
    return None


def sense_wanted(tokens: list[Token], span: Span, words: Words = ENGLISH_WORDS) -> str | None:
    """"admin" when the text calls the name a province ("Tartus governorate", "Helmand
    Province"), "town" when it calls it a settlement ("Gaza city", "the town of X"), else None:
    a city and the admin1 region named after it are then read as the city ("in Tartus"), as news
    means it far more often."""
    admin_words, town_words = words.admin_words, words.town_words
    if span.last > span.first and tokens[span.last].text.lower() in admin_words:
        return "admin"
    after = tokens[span.last + 1] if span.last + 1 < len(tokens) else None
    if after is not None and (after.text.lower() in admin_words or after.text == "state"):
        return "admin"  # "Washington state" (lower case: "Ohio State" is a university)
    if span.first >= 3 and tokens[span.first - 1].text.lower() == "of" and \
            tokens[span.first - 2].text.lower() == "state" and \
            tokens[span.first - 3].text.lower() == "the":
        return "admin"  # "the state of Washington"
    if span.first >= 2 and tokens[span.first - 1].text.lower() == "of" and \
            tokens[span.first - 2].text.lower() in admin_words:
        return "admin"  # "the province of Helmand", "the northern countryside of Aleppo"
    if after is not None and after.text.lower() in town_words:
        return "town"
    if after is not None and after.text in {"(", "—", "–", "-"} and all(
            tokens[k].all_caps for k in range(span.first, span.last + 1)) and (
            span.first == 0 or tokens[span.first].newline_before):
        return "dateline"  # "WASHINGTON (AP) -", "KABUL —"
    if span.first >= 3 and tokens[span.first - 1].text.lower() == "of" \
            and tokens[span.first - 2].text.lower() in town_words \
            and tokens[span.first - 3].text.lower() == "the":
        return "town"  # "the town of Hat", not "the largest city of Jamaica"
    return None
