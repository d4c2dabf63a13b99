"""The geoparser's words (geoparse.toml) as one frozen record of the :class:`Lexicon`.

Lists are tuples and tables are tuples of pairs, so the record stays hashable and picklable;
the geoparser builds its sets and dicts from it once per lexicon (geomap/geoparse/words.py).
Month and day names and armed groups are not here: they are calendar.toml's and actors.toml's.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class GeoparseWords:
    """One field per key of geoparse.toml (see the comments there for what each list does)."""

    common_words: tuple[str, ...]
    person_followers: tuple[str, ...]
    not_places: tuple[str, ...]
    surnames: tuple[str, ...]
    not_place_phrases: tuple[str, ...]
    directions: tuple[str, ...]
    demonym_directions: tuple[str, ...]
    pathogens: tuple[str, ...]
    disease_words: tuple[str, ...]
    name_particles: tuple[str, ...]
    arabic_articles: tuple[str, ...]
    feature_words: tuple[str, ...]
    name_final_feature_words: tuple[str, ...]
    organisation_suffixes: tuple[str, ...]
    languages: tuple[str, ...]
    agencies: tuple[str, ...]
    titles: tuple[str, ...]
    offices: tuple[str, ...]
    given_names: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    adverbs_before_verb: tuple[str, ...]
    organisation_heads: tuple[str, ...]
    organisation_of: tuple[str, ...]
    institution_heads: tuple[str, ...]
    metonym_before: tuple[str, ...]
    metonym_possessed: tuple[str, ...]
    modified_nouns: tuple[str, ...]
    modifier_participles: tuple[str, ...]
    place_acronyms: tuple[str, ...]
    place_class_words: tuple[str, ...]
    containment_class_words: tuple[str, ...]
    plural_class_words: tuple[str, ...]
    district_words: tuple[str, ...]
    admin_words: tuple[str, ...]
    town_words: tuple[str, ...]
    us_style_suffixes: tuple[str, ...]
    faiths: tuple[str, ...]
    resident_nouns: tuple[str, ...]
    facility_heads: tuple[str, ...]
    locative_prepositions: tuple[str, ...]
    leading_function_words: tuple[str, ...]
    word_endings: tuple[str, ...]
    short_forms: tuple[str, ...]
    us_state_names: tuple[str, ...]
    us_state_codes: tuple[str, ...]
    region_demonyms: tuple[tuple[str, str], ...]
    country_unit_words: tuple[tuple[str, str], ...]
    us_state_abbreviations: tuple[tuple[str, str], ...]
    place_aliases: tuple[tuple[str, str], ...]
    language_prepositions: tuple[str, ...]
    articles: tuple[str, ...]
    containment_links: tuple[str, ...]
    list_conjunctions: tuple[str, ...]
    called_openers: tuple[str, ...]
    called_stops: tuple[str, ...]
    inside_openers: tuple[str, ...]
    inside_prepositions: tuple[str, ...]
    inside_participles: tuple[str, ...]
    saint_words: tuple[str, ...]
    party_letters: tuple[str, ...]
    motion_prepositions: tuple[str, ...]
    side_nouns: tuple[str, ...]
    side_verbs: tuple[str, ...]
    metonym_links: tuple[str, ...]
    pattern_of_class: tuple[str, ...]
    pattern_of_particles: tuple[str, ...]
    pattern_suffix_class: tuple[str, ...]
    pattern_suffix_abbreviations: tuple[str, ...]
    street_class_words: tuple[str, ...]
    compass_initials: tuple[str, ...]
    lowercase_class_words: tuple[str, ...]
    pattern_route_words: tuple[str, ...]
    pattern_facility_before: tuple[str, ...]
    pattern_facility_modifiers: tuple[str, ...]
    pattern_facility_words: tuple[str, ...]
    pattern_locative: tuple[str, ...]
    pattern_locative_articles: tuple[str, ...]
    pattern_locative_particles: tuple[str, ...]
    pattern_not_after_locative: tuple[str, ...]


def geoparse_words(table: dict) -> GeoparseWords:
    """The record for a parsed geoparse.toml; a missing key raises KeyError (named by the
    loader), a table where a list belongs TypeError."""
    values = {}
    for field in fields(GeoparseWords):
        value = table[field.name]
        if field.type.startswith("tuple[tuple"):
            if not isinstance(value, dict):
                raise TypeError(f"geoparse.toml: {field.name} must be a table")
            values[field.name] = tuple((str(k), str(v)) for k, v in value.items())
        else:
            if not isinstance(value, list):
                raise TypeError(f"geoparse.toml: {field.name} must be a list")
            values[field.name] = tuple(str(word) for word in value)
    return GeoparseWords(**values)
