"""Exceptions of the gazetteer package (usable without geomap).

"Not found" is not an exception: lookups return an empty list. Exceptions are for a gazetteer that
cannot be used, a bad input row, and a fallback service that is down -- which must never look like
"not found". They sit in geopy's hierarchy, so code written for geopy geocoders catches ours too.
"""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _geopy_exceptions() -> ModuleType:
    """geopy.exc, loaded without running geopy's package ``__init__``.

    ``import geopy.exc`` first imports every geopy geocoder, and with them requests, urllib3 and
    asyncio: ~100 ms, half of a geoparsing process's start-up, though exc.py itself imports
    nothing. The module is registered under its own name, so a later ``import geopy`` (the
    online fallback, the geopy geocoder) reuses it: there is one set of exception classes.
    """
    module = sys.modules.get("geopy.exc")
    if module is not None:
        return module
    package = importlib.util.find_spec("geopy")  # a top-level spec: found, not imported
    if package is None or not package.submodule_search_locations:
        import geopy.exc  # not a plain package on disk: let the import system find it

        return geopy.exc
    where = Path(next(iter(package.submodule_search_locations))) / "exc.py"
    spec = importlib.util.spec_from_file_location("geopy.exc", where)
    module = importlib.util.module_from_spec(spec)
    sys.modules["geopy.exc"] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules["geopy.exc"]
        raise
    sys.meta_path.insert(0, _BindExcOnImport())
    return module


class _BindExcOnImport:
    """Sets ``geopy.exc`` on the geopy package when something imports it later: the import
    system binds a submodule to its package only when it loads the submodule itself, and
    ``import geopy.exc; geopy.exc.GeocoderTimedOut`` must keep working."""

    def find_spec(self, name, path=None, target=None):  # noqa: ARG002 -- the finder protocol
        if name != "geopy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        loader = getattr(spec, "loader", None)
        if loader is not None and hasattr(loader, "exec_module"):
            run = loader.exec_module

            def exec_module(module: ModuleType) -> None:
                module.exc = sys.modules["geopy.exc"]
                run(module)

            loader.exec_module = exec_module
        return spec


_geopy = _geopy_exceptions()
GeopyError = _geopy.GeopyError
GeocoderServiceError = _geopy.GeocoderServiceError
GeocoderRateLimited = _geopy.GeocoderRateLimited


class GazetteerError(GeopyError):
    """Base class of every gazetteer failure."""


class GazetteerFileError(GazetteerError):
    """The gazetteer file is missing, unreadable, of another schema version, or not ours."""


def located(message: str, path: str | None, line: int | None) -> str:
    """The message prefixed with "path:line: ", the form editors and grep understand."""
    where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
    return where + message


class ImportInputError(GazetteerError):
    """A source file (or one line of it) could not be imported; carries where."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(located(message, path, line))
        self.path = path
        self.line = line


class ServiceUnavailable(GazetteerError, GeocoderServiceError):
    """An online geocoder could not answer: network down, 5xx, timeout, rate limit, open circuit."""


class RateLimited(ServiceUnavailable, GeocoderRateLimited):
    """The service said 429; ``retry_after`` seconds if it told us."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after
