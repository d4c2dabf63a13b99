"""One exception hierarchy for geomap, and the CLI exit code each maps to.

Exit codes (documented in README.md and `geomap --help`):

====  ==========================================================================
code  meaning
====  ==========================================================================
0     success
1     unexpected internal error (a bug: please report it)
2     usage error (bad option or argument)
3     partial success: some inputs, lines or names were skipped; outputs written
4     no usable input at all; nothing written
5     gazetteer unusable (missing, foreign or old schema) -- rebuild it
6     an online service was required and is unavailable
7     another scheduled run holds the lock; this run did nothing
8     configuration error (the message names the key)
9     event store unusable (unreadable, corrupt, read-only, foreign) -- nothing touched
====  ==========================================================================
"""

from __future__ import annotations

from gazetteer.errors import (  # re-exported: callers catch them through geomap too
    GazetteerError,
    GazetteerFileError,
    ImportInputError,
    RateLimited,
    ServiceUnavailable,
    located,
)

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_NO_INPUT = 4
EXIT_GAZETTEER = 5
EXIT_SERVICE = 6
EXIT_LOCKED = 7
EXIT_CONFIG = 8
EXIT_STORE = 9


class GeomapError(Exception):
    """Base class; ``exit_code`` is what the CLI exits with when this reaches it."""

    exit_code = EXIT_INTERNAL


class InputError(GeomapError):
    """An input file or record cannot be read; carries its path (and line, when known)."""

    exit_code = EXIT_NO_INPUT

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(located(message, path, line))
        self.path = path
        self.line = line


class NoUsableInput(InputError):
    """Every input was skipped."""


class ConfigError(GeomapError):
    """The run configuration is invalid; the message names the offending key."""

    exit_code = EXIT_CONFIG


class StoreUnusable(GeomapError):
    """The event store cannot be opened, read or written; the run stops before any article."""

    exit_code = EXIT_STORE


class GazetteerUnusable(GeomapError):
    """The gazetteer is missing, corrupt or unreadable: no article is processed against it.

    A GeomapError (message only) rather than GazetteerFileError so it pickles back intact from a
    pool or Dask worker, where a per-article catch would otherwise store it as the article's fault.
    """

    exit_code = EXIT_GAZETTEER


class FallbackUnavailable(GeomapError):
    """The online fallback is required (gazetteer.require_fallback) and does not answer."""

    exit_code = EXIT_SERVICE


class LockHeld(GeomapError):
    """Another run holds the lock."""

    exit_code = EXIT_LOCKED


def exit_code_for(error: BaseException) -> int:
    """The documented exit code for any exception that reaches the CLI."""
    if isinstance(error, GeomapError):
        return error.exit_code
    if isinstance(error, GazetteerFileError):
        return EXIT_GAZETTEER
    if isinstance(error, ServiceUnavailable):
        return EXIT_SERVICE
    if isinstance(error, (ImportInputError, GazetteerError)):
        return EXIT_NO_INPUT
    return EXIT_INTERNAL


__all__ = [
    "ConfigError", "FallbackUnavailable", "GazetteerError", "GazetteerFileError",
    "GazetteerUnusable", "GeomapError", "ImportInputError", "InputError", "LockHeld",
    "NoUsableInput", "RateLimited", "ServiceUnavailable", "StoreUnusable",
    "exit_code_for",
] + [name for name in dir() if name.startswith("EXIT_")]
