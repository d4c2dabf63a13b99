"""The event locator's patterns, built once per lexicon from its ``locate.toml`` word lists.

The words are data (geomap/lexicons/<lang>/locate.toml, day and month names from calendar.toml);
this module only arranges them into the regular expressions the scoring reads: which
preposition governs a name, what lies between a verb and its object, where a name ends, and
which class words make a name a district, an alias, a street or an actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.lexicons import ENGLISH, Lexicon, built_from


@dataclass(frozen=True, slots=True)
class LocateCues:
    """One lexicon's compiled patterns and word sets for locating events."""

    strong: frozenset[str]  # strong prepositions and governing verbs
    prepositions: frozenset[str]  # every locative preposition, no verb
    toll_participles: frozenset[str]  # "..., killing five": the same event's toll
    circumstance: frozenset[str]  # "..., during clashes in X": the same event's circumstances
    near: frozenset[str]
    directional: frozenset[str]
    origin: frozenset[str]  # "from": where a movement set out (events' coordinates: not its place)
    weak_before_verb: frozenset[str]
    naming_of: re.Pattern[str]  # "the town of" right before a name: the name is the place's
    not_happenings: frozenset[str]
    complement: re.Pattern[str]  # a clause opening right after the verb ("showed that")
    prize_object: re.Pattern[str]  # "captured the gold": a figurative taking
    person_verb: re.Pattern[str]  # a verb whose passive subject is a person ("was shot")
    taking_verb: re.Pattern[str]  # a verb of taking ("captured"): "from" after it names a loser
    protest_verb: re.Pattern[str]  # a verb of protest ("protested"), whose grievance may follow
    grievance: re.Pattern[str]  # a word opening a protest's grievance ("against")
    # a happening the grievance names, then the preposition that places it
    grievance_happening: re.Pattern[str]
    aftermath: re.Pattern[str]  # "and later died": a clause of what befell the victim after
    subordinator: re.Pattern[str]  # "after", "which": a subordinate or relative clause opens
    role_noun: re.Pattern[str]  # "commander", "reporter": a person's role in an appositive
    article_just_before: re.Pattern[str]  # "a ", "the " right before a name
    attributed: re.Pattern[str]  # " patrol" right after a name: it qualifies an actor or a thing
    home_base: re.Pattern[str]  # "based in" right before a name: an actor's base
    event_noun: re.Pattern[str]  # "war" right after a name: the name qualifies a happening
    preposition: re.Pattern[str]  # a governing word right before the name
    loose_preposition: re.Pattern[str]  # ... or up to four words before it
    # The two above for a lower-cased ASCII text, case-sensitive: the regex engine skips the
    # alternatives that open on another letter, which IGNORECASE stops it from doing (~3x
    # faster, the same matches). None when the lexicon's words are not all lower-case ASCII.
    preposition_ascii: re.Pattern[str] | None
    loose_preposition_ascii: re.Pattern[str] | None
    object_gap: re.Pattern[str]
    object_apposition: re.Pattern[str]  # "the country's capital, " between verb and name
    apposition: re.Pattern[str]
    described_in: re.Pattern[str]
    truncated: re.Pattern[str]
    reference_point: re.Pattern[str]
    neighbour: re.Pattern[str]  # "the border with" right before a name: the neighbour across it
    qualifier: re.Pattern[str]  # "-based" right after a name: it qualifies an actor or a thing
    names_a_route: re.Pattern[str]
    names_a_street: re.Pattern[str]  # ... capitalised only: "a X street" is a street in X
    route_name: re.Pattern[str]
    actor_noun: re.Pattern[str]
    district: re.Pattern[str]
    alias_after: re.Pattern[str]
    coordination_gap: re.Pattern[str]
    chain_gap: re.Pattern[str]
    feature_words: re.Pattern[str]
    settlement_after: re.Pattern[str]
    settlement_before: re.Pattern[str]
    heads_next: re.Pattern[str]  # "X suburb of" / "X's old quarter of": X holds the next name
    part_head: re.Pattern[str]  # a class word of heads_next that names a part ("district")
    site_in: re.Pattern[str]  # "X <site word> in": X names a site that lies in the next name
    site_after: re.Pattern[str]  # "X cemetery", "the X bridge": X names a site
    urban_part: re.Pattern[str]  # a class word after a name that makes it a part of a town
    article_before: re.Pattern[str]  # "the" (and adjectives) before a name used attributively
    saying: re.Pattern[str]  # a word of saying
    time_opener: re.Pattern[str]  # "since": a phrase of time begins
    unmarked_place: re.Pattern[str]  # a capitalised name a place word governs
    unmarked_site: re.Pattern[str]  # a capitalised name ending in a site's class word
    class_word_alone: re.Pattern[str]  # a site's class word with no name ("the Hospital grounds")
    unmarked_governed: re.Pattern[str]  # a capitalised name right after a locative preposition
    unmarked_classed: re.Pattern[str]  # "near the X crossing": a name a class word follows
    unmarked_feature: re.Pattern[str]  # "Jabal X", "Mount Y": a feature named by its class word
    trailing_calendar: re.Pattern[str]  # a day or month read as the end of a name
    name_goes_on: re.Pattern[str]  # one more word of the name after a mention
    of_name: re.Pattern[str]  # "Gulf" + " of X": the name goes on over "of" and another name
    leading_particle: re.Pattern[str]  # "al-" right before a mention: part of its name
    community_name: re.Pattern[str]  # "Kurdish", "Serbs": who, not where (fullmatch)
    belonging: re.Pattern[str]  # "'s car" right after a name: the name is a person's


