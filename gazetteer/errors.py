"""Exceptions of the gazetteer package (usable without geomap).

"Not found" is not an exception: lookups return an empty list. Exceptions are for a gazetteer that
cannot be used, a bad input row, and a fallback service that is down -- which must never look like
"not found". They sit in geopy's hierarchy, so code written for geopy geocoders catches ours too.
"""

from geopy.exc import GeocoderRateLimited, GeocoderServiceError, GeopyError


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
