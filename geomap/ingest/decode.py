"""Bytes -> str for article files whose encoding nobody declared.

Order: a byte-order mark decides (UTF-8/16/32); then strict UTF-8 (most files today); then
charset-normalizer. On short Western-European text charset-normalizer cannot tell cp1252 from
cp1250, cp775 or mac_roman (they differ only in rare letters), and picks one of them: when its
guess is a Latin-script code page and cp1252 decodes the bytes strictly, cp1252 wins, because it is
what Windows news exports and most "latin-1" files really are. Non-Latin guesses (cp1251 Cyrillic,
cp1256 Arabic, ...) are trusted.
"""

from __future__ import annotations

import codecs

from geomap.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_LATIN_ALPHABETS = frozenset({
    "Basic Latin", "Latin-1 Supplement", "Latin Extended-A", "Latin Extended-B",
    "Latin Extended Additional", "General Punctuation", "Control character",
    "Currency Symbols", "Letterlike Symbols", "Spacing Modifier Letters",
})


def decode_bytes(data: bytes, path: str | None = None) -> str:
    """Decode an article file; raise InputError for binary data no text encoding explains."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"byte-order mark says {encoding} but {error}", path) from None
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM is rare in news exports; NUL bytes almost always mean binary.
        raise InputError("binary data (NUL bytes), not a text file", path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    import charset_normalizer  # imported late: only legacy-encoded files pay for it

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("cannot detect the text encoding (binary or corrupted file)", path)
    if set(best.alphabets) <= _LATIN_ALPHABETS:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)
