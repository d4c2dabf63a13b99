"""geomap: conflict news in, maps and GIS layers out.

    >>> import geomap
    >>> frame = geomap.extract("Gunmen shot two traders in Homs on 3 May 2021.")  # doctest: +SKIP
    >>> geomap.render_map(frame, "outputs/map.html", offline=True)                 # doctest: +SKIP
    >>> mentions = geomap.geoparse("Airstrikes hit Karam Houmid in Aleppo.")       # doctest: +SKIP

The public API is imported lazily so that `import geomap` is cheap in every worker process.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

from geomap.model import Article, Event, Mention, Place

__version__ = "0.1.0"

_LAZY = {
    "extract": "geomap.api",
    "events_from_frame": "geomap.api",
    "render_map": "geomap.api",
    "write_events": "geomap.api",
    "extract_events": "geomap.events",
    "events_frame": "geomap.events",
    "process_article": "geomap.pipeline",
    "run_pipeline": "geomap.pipeline",
    "Pipeline": "geomap.pipeline",
    "iter_articles": "geomap.ingest",
}


class _CallableGeoparse(types.ModuleType):
    """The subpackage geomap.geoparse, callable as its own ``geoparse`` function.

    Importing a subpackage sets the attribute of the same name on its parent, so the name
    ``geomap.geoparse`` is the module as soon as anything has imported it (the pipeline does).
    Making that module callable keeps both ``geomap.geoparse(text)`` and
    ``geomap.geoparse.Geoparser`` working whatever was imported first.
    """

    def __call__(self, text: str, **options: Any) -> list[Mention]:
        return self.geoparse(text, **options)


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name == "geoparse" and isinstance(value, types.ModuleType):
            value.__class__ = _CallableGeoparse
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name == "geoparse":  # first use: the import sets the (callable) module attribute
        return importlib.import_module("geomap.geoparse")
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")


__all__ = ["Article", "Event", "Mention", "Place", "__version__", "geoparse", *_LAZY]
