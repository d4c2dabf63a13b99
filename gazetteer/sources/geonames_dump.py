"""Streaming readers of the GeoNames dump files (https://download.geonames.org/export/dump/).

Every reader yields one parsed record at a time, with its line number, straight from the (possibly
zipped) file: a 13M-row allCountries never sits in memory. A bad line becomes an
ImportInputError carrying file and line, yielded in place of the record so the caller reports it
and goes on; a truncated zip ends the stream with one such error.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from gazetteer.errors import ImportInputError
from gazetteer.model import Feature

#: Column counts of the GeoNames files.
GEONAME_COLUMNS = 19
ALTERNATE_NAME_COLUMNS = 10  # alternateNamesV2; the older alternateNames.txt has 8
ADMIN_CODE_COLUMNS = 4
COUNTRY_INFO_COLUMNS = 19

#: alternateNames "languages" that are not names: links, postcodes, airport and other codes.
NON_NAME_LANGUAGES = {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "tcid",
                      "abbr"}

_LATIN1_HINT = "not valid UTF-8"


@dataclass(frozen=True, slots=True)
class AlternateName:
    geonameid: int
    name: str
    language: str
    historic: bool


@dataclass(frozen=True, slots=True)
class Admin1Code:
    country_code: str
    admin1_code: str
    name: str
    asciiname: str
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class Admin2Code:
    country_code: str
    admin1_code: str
    admin2_code: str
    name: str
    asciiname: str
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso2: str
    iso3: str
    isonumeric: int | None
    name: str
    capital: str
    population: int
    continent: str
    geonameid: int | None


def iter_lines(path: str | Path) -> Iterator[tuple[int, str] | ImportInputError]:
    """(line number, text) of a .txt file or of the one .txt member of a .zip.

    Undecodable lines and a truncated archive come back as ImportInputError items.
    """
    path = Path(path)
    line_number = 0
    try:
        with _open_binary(path) as handle:
            for line_number, raw in enumerate(handle, start=1):
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as error:
                    yield ImportInputError(f"{_LATIN1_HINT} ({error.reason} at byte "
                                           f"{error.start})", str(path), line_number)
                    continue
                yield line_number, text.rstrip("\r\n")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        where = f" after line {line_number}" if line_number else ""
        yield ImportInputError(f"unreadable or truncated archive{where}: {error}", str(path))


@contextlib.contextmanager
def _open_binary(path: Path) -> Iterator[IO[bytes]]:
    if path.suffix.lower() != ".zip":
        with open(path, "rb", buffering=1 << 20) as handle:
            yield handle
        return
    with zipfile.ZipFile(path) as archive:
        members = [name for name in archive.namelist()
                   if name.endswith(".txt") and not name.lower().startswith("readme")]
        if not members:
            raise zipfile.BadZipFile("no .txt member in the archive")
        with archive.open(members[0]) as member:
            # ZipExtFile.readline is pure Python; a C buffer over it is several times faster.
            yield io.BufferedReader(member, buffer_size=1 << 20)  # type: ignore[arg-type]


def _rows(path: Path, expected: int, *, also: int | None = None,
          allow_comments: bool = False) -> Iterator[tuple[int, list[str]] | ImportInputError]:
    """(line number, tab-separated fields) of each data line; a line with a column count other
    than ``expected`` (or ``also``) is an ImportInputError, and the reading goes on."""
    for item in iter_lines(path):
        if isinstance(item, ImportInputError):
            yield item
            continue
        line_number, text = item
        if not text or (allow_comments and text.startswith("#")):
            continue
        fields = text.split("\t")
        if len(fields) not in (expected, also):
            yield ImportInputError(f"{len(fields)} columns, expected {expected}", str(path),
                                   line_number)
            continue
        yield line_number, fields


def read_geonames(path: str | Path, known_countries: set[str]
                  ) -> Iterator[Feature | ImportInputError]:
    """Features of allCountries.zip/.txt, a per-country XX.zip or cities*.zip (19 columns)."""
    path = Path(path)
    for row in _rows(path, GEONAME_COLUMNS):
        if isinstance(row, ImportInputError):
            yield row
            continue
        line_number, f = row
        try:
            yield _geoname_feature(f, known_countries)
        except ValueError as error:
            yield ImportInputError(str(error), str(path), line_number)


def _geoname_feature(f: list[str], known_countries: set[str]) -> Feature:
    geonameid = int(f[0])
    name = f[1].strip()
    if not name:
        raise ValueError(f"geonameid {geonameid}: empty name")
    lat, lon = float(f[4]), float(f[5])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"geonameid {geonameid}: coordinates out of range ({lat}, {lon})")
    country = f[8].strip().upper() or None
    if country is not None and country not in known_countries:
        raise ValueError(f"geonameid {geonameid}: unknown country code {country!r}")
    if not f[6]:
        raise ValueError(f"geonameid {geonameid}: no feature class")
    alternates = [alt for alt in f[3].split(",") if alt] if f[3] else []
    return Feature(
        geonameid=geonameid, name=name, asciiname=f[2] or None, lat=lat, lon=lon,
        feature_class=f[6], feature_code=f[7] or f[6], country_code=country,
        admin1_code=f[10] or None, population=int(f[14] or 0), source="geonames",
        names=alternates, admin2_code=f[11].strip() or None)


def read_alternate_names(path: str | Path) -> Iterator[AlternateName | ImportInputError]:
    """alternateNamesV2.txt rows that are names (links, postcodes and codes are skipped)."""
    path = Path(path)
    # Older dumps (alternateNames.txt) lack the from/to columns: 8 instead of 10.
    for row in _rows(path, ALTERNATE_NAME_COLUMNS, also=8):
        if isinstance(row, ImportInputError):
            yield row
            continue
        line_number, fields = row
        if fields[2] in NON_NAME_LANGUAGES:
            continue
        if not fields[3].strip():
            yield ImportInputError("empty name", str(path), line_number)
            continue
        try:
            geonameid = int(fields[1])
        except ValueError:
            yield ImportInputError(f"bad geonameid {fields[1]!r}", str(path), line_number)
            continue
        yield AlternateName(geonameid, fields[3].strip(), fields[2], fields[7] == "1")


def read_admin1_codes(path: str | Path) -> Iterator[Admin1Code | ImportInputError]:
    """admin1CodesASCII.txt: "SY.09<TAB>Aleppo<TAB>Aleppo<TAB>170062"."""
    path = Path(path)
    for row in _rows(path, ADMIN_CODE_COLUMNS):
        if isinstance(row, ImportInputError):
            yield row
            continue
        line_number, f = row
        country, _, code = f[0].partition(".")
        if not code or not f[1].strip():
            yield ImportInputError(f"bad admin1 row {f[0]!r}", str(path), line_number)
            continue
        yield Admin1Code(country.upper(), code, f[1].strip(), f[2].strip(),
                         int(f[3]) if f[3].strip().isdigit() else None)


def read_admin2_codes(path: str | Path) -> Iterator[Admin2Code | ImportInputError]:
    """admin2Codes.txt: "CC.ADM1.ADM2<TAB>name<TAB>asciiname<TAB>geonameid"."""
    path = Path(path)
    for row in _rows(path, ADMIN_CODE_COLUMNS):
        if isinstance(row, ImportInputError):
            yield row
            continue
        line_number, f = row
        parts = f[0].split(".", 2)
        if len(parts) != 3 or not all(parts) or not f[1].strip():
            yield ImportInputError(f"bad admin2 row {f[0]!r}", str(path), line_number)
            continue
        yield Admin2Code(parts[0].upper(), parts[1], parts[2], f[1].strip(), f[2].strip(),
                         int(f[3]) if f[3].strip().isdigit() else None)


def read_country_info(path: str | Path) -> Iterator[CountryInfo | ImportInputError]:
    """countryInfo.txt (comment lines start with #)."""
    path = Path(path)
    for row in _rows(path, COUNTRY_INFO_COLUMNS, allow_comments=True):
        if isinstance(row, ImportInputError):
            yield row
            continue
        line_number, f = row
        if len(f[0]) != 2 or not f[4].strip():
            yield ImportInputError(f"bad country row {f[0]!r}", str(path), line_number)
            continue
        yield CountryInfo(
            iso2=f[0].upper(), iso3=f[1], isonumeric=int(f[2]) if f[2].isdigit() else None,
            name=f[4].strip(), capital=f[5], population=int(f[7] or 0), continent=f[8],
            geonameid=int(f[16]) if f[16].isdigit() else None)
