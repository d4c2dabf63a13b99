"""Ask again, deeper, for the senses of a name the text puts in a region.

The geoparser asks the gazetteer for a name's 25 likeliest senses, ranked by size. With the
villages of whole countries imported, a common village name has dozens of namesakes in one
country alone, and the one the text means ("X, Y province") may rank far below the cut. When
the name's short list was full and the text names the country or region it lies in, the senses
within that container are fetched again from the gazetteer's whole list, so the container can
choose among all of them.
"""

from __future__ import annotations

from geomap.geoparse.context import Containment
from geomap.geoparse.fit import fit, level, names_its_region
from geomap.geoparse.fronts import Front, front_km
from geomap.geoparse.weights import ANCHOR, DEEPEN, EVIDENCE


def region_container(group, containment: Containment, span_group: list[int],
                     groups: list):
    """The country or region the text puts the name's first mention in ("X, Y province",
    "X, Y" where Y is a city that names its province, or "X (Y, Z)" where Y is a town of
    region Z): the nearest region along its chain of containers; None when the chain holds
    none (a town's namesakes nearby are no more likely than elsewhere, and a misread town
    would pull the name abroad)."""
    k = group.spans[0]
    if k in containment.listed:
        return None
    seen = {k}
    while k in containment.inside and containment.inside[k] not in seen and len(seen) < 4:
        k = containment.inside[k]
        seen.add(k)
        container = groups[span_group[k]]
        if container is group or container.weak or container.chosen is None:
            continue
        sense = container.chosen
        if level(sense) >= 2 or names_its_region(sense):
            return sense
        # "X (Y, Z)": Y a town of Z; the chain goes on to the region
    return None


def deepen(group, gazetteer, containment: Containment, span_group: list[int],
           groups: list, fronts: tuple[Front, ...] = ()) -> bool:
    """Add to ``group.candidates`` the populated places of its name that lie in a container the
    text names (or, where it names none, near the front of a conflict it names), when the
    short list may have cut them off; True when it added any."""
    if len(group.candidates) < DEEPEN.short_list or group.settled or group.weak or \
            group.norm.endswith("#admin"):
        return False
    sense = region_container(group, containment, span_group, groups)
    if sense is not None and sense.country_code:
        if not fronts and any(_inside(c, sense) for c in group.candidates):
            # (a front report's village may be any of the province's namesakes: those near
            # the front must not be cut off for a bigger one far from it)
            return False
        country, wanted = sense.country_code, lambda c: _inside(c, sense)
    elif fronts and not any(k in containment.inside for k in group.spans):
        country = fronts[0].country
        wanted = lambda c: front_km(c, fronts) < ANCHOR.front_km  # noqa: E731
    else:
        return False
    known = {c.geonameid for c in group.candidates}
    try:
        found = gazetteer.candidates(group.norm, country=country, limit=DEEPEN.deep_list)
    except Exception:  # a failing lookup leaves the short list as it was
        return False
    added = [c for c in found if c.geonameid not in known and c.feature_class == "P"
             and level(c) == 1 and wanted(c)][:DEEPEN.added]
    if not added:
        return False
    group.candidates = list(group.candidates) + added
    group.priors = None
    group.own_named = None
    return True


def _inside(candidate, sense) -> bool:
    """In the container's country or region, or next to the city that names it (not merely
    within 200 km)."""
    return fit(candidate, sense) >= EVIDENCE.container_named_region


__all__ = ["deepen", "region_container"]
