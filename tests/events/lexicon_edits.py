"""The English lexicon with one entry of a (name, value) table replaced: how the tests show
that a stage reads its phrases from the lexicon it is given."""

from dataclasses import replace

from geomap.lexicons import ENGLISH, Lexicon


def with_entry(table: str, name: str, value, lexicon: Lexicon = ENGLISH) -> Lexicon:
    """``lexicon`` with entry ``name`` of the pairs table ``table`` set to ``value``."""
    entries = dict(getattr(lexicon, table))
    entries[name] = value
    return replace(lexicon, **{table: tuple(entries.items())})


def without_entry(table: str, name: str, lexicon: Lexicon = ENGLISH) -> Lexicon:
    """``lexicon`` with entry ``name`` of the pairs table ``table`` left out."""
    return replace(lexicon, **{table: tuple(
        (key, value) for key, value in getattr(lexicon, table) if key != name)})
