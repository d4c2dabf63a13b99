"""Names known only as hamlets need the text's word that they are places.

A gazetteer with the villages of whole countries (GeoNames country dumps) knows a hamlet for
almost any capitalised word: a surname, an office ("Interior"), a common noun ("Photo" is the
other spelling of some village). Such a name is read as a place only when the text itself says
so: a locative before it ("in", "near" ...), a class word after it ("X village"), a container
("X, Helmand", "X (Y)", "X in Y"), a list of other places it belongs to, or a description ("X,
a village in ...").
"""

from __future__ import annotations

from collections.abc import Callable

from geomap.geoparse.context import Containment
from geomap.geoparse.kinds import locative_before
from geomap.geoparse.recognize import Span, Token
from geomap.geoparse.spans import CLASS_AFTER

#: Below this population a populated place without a seat's feature code is a hamlet.
HAMLET_POPULATION = 1000
#: Seats of government, capitals and PPLG included: never a hamlet, whatever their population.
SEATS = frozenset({"PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG"})
_BEFORE = frozenset({"of", "village", "town", "hamlet", "settlement", "locality",
                     # a verb that takes a place as its object ("shelled X", "captured X")
                     "attacked", "shelled", "bombed", "raided", "stormed", "captured", "seized",
                     "entered", "besieged", "liberated", "retook", "recaptured", "struck",
                     "overran", "targeted", "targeting", "reached", "evacuated"})
#: Class words of local units and front lines that the general lists lack.
_AFTER = frozenset({"lga", "lgas", "subdistrict", "sub-district", "nahiya", "commune", "tehsil",
                    "taluka", "front", "frontline", "axis", "checkpoint", "outpost",
                    "locality", "road", "highway", "roundabout", "bridge", "junction", "crossing",
                    # a site named after the place ("the X prison", "the X pumping station")
                    "prison", "airbase", "airport", "station", "base", "camp", "dam", "market",
                    "hospital", "mosque", "refinery", "barracks"})
_ASSAULTS = frozenset({"attack", "attacks", "assault", "offensive", "raid", "raids", "strike",
                       "strikes", "airstrikes", "advance", "push", "march"})
#: Kinds of mention whose hamlet-only names need a cue: plain places and names embedded in an
#: organisation's ("the X Ministry", "X Church"); a demonym or a metonym has its own evidence.
_CHECKED_KINDS = frozenset({"literal", "embedded"})
#: Lower-case articles of Arabic names ("in ech Choueifat" is "in" + the name).
_PARTICLES = frozenset({"al", "el", "ech", "ash", "as", "ad", "ar", "an", "az", "es", "et", "ez"})


def is_hamlet(candidate) -> bool:
    """A populated place too small to hold another or to be named without a cue."""
    return candidate.feature_class == "P" and (candidate.population or 0) < HAMLET_POPULATION \
        and candidate.feature_code not in SEATS


def hamlets_outside_named_provinces(groups: list, containment: Containment,
                                    span_group: list[int]) -> list:
    """The names the text puts nowhere that resolved to a hamlet outside every first-level region
    the text names ("X village, near Y (Z district, W province)", "X, in the W countryside"):
    with the villages of whole countries imported such a hamlet is a namesake of one the
    gazetteer lacks where the text is, and unresolved beats wrong (the resolver's hamlet abroad,
    one level down). A hamlet the text itself puts in a container ("X (Y)") is its own
    evidence."""
    provinces = {(group.chosen.country_code, group.chosen.admin1_code) for group in groups
                 if group.chosen is not None and group.chosen.feature_code == "ADM1"}
    if not provinces:
        return []
    placed = {span_group[k] for k in containment.inside}
    return [group for index, group in enumerate(groups)
            if index not in placed and group.chosen is not None and is_hamlet(group.chosen)
            and (group.chosen.country_code, group.chosen.admin1_code) not in provinces]


def without_bare_hamlets(spans: list[Span], text: str, tokens: list[Token],
                         candidates: Callable[[str], list], called: set[str]) -> list[Span]:
    """``spans`` less the gazetteer names whose every sense is a hamlet and which the text gives
    no sign of being a place."""
    starts = {span.first for span in spans}
    ends = {span.last for span in spans}
    # one sense per discourse: a cue at any mention of the name holds for all of them
    cued = set(called) | {text[span.start:span.end] for span in spans
                          if _cued(tokens, span, starts, ends)}
    kept = []
    for span in spans:
        name = text[span.start:span.end]
        # (a name inside an organisation's, "the X Ministry", needs the cue as much)
        if span.source != "gazetteer" or span.kind not in _CHECKED_KINDS or name in cued:
            kept.append(span)
            continue
        senses = candidates(name)
        if not senses or not all(is_hamlet(c) for c in senses):
            kept.append(span)
    return kept


def _cued(tokens: list[Token], span: Span, starts: set[int], ends: set[int]) -> bool:
    first = span.first
    if first > 0 and tokens[first - 1].text in _PARTICLES:
        first -= 1
    if locative_before(tokens, first):
        return True
    before = tokens[span.first - 1].text.lower() if span.first > 0 else ""
    after = tokens[span.last + 1].text.lower() if span.last + 1 < len(tokens) else ""
    if before in _BEFORE or after in CLASS_AFTER or after in _AFTER:
        return True
    # "an attack on X", "the X pumping station": one word further on either side
    if before == "on" and first > 1 and tokens[first - 2].text.lower() in _ASSAULTS:
        return True
    if span.last + 2 < len(tokens) and after.isalpha() and after.islower() and \
            tokens[span.last + 2].text.lower() in _AFTER:
        return True
    # "X (Y LGA, Z)", "(X, Z)": the bracketed place notes of conflict reports
    if after == "(" and span.last + 2 < len(tokens) and tokens[span.last + 2].text[:1].isupper():
        return True
    if before == "(" and span.last + 1 < len(tokens) and tokens[span.last + 1].text in {",", ")"}:
        return True
    # "X, Y" / "X (Y)" / "X in Y": a container follows; "Y, X" / "Y and X": an item of a list
    # of places
    if after in {",", "(", "in", "and", "or"} and span.last + 2 in starts:
        return True
    return before in {",", "(", "and", "or"} and span.first - 2 in ends
