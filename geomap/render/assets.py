"""Front-end assets (Leaflet and plugins) from the npm registry, pinned and verified, cached.

Each package is fetched once as its registry tarball, checked against the pinned Subresource
Integrity hash (the ``dist.integrity`` that ``npm view PKG@VERSION dist.integrity`` prints), and
unpacked into the user cache dir. Nothing is committed to the repository, and a tampered or
truncated download is refused rather than inlined into a map.

Prime the cache once (the only step that needs the network), e.g. before working offline::

    python -m geomap.render
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from geomap.atomic import atomic_write
from geomap.errors import GeomapError, ServiceUnavailable

REGISTRY = "https://registry.npmjs.org"


class AssetError(GeomapError):
    """A front-end asset is missing from the cache (offline) or failed verification."""

    exit_code = 6  # EXIT_SERVICE: the registry was needed and could not serve a valid package


@dataclass(frozen=True, slots=True)
class NpmPackage:
    """One pinned npm package: name, exact version and the registry's SRI integrity string."""

    name: str
    version: str
    integrity: str  # "sha512-<base64>", from `npm view NAME@VERSION dist.integrity`

    @property
    def tarball_url(self) -> str:
        return f"{REGISTRY}/{self.name}/-/{self.name.rsplit('/', 1)[-1]}-{self.version}.tgz"

    @property
    def key(self) -> str:
        return f"{self.name}@{self.version}"


PACKAGES: dict[str, NpmPackage] = {
    package.name: package
    for package in (
        NpmPackage("leaflet", "1.9.4",
                   "sha512-nxS1ynzJOmOlHp+iL3FyWqK89GtNL8U8rvlMOsQdTTssxZwCXh8N2NB3GDQOL+YR3XnW"
                   "yZAxwQixURb+FA74PA=="),
        # Clustering: Leaflet.markercluster needed 5.9 s to cluster 100k markers in headless
        # chromium on the 2-core build machine; supercluster (a k-d tree) needs ~1.5 s.
        NpmPackage("supercluster", "8.0.1",
                   "sha512-IiOea5kJ9iqzD2t7QJq/cREyLHTtSmUT6gQsweojg9WH2sYJqZK9SswTu6jrscO6D1G5"
                   "v5vYZ9ru/eq85lXeZQ=="),
        # Inflates the data of large maps (gzip + base64 in the page: ~3x smaller than JSON).
        NpmPackage("fflate", "0.8.2",
                   "sha512-cPJU47OaAoCbg0pBvzsgpTPhmhqI5eJjh/JIu8tPj5q+T7iLvW/JAYUqmE7KOB4R1ZyE"
                   "hzBaIQpQpardBF5z8A=="),
        NpmPackage("leaflet.heat", "0.2.0",
                   "sha512-Cd5PbAA/rX3X3XKxfDoUGi9qp78FyhWYurFg3nsfhntcM/MCNK08pRkf4iEenO1KNqwV"
                   "PKCmkyktjW3UD+h9bQ=="),
        # 3.x is the last release shipping a plain browser script (5.x is ES modules only);
        # folium's own Fullscreen plugin pins the 3.0 line too.
        NpmPackage("leaflet.fullscreen", "3.0.2",
                   "sha512-m27waFVmwdrLGXjZw2L8b7w/W28EY+u7IGzK2x8K99XaPuzKbjI+/H1j0OMawLcRPZyD"
                   "Rh+39XpyLsvDwHUEoA=="),
        # The offline background: Natural Earth 1:10m country outlines as TopoJSON (3.6 MB;
        # ~1.1 MB gzip+base64 in the page) and the 7 kB client that turns them into polygons.
        NpmPackage("world-atlas", "2.0.2",
                   "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoX"
                   "nyTU5lFHcYa5ChG0LQ=="),
        NpmPackage("topojson-client", "3.1.0",
                   "sha512-605uxS6bcYxGXw9qi62XyrV6Q3xwbndjachmNxu8HWTtVPxZfEJN9fd/SZS1Q54Sn2y0"
                   "TMyMxFj/cJINqGHrKw=="),
    )
}


def cache_dir() -> Path:
    """Where unpacked packages live: $GEOMAP_ASSET_CACHE, else <user cache>/geomap/assets."""
    override = os.environ.get("GEOMAP_ASSET_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("geomap")) / "assets"


def verify_integrity(data: bytes, integrity: str) -> None:
    """Raise AssetError unless ``data`` matches the SRI string (sha512/sha384/sha256)."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm not in {"sha512", "sha384", "sha256"}:
        raise AssetError(f"unsupported integrity algorithm {algorithm!r}")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")
    if actual != expected:
        raise AssetError(f"integrity mismatch: expected {integrity}, got {algorithm}-{actual}")


def package_dir(package: NpmPackage, *, offline: bool = False, timeout: float = 30.0) -> Path:
    """The unpacked ``package/`` directory of a pinned package, fetching it unless offline."""
    target = cache_dir() / package.key
    if (target / ".verified").is_file():
        return target
    if offline:
        raise AssetError(
            f"{package.key} is not in the asset cache ({cache_dir()}) and --offline forbids "
            "fetching it; run `python -m geomap.render` (or one map without --offline) "
            "once with network access")
    unpack(fetch_tarball(package, timeout=timeout), target)
    return target


def fetch_tarball(package: NpmPackage, *, timeout: float = 30.0) -> bytes:
    """Download the registry tarball and verify it against the pinned integrity."""
    request = urllib.request.Request(package.tarball_url, headers={"User-Agent": "geomap"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (https)
            data = response.read()
    except OSError as error:
        raise ServiceUnavailable(f"cannot fetch {package.tarball_url}: {error}") from error
    verify_integrity(data, package.integrity)
    return data


def unpack(tarball: bytes, target: Path) -> None:
    """Unpack a verified npm tarball (files under ``package/``) into ``target``."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in archive.getmembers():
            if not member.isfile():
                continue
            relative = PurePosixPath(member.name)
            parts = relative.parts[1:]  # drop the "package/" root npm always uses
            if not parts or ".." in parts or relative.is_absolute():
                continue  # never write outside the cache, whatever the archive says
            handle = archive.extractfile(member)
            if handle is None:
                continue
            with atomic_write(target.joinpath(*parts), "wb") as out:
                out.write(handle.read())
    with atomic_write(target / ".verified") as marker:
        marker.write("verified against the pinned integrity\n")


def read_asset(package_name: str, relative: str, *, offline: bool = False) -> bytes:
    """The bytes of one file of a pinned package: ``read_asset("leaflet", "dist/leaflet.js")``."""
    path = package_dir(PACKAGES[package_name], offline=offline) / relative
    try:
        return path.read_bytes()
    except FileNotFoundError as error:
        raise AssetError(f"{PACKAGES[package_name].key} has no file {relative}") from error


def ensure_all(*, offline: bool = False) -> list[Path]:
    """Make sure every pinned package is cached (the one step that needs the network)."""
    return [package_dir(package, offline=offline) for package in PACKAGES.values()]

