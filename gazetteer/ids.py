"""Stable identifiers for features that have no GeoNames id (derived admin1, supplement rows).

They are negative, so they can never collide with a real geonameid, and derived from a stable
key, so rebuilding or re-importing gives the same id (imports stay idempotent).
"""

from __future__ import annotations

import hashlib


def synthetic_id(namespace: str, key: str) -> int:
    digest = hashlib.blake2b(f"{namespace}:{key}".encode(), digest_size=6).digest()
    return -int.from_bytes(digest, "big") - 1
