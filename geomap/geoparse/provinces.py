"""Provinces the text puts a name in through a city that names them ("X, Herat", "X area of Y
district (Herat)"), and whether a sense lies in them.

With the villages of whole countries imported, most names have namesakes in several provinces;
where the text names the province by its chief city, a sense elsewhere is another place of the
name (often one the gazetteer lacks where the text is), and unresolved beats wrong.
"""

from __future__ import annotations

from geomap.geoparse.context import Containment
from geomap.geoparse.fit import in_province, level, names_its_region
from geomap.geoparse.hamlets import is_hamlet

#: Seats of a country or a first-level region: each lies in a province of its own.
_REGION_SEATS = frozenset({"PPLC", "PPLA", "PPLG"})
#: A place at least this big is named in news far more often than its namesake villages.
_CITY = 50_000


def provinces_above(group, containment: Containment, span_group: list[int],
                    groups: list, *, regions: bool = False) -> list:
    """The containers up the first mention's chain resolved to a city that names its province
    (and, with ``regions``, to a country or first-level region); none through a list ("A, B, C
    and D", where B would seem to hold A)."""
    found = []
    k = group.spans[0]
    seen = {k}
    # (a name the gazetteer lacks has no senses to tell a list of places from its containers)
    while k in containment.inside and (regions or k not in containment.listed) and \
            len(seen) < 4:
        k = containment.inside[k]
        if k in seen:
            break
        seen.add(k)
        above = containment.inside.get(k)
        if any(j != above for j in containment.siblings.get(k, ()) if j not in seen):
            break
        container = groups[span_group[k]]
        sense = container.chosen
        if regions and sense is not None and not container.weak and level(sense) >= 2:
            found.append(container)
            continue
        if container is group or sense is None or container.weak or \
                sense.feature_class != "P" or is_hamlet(sense) or not names_its_region(sense):
            continue
        if above is not None and groups[span_group[above]].chosen is not None and \
                groups[span_group[above]].chosen.feature_class == "P":
            break  # a town in a town: "A, B, C" is a list of towns
        found.append(container)
    return found


def places_above(group, containment: Containment, span_group: list[int], groups: list) -> list:
    """The towns and districts up the first mention's chain, resolved and no hamlets ("X area,
    Y town, Z district, W province": Y and Z); none through a list."""
    found = []
    k = group.spans[0]
    seen = {k}
    while k in containment.inside and k not in containment.listed and len(seen) < 4:
        k = containment.inside[k]
        if k in seen:
            break
        seen.add(k)
        container = groups[span_group[k]]
        sense = container.chosen
        if container is group or sense is None or container.weak or level(sense) > 1 or \
                is_hamlet(sense) or getattr(sense, "source", None) == "fuzzy":
            continue
        found.append(container)
    return found


def in_provinces_above(candidate, provinces: list) -> bool:
    """False for a sense outside a province the text puts it in. A seat of a country or a
    first-level region, or a city, is never ruled out so: "Kabul, Herat" is a list, and a
    city is named in news far more often than its namesake villages are."""
    if not provinces or level(candidate) > 1 or not candidate.country_code or \
            candidate.feature_code in _REGION_SEATS or \
            (candidate.population or 0) >= _CITY:
        return True
    return all(in_province(candidate, province) for province in provinces)


__all__ = ["in_provinces_above", "places_above", "provinces_above"]
