"""How events look: one fixed colour per ACLED event type, and symbol size from fatalities."""

from __future__ import annotations

import math

#: ACLED event types (DESIGN.md §4) -> Okabe–Ito colours, which stay distinguishable under the
#: common colour-vision deficiencies. Fixed, so a type has the same colour on every map.
TYPE_COLOURS: dict[str, str] = {
    "Battles": "#D55E00",                     # vermillion
    "Explosions/Remote violence": "#E69F00",  # orange
    "Violence against civilians": "#CC79A7",  # reddish purple
    "Protests": "#0072B2",                    # blue
    "Riots": "#F0E442",                       # yellow
    "Strategic developments": "#009E73",      # bluish green
}
#: Anything outside the taxonomy (should not happen; shown rather than dropped).
OTHER_COLOUR = "#999999"

#: Symbol radius in pixels: area proportional to fatalities (radius = SCALE * sqrt(fatalities)),
#: never below MIN_RADIUS (0 or unknown fatalities stay visible and clickable), capped at
#: MAX_RADIUS so one mass-casualty event cannot cover a whole city.
MIN_RADIUS = 4.0
RADIUS_SCALE = 2.0
MAX_RADIUS = 36.0


def colour_for(event_type: str | None) -> str:
    return TYPE_COLOURS.get(event_type or "", OTHER_COLOUR)


def type_order(event_types: set[str]) -> list[str]:
    """The taxonomy's order first, then any unexpected type alphabetically."""
    known = [name for name in TYPE_COLOURS if name in event_types]
    return known + sorted(event_types - set(TYPE_COLOURS))


def radius_for(fatalities: int | None) -> float:
    """The same rule the page applies (kept here for the legend and for tests)."""
    if not fatalities or fatalities < 0:
        return MIN_RADIUS
    return min(MAX_RADIUS, max(MIN_RADIUS, RADIUS_SCALE * math.sqrt(fatalities)))


def radius_options() -> dict[str, float]:
    return {"minRadius": MIN_RADIUS, "radiusScale": RADIUS_SCALE, "maxRadius": MAX_RADIUS}
