"""The offline gazetteer: GeoNames-based place lookup that needs no server and no download.

>>> from gazetteer import Gazetteer
>>> Gazetteer.open().candidates("Aleppo")[0].country_code      # doctest: +SKIP
'SY'

Public API: Gazetteer, Candidate, normalize_name, OfflineGeocoder (a geopy Geocoder), and the
online Fallback chain in gazetteer.fallback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gazetteer.core import Gazetteer
from gazetteer.model import Candidate, Feature
from gazetteer.names import normalize_name

if TYPE_CHECKING:
    from gazetteer.geocoder import OfflineGeocoder

__all__ = ["Candidate", "Feature", "Gazetteer", "OfflineGeocoder", "normalize_name"]


def __getattr__(name: str):
    # geopy costs ~50 ms to import; only users of the geocoder pay it.
    if name == "OfflineGeocoder":
        from gazetteer.geocoder import OfflineGeocoder

        return OfflineGeocoder
    raise AttributeError(f"module 'gazetteer' has no attribute {name!r}")