def _any(words: tuple[str, ...]) -> str:
    return "|".join(words)


def _build(lexicon: Lexicon) -> LocateCues:
    w = dict(lexicon.locate)
    # full day and month names end a name ("seen in Homs on Friday") and stop a preposition
    calendar = "(?i:" + _any(lexicon.weekdays + tuple(forms[0] for forms in lexicon.months)) + ")"
    governing = _any(w["strong"] + w["governing_verbs"] + w["near"] + w["directional"])
    locative = (r"(?:\b(?P<prep>" + governing + r")(?:\s+(?:" + _any(w["between"]) + r"))*"
                r"{extra}\s+)$")
    loose_words = r"(?:\s+(?!" + calendar + r"\b)(?:[a-z][\w'’-]*|[{upper}][\w'’-]*['’]s?)){0,4}?"
    lower_ascii = all(word == word.lower() and word.isascii() for word in (
        w["strong"] + w["governing_verbs"] + w["near"] + w["directional"] + w["between"]))
    units = _any(w["distance_units"])
    # a name may open on a lower-case particle joined by a hyphen ("al-X", "ad-Y"),
    # ... or on an ayn written as a quote mark ("‘X")
    opening = r"(?:(?:" + _any(w["name_particles"]) + r")-)?['‘’]?"
    return LocateCues(
        strong=frozenset(w["strong"] + w["governing_verbs"]), near=frozenset(w["near"]),
        prepositions=frozenset(w["strong"] + w["near"] + w["directional"]),
        toll_participles=frozenset(w["toll_participles"]),
        circumstance=frozenset(w["circumstance_words"]),
        directional=frozenset(w["directional"]),
        origin=frozenset(w["origin"]),
        weak_before_verb=frozenset(w["weak_before_verb"]),
        naming_of=re.compile(r"\b(?:" + _any(w["naming_classes"]) + r")s?\s+of\s+$",
                             re.IGNORECASE),
        not_happenings=frozenset(w["not_happenings"]),
        person_verb=re.compile(r"(?:" + _any(w["person_verbs"]) + r")$", re.IGNORECASE),
        taking_verb=re.compile(r"(?:" + _any(w["taking_verbs"]) + r")$", re.IGNORECASE),
        protest_verb=re.compile(r"(?:" + _any(w["protest_verbs"]) + r")$", re.IGNORECASE),
        # (up to three words between: "and eventually transferred", "and is being held")
        aftermath=re.compile(r"\b(?:" + _any(w["aftermath_openers"]) + r")\s+(?:[a-z]+\s+){0,3}?"
                             r"(?:" + _any(w["aftermath_verbs"]) + r")\b"),
        article_just_before=re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE),
        attributed=re.compile(r"\s+(?-i:(?:[a-z][\w-]*\s+){0,2})(?:"
                              + _any(w["actor_nouns"] + w["attributed_nouns"]) + r")\b",
                              re.IGNORECASE),
        role_noun=re.compile(r"\b(?:" + _any(w["role_nouns"]) + r")\b", re.IGNORECASE),
        subordinator=re.compile(r"\b(?:" + _any(w["subordinators"]) + r")\b", re.IGNORECASE),
        grievance=re.compile(r"\b(?:" + _any(w["grievance_words"]) + r")\b", re.IGNORECASE),
        # (up to six words between, none a day, a month or another locative: "against the war
        # on Y at a park in X" places the protest in X)
        grievance_happening=re.compile(
            r"\b(?:" + _any(w["grievance_happenings"]) + r")(?:\s+(?!(?:" + calendar + "|"
            + _any(w["unmarked_prepositions"]) + r"|on)\b)[\w'’-]+){0,6}?\s+(?:in|at|over)\s+"
            r"(?:the\s+)?$", re.IGNORECASE),
        home_base=re.compile(r"\b(?:" + _any(w["home_base"]) + r")\s+(?:in|at|near|outside)\s+"
                             r"(?:the\s+)?$", re.IGNORECASE),
        # ("X's long civil war" too: the owner of a happening)
        event_noun=re.compile(r"(?:(?:['’]|\s{2,})s\s+(?:[a-z][\w-]*\s+){0,3}?|\s+)(?i:"
                              + _any(w["event_nouns"]) + r")\b"),
        # (the object, not a phrase a preposition opens: "stabbed in the heart", "killed in the
        # heart of X" take no prize)
        prize_object=re.compile(
            r"\s+(?!(?:" + _any(w["strong"] + w["near"] + w["directional"]) + r")\s)"
            r"(?:(?:the|a|an|his|her|their|its|[\w-]+['’]s)\s+)?(?:[\w.-]+\s+){0,4}?(?:"
            + _any(w["prize_objects"]) + r")\b", re.IGNORECASE),
        complement=re.compile(r"\s+(?:" + _any(w["complementisers"]) + r")\b", re.IGNORECASE),
        preposition=re.compile(locative.replace("{extra}", ""), re.IGNORECASE),
        # up to four more words when nothing closer is found ("in the restive market town of
        # X", "in the Kenyan capital X"), never across a day or month ("rallied on Friday to
        # ask that X" ties nothing to X)
        loose_preposition=re.compile(
            locative.replace("{extra}", loose_words.replace("{upper}", "A-Z")), re.IGNORECASE),
        preposition_ascii=re.compile(locative.replace("{extra}", "")) if lower_ascii else None,
        loose_preposition_ascii=re.compile(locative.replace(
            "{extra}", loose_words.replace("{upper}", "a-z"))) if lower_ascii else None,
        object_gap=re.compile(r"\s+(?:(?:" + _any(w["object_gap"]) + r")\s+){0,3}$",
                              re.IGNORECASE),
        object_apposition=re.compile(
            r"^\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?(?:" + _any(w["apposition"])
            + r")\s*,\s*$", re.IGNORECASE),
        apposition=re.compile(r"\b(?P<prep>in|at|near|into|outside)\s+(?:the\s+|its\s+|their\s+)?"
                              r"(?:[a-z][\w-]*\s+){0,3}(?:" + _any(w["apposition"]) + r")\s*,\s*$",
                              re.IGNORECASE),
        described_in=re.compile(
            r"\s*,\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:" + _any(w["described"]) + r")\s+"
            r"(?:(?:just\s+)?(?:north|south|east|west)(?:-?(?:east|west))?\s+)?"
            r"(?:of|in|near|outside)\s+(?:the\s+)?$", re.IGNORECASE),
        # the name goes on after the mention: a numbered part ("Zone III"), a hyphenated
        # particle or a capitalised word -- but a day, a month or a class word ends it
        truncated=re.compile(
            r"(?:\s(?:I{1,3}|IV|VI{0,3}|IX|X{1,2})\b(?![.'’])|"
            r"-(?:[a-z]{1,3}-)?[A-Za-z]|\s(?:(?:al|el|e|i|de|da|du|ad|as|ar|an|ash|ez|es|y)\s)?"
            r"(?!(?:" + calendar + "|" + _any(w["name_ends"]) + r")\b)[A-Z][a-z])"),
        reference_point=re.compile(
            r"\d[\d,.]*\s*(?:" + units + r")\b[^.;]{0,25}?\b(?:from|of)\s+"
            r"(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE),
        neighbour=re.compile(r"\b(?:" + _any(w["border_words"]) + r")\s+with\s+(?:the\s+)?$",
                             re.IGNORECASE),
        qualifier=re.compile(r"-(?:" + _any(w["qualifying_participles"]) + r")\b"),
        names_a_route=re.compile(r"(?:-[A-Z][\w'’-]*)?\s+(?:" + _any(tuple(
            f"[{word[0]}{word[0].lower()}]{word[1:]}" for word in w["route_after"])) + r")\b"),
        names_a_street=re.compile(r"(?:-[A-Z][\w'’-]*)?\s+(?:" + _any(w["route_after"]) + r")\b"),
        route_name=re.compile(r"\s(?:" + _any(w["route_ends"]) + r")$"),
        # ("the X provincial governor", "the X district police chief": a few lower-case words
        # may qualify the actor)
        actor_noun=re.compile(r"^['’]?s?\s+(?-i:(?:[a-z]+\s+){0,2})(?:" + _any(w["actor_nouns"])
                              + r")\b", re.IGNORECASE),
        district=re.compile(r"^\s+(?:" + _any(w["district"]) + r")\b", re.IGNORECASE),
        alias_after=re.compile(r"\s*\)\s*(?:" + _any(w["alias_classes"]) + r")s?\b",
                               re.IGNORECASE),
        coordination_gap=re.compile(
            r"^(?:\s*\([^()]{1,40}\))?(?:\s+(?:" + _any(w["coordinated_classes"]) + r")s?)?"
            r"\s*(?:,\s*)?(?:and|or|&)\s+(?:the\s+)?$", re.IGNORECASE),
        chain_gap=re.compile(
            r"^(?=.{0,40}$)[\s,()]*(?:(?:and|or)\s+)?(?:(?:the\s+)?(?:[a-z]+\s+)?(?:"
            + _any(w["chain_classes"]) + r")\b[\s,()]*)?(?:(?:of|in)\s+)?(?:the\s+)?$",
            re.IGNORECASE | re.DOTALL),
        feature_words=re.compile(r"^\s*(?:" + _any(w["feature_words"]) + r")\b", re.IGNORECASE),
        settlement_after=re.compile(r"\s+(?:" + _any(w["settlement_after"]) + r")\b",
                                    re.IGNORECASE),
        settlement_before=re.compile(r"\b(?:" + _any(w["settlement_before"]) + r") of\s+$",
                                     re.IGNORECASE),
        heads_next=re.compile(
            r"(?:(?P<owner>['’]s)\s+|\s+)(?:[a-z][\w-]*\s+){0,3}?(?P<head>"
            # (the longest first: "port city of X" must not stop at "port")
            + _any(tuple(sorted(w["container_heads"], key=len, reverse=True)))
            # ("X's capital, Y": the owner's class word may stand in apposition to the name)
            + r")(?:(?<=capital),)?\s+(?:of\s+)?(?:the\s+)?"),
        part_head=re.compile(r"(?:" + _any(w["part_heads"]) + r")$", re.IGNORECASE),
        site_in=re.compile(r"^(?:[\s-]+[\w'’-]+){0,4}?\s+(?:" + _any(w["site_words"])
                           + r")s?\s+(?:in|at|of|near)\s+(?:the\s+)?$", re.IGNORECASE),
        site_after=re.compile(r"(?:\s+(?-i:[a-z][\w-]*)){0,2}?\s+(?:" + _any(w["site_words"])
                              + r")s?\b", re.IGNORECASE),
        urban_part=re.compile(r"\s+(?:" + _any(w["urban_parts"]) + r")\b", re.IGNORECASE),
        article_before=re.compile(r"\bthe\s+(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE),
        saying=re.compile(r"\b(?:" + _any(w["saying"]) + r")\b", re.IGNORECASE),
        # (not "since Tuesday", "since 2011": a bare date closes the phrase at once)
        time_opener=re.compile(r"\b(?:" + _any(w["time_openers"]) + r")\s+(?!(?:" + calendar
                               + r"|\d|last\b|yesterday\b|then\b|early\b|late\b|mid))",
                               re.IGNORECASE),
        unmarked_place=re.compile(
            r"\b(?:(?i:" + _any(w["unmarked_heads"]) + r")\s+)(?:the\s+)?"
            r"(?P<name>(?!(?:" + calendar + "|" + _any(w["unmarked_stops"]) + r")\b)"
            + opening + r"[A-Z][\w'’‘-]*(?:[\s-](?:(?:" + _any(w["name_particles"]) + r")[- ])?"
            r"(?!(?:" + calendar + "|" + _any(w["name_stops"]) + r")\b)[A-Z][\w'’‘-]*)*)"),
        unmarked_governed=re.compile(
            r"(?<![A-Z][\w'’‘-]\s)\b(?i:" + _any(w["unmarked_prepositions"]) + r")\s+"
            r"(?:(?:north|south|east|west|central)(?:ern)?\s+)?"
            r"(?P<name>(?!(?:" + calendar + "|" + _any(w["unmarked_stops"]) + r")\b)"
            + opening + r"[A-Z][\w'’‘-]*(?:[\s-](?:(?:" + _any(w["name_particles"]) + r")[- ])?"
            r"(?!(?:" + calendar + "|" + _any(w["name_stops"]) + r")\b)[A-Z][\w'’‘-]*)*)"
            # not an initial ("U.N.") nor a name that goes on after a number ("Terminal 4")
            r"(?![\w'’‘-]|\s+[A-Z]|\.[A-Z]|\s+\d)"),
        unmarked_classed=re.compile(
            # (not "a Sunni district", nor "the Sunni district of X": there the capitalised word
            # is an adjective, the class word generic or named next)
            r"(?<![\w-])(?i:" + _any(w["classed_openers"]) + r")\s+(?:the\s+)?(?!an?\s)"
            r"(?:[a-z][\w-]*\s+){0,2}?"
            r"(?P<name>(?!(?:" + calendar + "|" + _any(w["unmarked_stops"]) + r")\b)"
            + opening + r"[A-Z][\w'’‘-]*(?:[\s-](?:(?:" + _any(w["name_particles"]) + r")[- ])?"
            r"[A-Z][\w'’‘-]*)*)"
            r"(?=\s+(?:[a-z][\w-]*\s+)?(?:" + _any(w["place_classes"]) + r")\b(?!\s+of\b))"),
        unmarked_feature=re.compile(
            r"(?<![\w'’‘-])(?P<name>(?:" + _any(w["feature_openers"]) + r")\s+"
            + opening + r"[A-Z][\w'’‘-]*(?:[\s-](?:(?:" + _any(w["name_particles"]) + r")[- ])?"
            r"(?!(?:" + calendar + "|" + _any(w["name_stops"]) + r")\b)[A-Z][\w'’‘-]*)*)"),
        class_word_alone=re.compile(r"(?:" + _any(w["facility_heads"]) + r")"),
        unmarked_site=re.compile(
            r"(?<![\w'’‘-])(?P<name>(?:(?!(?:" + calendar + "|" + _any(w["unmarked_stops"])
            + r")\b)" + opening + r"[A-Z][\w'’‘-]*[\s-](?:(?:" + _any(w["name_particles"])
            + r")[- ])?){1,3}"
            r"(?:" + _any(w["facility_heads"]) + r"))\b"),
        community_name=re.compile(r"(?:" + _any(w["community_names"]) + r"|[A-Z][a-z]+(?:"
                                  + _any(w["adjective_endings"]) + r"))"),
        # (one lower-case word may come between: "X's rented car"; but "X's car park" is X's)
        belonging=re.compile(r"['’]s\s+(?:[a-z]+\s+)?(?:" + _any(w["personal_belongings"])
                             + r")\b(?!\s+park)"),
        leading_particle=re.compile(r"(?<![\w'’-])(?:" + _any(w["name_particles"]) + r")-$"),
        trailing_calendar=re.compile(r"\s+" + calendar + r"$"),
        of_name=re.compile(r"(?<![\w'’-])(?:" + _any(w["of_heads"]) + r") of(?: the)?"
                           r"(?: [A-Z][\w'’-]*)+"),
        name_goes_on=re.compile(
            r"(?:-|\s)(?:(?:" + _any(w["name_particles"]) + r")[- ])?"
            r"(?!(?:" + calendar + "|" + _any(w["name_stops"]) + r")\b)['’‘]?[A-Z][\w'’‘-]*"),
    )


def locate_cues(lexicon: Lexicon = ENGLISH) -> LocateCues:
    """The patterns of ``lexicon`` (built on first use, then kept)."""
    return built_from(lexicon, _build)
