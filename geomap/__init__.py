"""geomap: conflict news in, maps and GIS layers out.

    >>> import geomap
    >>> mentions = geomap.geoparse("Airstrikes hit Karam Houmid in Aleppo.")   # doctest: +SKIP
    >>> events = geomap.extract_events(geomap.Article(id="a1", text="..."))    # doctest: +SKIP

The public API is imported lazily so that `import geomap` is cheap in every worker process.
"""

from __future__ import annotations

import importlib
from typing import Any

from geomap.model import Article, Event, Mention, Place

__version__ = "0.1.0"

_LAZY = {
    "geoparse": "geomap.geoparse",
    "extract_events": "geomap.events",
    "events_frame": "geomap.events",
    "process_article": "geomap.pipeline",
    "run_pipeline": "geomap.pipeline",
    "Pipeline": "geomap.pipeline",
    "iter_articles": "geomap.ingest",
    "render_map": "geomap.render",
    "write_events": "geomap.export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'geomap' has no attribute {name!r}")


__all__ = ["Article", "Event", "Mention", "Place", "__version__", *_LAZY]
