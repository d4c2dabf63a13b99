"""Fatalities and injuries as ACLED (fatalities) and GTD (injured) would code them.

Rules, from ACLED's codebook (reported fatalities):
- reported figures only; hedged figures keep their bounds: "at least 12" -> 12 (low 12),
  "as many as 80" -> 80 (high 80), "between 10 and 15" -> 10 (the conservative end), "more than
  100" -> 100;
- vague numbers: see :mod:`geomap.events.numbers`;
- "killed or injured 4" is not a fatality figure (it cannot be split);
- a death toll ("the death toll rose to 12") is the total: the smallest toll wins over summing;
- ACLED's own notes state how a total was split ("Fatalities coded as 0", "3 fatalities coded to
  this event", "1 fatality split among 12 events"): those statements override the counts;
- "no casualties" -> 0; "casualties unknown" -> fatalities unknown (None) -- ACLED then codes 0,
  GTD leaves the field empty.

Numbers that are not people (years, "Resolution 2254", "80 km", "1,000 tons", "F-16", ages,
times, phone numbers) never become counts: a count must be tied to a person noun or stand right
before a casualty verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from geomap.events.numbers import COUNT, parse_count

PERSON = (
    r"(?:people|persons?|person|civilians?|soldiers?|troops?|servicem[ae]n|militants?|fighters?|"
    r"police(?:m[ae]n|wom[ae]n)?|(?:police )?officers?|officials?|members?|personnel|"
    r"child(?:ren)?|kids?|babies|baby|infants?|wom[ae]n|m[ae]n|boys?|girls?|teen(?:ager)?s?|"
    r"youths?|villagers?|residents?|farmers?|students?|workers?|guards?|insurgents?|rebels?|"
    r"terrorists?|assailants?|attackers?|gunm[ae]n|jihadists?|combatants?|bystanders?|"
    r"passengers?|pilgrims?|worshipp?ers?|journalists?|reporters?|doctors?|medics?|nurses?|"
    r"teachers?|herd(?:er|sm[ae]n)s?|shepherds?|others?|individuals?|relatives?|protesters?|"
    r"demonstrators?|rioters?|commanders?|leaders?|chiefs?|elders?|mothers?|fathers?|sons?|"
    r"daughters?|brothers?|sisters?|wife|wives|husbands?|family members?|families|migrants?|"
    r"refugees?|prisoners?|detainees?|inmates?|suspects?|bombers?|drivers?|traders?|"
    r"merchants?|shopkeepers?|fishermen|miners?|hunters?|cadets?|recruits?|militiam[ae]n|"
    r"contractors?|staff|volunteers?|Taliban|mujahideen|casualties|victims?|pupils?|clerics?|"
    r"imams?|priests?|monks?|nuns?|politicians?|candidates?|councill?ors?|judges?|lawyers?|"
    r"activists?|dead|bodies|corpses|heads?|mukhtars?|gendarmes?|rangers?|sailors?|pilots?|"
    r"marines?|paratroopers?|conscripts?|sympathi[sz]ers?|supporters?|loyalists?|separatists?|"
    r"partisans?|mercenaries|operatives?|employees?|bodyguards?|constables?|agents?|"
    r"directors?|scholars?|engineers?|technicians?|tribesm[ae]n|laborers?|labourers?|"
    r"deputies|deputy|governors?|mayors?|soldier|troopers?|militiamen|assailant|hostages?|"
    r"captives?|abductees?|forces|"
    # titles and trades that name one person ("killed a school principal", "a retired colonel")
    r"principals?|headm(?:aster|istress)(?:e?s)?|experts?|colonels?|captains?|lieutenants?|"
    r"sergeants?|brigadiers?|administrators?|chairm[ae]n|chairpersons?|editors?|presenters?|"
    r"businessm[ae]n|businesswom[ae]n|vendors?|ministers?|legislators?|lawmakers?|senators?|"
    r"parliamentarians?|informants?|informers?|spies|patients?|peacekeepers?|translators?|"
    r"interpreters?|professors?|lecturers?|physicians?|surgeons?|secretar(?:y|ies)|"
    r"landowners?|owners?|escorts?|sheikhs?|chieftains?|kings?|princes?|princess(?:es)?|"
    # kin and company ("his nephew", "two of his aides", "customers")
    r"nephews?|nieces?|cousins?|uncles?|aunts?|grand(?:son|daughter|father|mother)s?|"
    r"aides?|assistants?|associates?|colleagues?|companions?|neighbou?rs?|guests?|"
    r"customers?|clients?|shoppers?|"
    # armed men in police and army releases ("three bandits", "two jawans")
    r"bandits?|sepoys?|jawans?|kidnappers?|robbers?|criminals?|smugglers?|traffickers?|"
    r"pirates?|poachers?)"
)
HEDGE = (
    r"(?P<hedge>at least|more than|over|in excess of|upwards of|nearly|almost|around|about|"
    r"approximately|roughly|close to|some|up to|as many as|an estimated|a total of|a further|"
    r"at most|fewer than|less than|no fewer than|no less than|a reported|another)"
)
_HEDGE_LOW = {"at least", "more than", "over", "in excess of", "upwards of", "no fewer than",
              "no less than"}
_HEDGE_HIGH = {"up to", "as many as", "nearly", "almost", "at most", "fewer than", "less than",
               "close to"}

_KILL = (r"killed|killing|kills?|dead|died|dies|slain|perished|massacred|beheaded|executed|"
         r"eliminated|neutrali[sz]ed|martyred|embraced (?:martyrdom|shahadat)|"
         r"blew (?:himself|herself|themselves) up|"
         r"lynched|murdered|shot dead|shot (?:him|her) dead|"
         r"(?:shot|beaten|stabbed|hacked|burned|burnt) to death|"
         r"lost (?:their|his|her) li(?:ves|fe)|deaths?|fatalit(?:y|ies)|corpses|bodies|"
         r"body(?= of (?:a|an|one) )")
_WOUND = r"wounded|wounding|wounds|injured|injuring|injur(?:y|ies)|hurt|maimed"
_VERB = re.compile(rf"\b(?:(?P<kill>{_KILL})|(?P<wound>{_WOUND}))\b", re.IGNORECASE)

_COUNT_OR_ONE = COUNT.replace("(?P<num>", r"(?P<num>(?:an|a|another|his|her)(?=\s)|", 1)
_ACTIVE_VERBS = {"shot him dead", "shot her dead", "killed", "killing", "kill", "kills", "wounded",
                 "eliminated", "neutralized", "neutralised",
                 "wounding", "injured", "injuring", "massacred", "executed", "beheaded", "murdered",
                 "lynched", "shot dead", "hurt", "maimed"}
_OBJECT = re.compile(
    rf"^\s+(?:(?:a total of|at least|more than|over|up to|as many as|nearly|almost|around|"
    rf"about|approximately|some|an estimated|another|between)\s+)?"
    rf"(?:(?P<low>{COUNT.replace('num', 'lownum')})\s*(?:-|–|to|or)\s*)?{_COUNT_OR_ONE}"
    rf"(?P<tail>(?:\s+[\w'’().-]+){{0,8}})",
    re.IGNORECASE,
)
_SUBJECT_COUNT = re.compile(
    rf"(?<![\w.,-])(?:between\s+(?P<low>{COUNT.replace('num', 'lownum')})\s+and\s+|"
    rf"{HEDGE}\s+)?{_COUNT_OR_ONE}(?![\w-]|,\d|\.\d)",
    re.IGNORECASE,
)
_NOT_PEOPLE_AFTER = re.compile(
    r"^\s*(?:%|percent|per cent|km|kms|kilomet\w*|metres?|meters?|miles?|tons?|tonnes?|kg|mm|cm|"
    r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|am\b|pm\b|a\.m|p\.m|o'clock|"
    r"-year|-month|-day|-km|-mile|-ton|houses?|homes?|buildings?|vehicles?|cars?|trucks?|"
    r"tanks?|rockets?|missiles?|shells?|rounds?|projectiles?|explosions?|mortars?|drones?|"
    r"villages?|towns?|times|st\b|nd\b|rd\b|th\b|mm\b|dollars?|\$|usd|rupees?|euros?|"
    r"feet|foot|acres?|hectares?|degrees?|votes?|seats?|cases?|positions?|attacks?|"
    r"incidents?|events?|locations?|points?|districts?|provinces?|times?)(?![a-z])",
    re.IGNORECASE,
)
_NOT_PEOPLE_BEFORE = re.compile(
    r"(?:resolution|article|f|mig|su|no|number|route|highway|road|page|chapter|section|"
    r"flight|unit|brigade|division|regiment|battalion|corps|squad|team|platoon|"
    r"tel|phone|ext|[$€£])[\s.-]*$",
    re.IGNORECASE,
)
_AUX = r"(?:\s+(?:were|was|are|is|have|has|had|been|being|got|get|reportedly|also|all|later|" \
       r"allegedly|subsequently|then|both|each|instantly|immediately|confirmed|reported))*\s*$"
_BOUNDARY = re.compile(r"[;:\[\]]|[.!?](?:\s|$)|"
                       r"\b(?:while|whereas|but|after|when|following|during)\b",
                       re.IGNORECASE)
_TOLL = re.compile(
    rf"\b(?:death toll|toll|number of (?:the )?dead|number of deaths)\b[^.;]{{0,80}}?"
    rf"\b(?:to|at|of|reached|is|was|hit)\s+(?:{HEDGE}\s+)?{COUNT}",
    re.IGNORECASE,
)
_ZERO = re.compile(
    r"\b(?:no (?:reported |reports? (?:of|on) (?:any )?)?(?:casualties|fatalities|deaths|injuries|"
    r"one was (?:killed|hurt|injured))|without (?:any )?casualties|nobody was (?:killed|hurt|"
    r"injured)|no one was (?:killed|hurt|injured)|(?:neither|no) (?:injuries|fatalities|"
    r"casualties) (?:nor|or) (?:injuries|fatalities|casualties))\b",
    re.IGNORECASE,
)
_ZERO_INJURED = re.compile(r"\bno (?:reported |reports? (?:of|on) (?:any )?)?"
                           r"(?:injuries|one (?:was )?(?:hurt|injured))\b",
                           re.IGNORECASE)
_UNKNOWN = re.compile(
    r"\b(?:casualties (?:are |were |remain )?unknown|unknown number of|"
    r"unknown (?:if|whether)[^.]{0,60}"
    r"casualties|outcome of the (?:attack|incident|kidnapping|abduction|hostage[- ]taking|"
    r"hostage situation) (?:is|was|remains) unknown|"
    r"(?:number|extent) of (?:casualties|fatalities) (?:is |was |remains )?(?:unknown|unclear))",
    re.IGNORECASE,
)
#: An ACLED note ending "... 3 fatalities." states the coded total.
_TRAILING_TOTAL = re.compile(rf"(?:^|[.\]]\s+){COUNT} fatalit(?:y|ies)\.?\s*$", re.IGNORECASE)
_CODED_AS = re.compile(rf"\bfatalities (?:were |are )?coded as {COUNT}", re.IGNORECASE)
_CODED_TO_EVENT = re.compile(
    rf"\b{COUNT} fatalit(?:y|ies) (?:were |was |are |is )?(?:coded|attributed) to this event",
    re.IGNORECASE)
_SPLIT = re.compile(
    rf"(?:\b(?P<total>\d+|\w+) fatalit(?:y|ies) )?\b(?:were |was |are |is )?(?:split|spread)"
    rf"(?: up)? (?:evenly )?(?:between|among|across|over) {COUNT} (?:\w+ )?(?:events|locations|"
    rf"days|frontlines|fronts|districts|areas)(?:\s*\((?P<share>\d+)\))?",
    re.IGNORECASE,
)
#: "Unknown fatalities coded as 10 and spread across two locations": the coded total is split.
_CODED_THEN_SPLIT = re.compile(r"\bcoded as (?P<total>\d+)(?: fatalities)? and (?:then )?"
                               r"(?:split|spread)", re.IGNORECASE)
#: "..., including five assailants and one police constable, ...": parts of a total already given.
_BREAKDOWN = re.compile(r"\b(?:including|among them|of whom|of which)\b[^,;.]*", re.IGNORECASE)
_SEVERAL_EVENTS = r"(?:attacks|assaults|clashes|incidents|events|locations|bombings|raids|" \
    r"blasts|explosions|strikes|arsons|operations|ambushes)"
_ACROSS = re.compile(rf"^[^.;]*?\bacross (?:(?:both|all|the|these|those|of|\w+) ){{0,3}}"
                     rf"(?:\w+ )?{_SEVERAL_EVENTS}", re.IGNORECASE)
#: "across both attacks", "across all three clashes": the phrase itself says how many.
_ACROSS_PARTS = re.compile(rf"\bacross (?:all )?(?P<num>both|two|three|four|five|six|seven|"
                           rf"eight|nine|ten|\d+) (?:of the )?(?:\w+ )?{_SEVERAL_EVENTS}",
                           re.IGNORECASE)
_ONE_OF = re.compile(rf"\bone of (?:at least )?{COUNT} (?:\w+ ){{0,2}}{_SEVERAL_EVENTS}",
                     re.IGNORECASE)
_PERPETRATOR_TOO = re.compile(r"\bin addition to (?:the|an|one) (?:assailant|attacker|bomber|"
                              r"perpetrator|gunman)\b", re.IGNORECASE)
_SELF_KILLED = re.compile(r"\b(?:killed|shot) (?:himself|herself)\b", re.IGNORECASE)
_PERPETRATOR_COUNTED = re.compile(r"\b(?:including|and) (?:the|an|one) (?:assailant|attacker|"
                                  r"gunman|shooter|perpetrator)\b", re.IGNORECASE)
_PERSON_RE = re.compile(rf"\b{PERSON}\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")


@dataclass
class Casualties:
    """Counts read from a piece of text; None means the text gives no figure."""

    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    unknown: bool = False  # the text says the toll is unknown
    victims: list[str] = field(default_factory=list)  # "6 Islamic State militants", ...


def _count_value(match: re.Match, group: str = "num") -> int | None:
    phrase = match.group(group)
    if phrase is None:
        return None
    if _YEAR.match(phrase.replace(",", "")):
        return None
    return parse_count(phrase)


def _is_people_count(text: str, start: int, end: int, tail_limit: int) -> bool:
    """True when the count at text[start:end] counts people, judging by the words around it."""
    after = text[end:tail_limit]
    if _NOT_PEOPLE_AFTER.match(after):
        return False
    if _NOT_PEOPLE_BEFORE.search(text[max(0, start - 12):start]):
        return False
    # A count right before the casualty verb ("4 were killed") or tied to a person noun within
    # five words ("1 Afghan military officer was killed").
    if re.match(_AUX, after):
        return True
    if re.match(r"\s+['‘]?[A-Z][\w-]*['’]?\s+(?:were|had been|have been)\s", after):
        return True  # "2 'Arbakis' were wounded", "3 Houthis were killed": a named group
    return _person_follows(after)


_MONTH = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)


def _person_follows(after: str, words_limit: int = 6) -> bool:
    """A person noun within a few words, with no other number or month in between."""
    words = re.findall(r"[\w'’-]+", after)[:words_limit + 3]
    for index, word in enumerate(words):
        if _PERSON_RE.fullmatch(word):
            return True
        if index == 0 and word.lower() in {"of", "more", "other", "further"}:
            continue  # "hundreds of civilians", "two more soldiers"
        if word == "of" and _in_long_name(words, index):
            continue  # "a National Directorate of Security (NDS) officer": one long name
        if index >= words_limit and not word[:1].isupper():
            return False
        if _MONTH.match(word) and len(word) <= 9 or re.fullmatch(r"\d[\d,]*", word) or (
                word.lower() in {"and", "or", "of", "in", "at", "on", "from"}):
            return False
    return False


def _hedged(value: int, hedge: str | None, low: int | None) -> tuple[int, int | None, int | None]:
    if low is not None:
        return min(low, value), min(low, value), max(low, value)
    hedge = (hedge or "").lower()
    if hedge in _HEDGE_LOW:
        return value, value, None
    if hedge in _HEDGE_HIGH:
        return value, None, value
    return value, None, None


@dataclass
class _Figure:
    kill: bool
    value: int
    low: int | None
    high: int | None
    victim: str
    across: bool = False  # "... killed across both attacks": a total for several events


def _figures(text: str) -> list[_Figure]:
    figures: list[_Figure] = []
    previous_end = 0
    for verb in _VERB.finditer(text):
        word = verb.group(0).lower()
        kill = verb.group("kill") is not None
        after = text[verb.end():]
        if re.match(r"\s+or\s+(?:wounded|injured|kill)", after, re.IGNORECASE) or re.search(
            r"\b(?:killed|wounded|injured)\s+or\s+$", text[max(0, verb.start() - 20):verb.start()],
            re.IGNORECASE):
            previous_end = verb.end()
            continue  # "killed or injured 4": not splittable (ACLED codes no fatality figure)
        figure = None
        if word in _NOMINAL:
            figure = _nominal_figure(text, verb, kill)
            if figure is not None:
                figures.append(figure)
            previous_end = verb.end()
            continue
        # lower-case auxiliaries only: "an IS hideout and killed 1 militant" is active
        passive = re.search(r"\b(?:[Ww]as|[Ww]ere|been|being|is|are)\s+(?:\w+\s+){0,2}"
                            r"(?:and\s+)?$", text[max(0, verb.start() - 40):verb.start()])
        if word in _ACTIVE_VERBS and not passive:
            obj = _OBJECT.match(after)
            if obj and (_count_value(obj) is not None) and _object_is_people(obj):
                value = _count_value(obj)
                low = _count_value(obj, "lownum") if obj.group("lownum") else None
                hedge_match = re.match(r"\s+(at least|more than|over|up to|as many as|nearly|"
                                       r"almost)\b", after, re.IGNORECASE)
                v, lo, hi = _hedged(value, hedge_match.group(1) if hedge_match else None, low)
                v += _more_objects(after[obj.end('num'):])
                figure = _Figure(kill, v, lo, hi, (obj.group("num") + obj.group("tail")).strip())
            elif (_NAMED.match(after) or _TITLED.match(after)) and not re.match(
                    rf"\s+(?:\w+\s+){{0,3}}{PERSON}\b(?!\s+[A-Z])", after, re.IGNORECASE):
                # "killed Hafizullah", "killed mayor Jan Agha", "killed Ali al-Hakim, a judge,
                # and his son"
                figure = _Figure(kill, 1 + _more_objects(after), None, None, after.strip()[:40])
            elif (m := re.match(r"\s+the\s+", after)) and _singular_person_follows(
                    after[m.end() - 1:]):
                # "killed the mayor", "executed the head of a village and two of his aides"
                figure = _Figure(kill, 1 + _more_objects(after), None, None, after.strip()[:40])
        if figure is None:
            # The subject of an active verb is the killer ("Three assailants killed U Than
            # Win"): only "4 killed" (a bare count right before the verb) counts victims then.
            active = word in _ACTIVE_VERBS and not passive and word not in {"shot dead"}
            figure = _subject_figure(text, previous_end, verb, kill, bare_only=active)
            if figure is None and active:
                figure = _reduced_passive(text, previous_end, verb, kill)
        if figure is not None:
            figure.across = bool(_ACROSS.match(after))
            figures.append(figure)
        previous_end = verb.end()
    return figures


#: A person's name as an object: capitalised words, with the particles names carry.
_NAMED = re.compile(r"\s+[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|abu|de|del|da|van|"
                    r"von)\b[\w'’-]*))*\s*(?:,|\band\b|\bin\b|\bat\b|\.|$)")
#: A title before a name: "mayor Jan Agha", "labour union leader Maria Cruz".
_TITLED = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,3}}{PERSON}\s+[A-Z]")
_NOMINAL = {"death", "deaths", "fatality", "fatalities", "injury", "injuries", "wounds",
            "corpses", "bodies", "body"}
_NOMINAL_COUNT = re.compile(
    rf"(?:{HEDGE}\s+)?{COUNT}\s+(?:(?:confirmed|reported|civilian|more|further|other|military|"
    rf"rebel|militant|police|[A-Z]{{2,}})\s+)?$", re.IGNORECASE)


def _nominal_figure(text: str, verb: re.Match, kill: bool) -> _Figure | None:
    """"12 deaths", "at least 3 injuries", "the corpses of around thirty militants"."""
    if verb.group(0).lower() in {"corpses", "bodies"}:
        after = re.match(rf"\s+of\s+(?:{HEDGE}\s+)?{COUNT}\b", text[verb.end():], re.IGNORECASE)
        if after and (value := _count_value(after)) is not None:
            return _Figure(kill, value, None, None, after.group(0).strip())
    if verb.group(0).lower() in {"death", "body"}:
        # "leading to the death of a bystander", "the body of a girl was found": one person;
        # not a death a protest is about ("protested against the death of a civilian")
        one = re.match(r"\s+of\s+(?:a|an|one)\s+", text[verb.end():], re.IGNORECASE)
        caused = verb.group(0).lower() == "body" or re.search(
            r"\b(?:lead(?:ing|s)?|led|result(?:ing|ed|s)?|caus(?:ed|ing|es))\s+(?:to|in)?\s*"
            r"(?:the\s+)?$", text[max(0, verb.start() - 30):verb.start()], re.IGNORECASE)
        if one and caused and _singular_person_follows(text[verb.end() + one.end() - 1:]):
            return _Figure(kill, 1, None, None, text[verb.start():verb.end() + one.end()].strip())
    match = _NOMINAL_COUNT.search(text, max(0, verb.start() - 40), verb.start())
    if not match or (value := _count_value(match)) is None:
        return None
    if _NOT_PEOPLE_BEFORE.search(text[max(0, match.start("num") - 12):match.start("num")]):
        return None
    v, lo, hi = _hedged(value, match.group("hedge"), None)
    return _Figure(kill, v, lo, hi, match.group(0).strip() + " " + verb.group(0))


#: ... up to the first "and" (never past another casualty verb: "killed 1 and wounded 3 men").
_MORE_OBJECT = re.compile(rf"^(?:,?\s+(?!(?:and|{_KILL}|{_WOUND})\b)[\w'’()-]+){{0,7}}?"
                          rf"\s*,?\s+and\s+(?:{_COUNT_OR_ONE})"
                          rf"(?P<rest>(?:\s+[\w'’()-]+){{0,5}})", re.IGNORECASE)


def _more_objects(after: str) -> int:
    """"killed a police officer and a security guard": further people joined by "and"."""
    match = _MORE_OBJECT.match(after)
    if not match or (value := _count_value(match)) is None:
        return 0
    if match.group("num").lower() in {"a", "an", "another"}:
        return value if _singular_person_follows(match.group("rest")) else 0
    return value if _person_follows(match.group("rest")) else 0


def _object_is_people(obj: re.Match) -> bool:
    tail = obj.group("tail") or ""
    if _NOT_PEOPLE_AFTER.match(tail):
        return False
    phrase = obj.group("num").lower()
    if phrase in {"a", "an", "his", "her", "another"}:
        return _singular_person_follows(tail)  # "killed a soldier" needs its noun
    if not tail.strip() or re.match(r"\s*(?:and|or|in|at|on|near|during|while|,)\b", tail):
        return True  # "killing 4." / "killing 4 and wounding 9": a bare count, which news uses
    return _person_follows(tail)


_REDUCED = re.compile(rf"(?<![\w.,-]){COUNT}\s+(?:[\w-]+\s+)?(?P<noun>{PERSON})\s+$",
                      re.IGNORECASE)


def _reduced_passive(text: str, previous_end: int, verb: re.Match, kill: bool) -> _Figure | None:
    """"resulted in 8 tribesmen killed, 5 from ...": a count and a person noun right before the
    verb, and no object after it -- the victims, not the killers ("3 gunmen killed a man")."""
    if not re.match(r"\s*(?:[,.;)]|$|(?:in|at|on|during|while|and|after|near|when)\b)",
                    text[verb.end():]):
        return None
    match = _REDUCED.search(text, max(previous_end, verb.start() - 60), verb.start())
    if match is None or (value := _count_value(match)) is None:
        return None
    return _Figure(kill, value, None, None, match.group(0).strip())


def _subject_figure(text: str, previous_end: int, verb: re.Match, kill: bool,
                    bare_only: bool = False) -> _Figure | None:
    start = previous_end
    for boundary in _BOUNDARY.finditer(text, previous_end, verb.start()):
        start = boundary.end()
    window_end = verb.start()
    # "a dead child": the adjective before its noun.
    if verb.group(0).lower() == "dead":
        noun = re.match(rf"\s+{PERSON}\b", text[verb.end():], re.IGNORECASE)
        single = re.search(r"\b(a|an|one)\s+$", text[start:verb.start()], re.IGNORECASE)
        if noun and single:
            return _Figure(True, 1, None, None, f"{single.group(1)} dead{noun.group(0)}")
    total = 0
    low_total: int | None = None
    high_total: int | None = None
    victims = []
    breakdowns = [(m.start(), m.end()) for m in _BREAKDOWN.finditer(text, start, window_end)]
    for match in _SUBJECT_COUNT.finditer(text, start, window_end):
        value = _count_value(match)
        if value is None:
            continue
        s, e = match.span("num")
        if any(a <= s < b for a, b in breakdowns):
            continue  # "6 people, including 5 assailants and 1 constable": a breakdown
        if re.search(r"\b(?:no|any)\s+$", text[max(0, s - 4):s], re.IGNORECASE):
            continue  # "no one was killed"
        if match.group("num").lower() in {"a", "an", "one", "another"}:
            rest = text[e:window_end]
            bare = match.group("num").lower() in {"one", "another"} and re.match(_AUX, rest)
            if not bare and not _singular_person_follows(rest):
                continue
        elif not _is_people_count(text, s, e, window_end):
            continue
        if bare_only and not re.match(_AUX, text[e:window_end]) and not (
                re.search(r"(?:resulting in|leaving|left|with|,)\s*$", text[max(0, s - 20):s])
                and re.fullmatch(rf"(?:\s+[\w'’-]+){{0,2}}\s+{PERSON}\s*", text[e:window_end],
                                 re.IGNORECASE)):
            continue  # "resulting in 4 rebels killed" still counts
        low = _count_value(match, "lownum") if match.group("lownum") else None
        v, lo, hi = _hedged(value, match.group("hedge"), low)
        total += v
        low_total = lo if lo is not None else low_total
        high_total = hi if hi is not None else high_total
        victims.append(text[match.start():min(window_end, e + 40)].split(",")[0].strip())
    plural = _PLURAL_PASSIVE.search(text, start, window_end)
    if plural and not bare_only:
        # "The commander and his daughter were killed", "Five soldiers and the assailant were
        # killed": people named without a count are one each.
        named = _uncounted_people(text[start:plural.start()],
                                  [(a - start, b - start) for a, b in breakdowns])
        if named:
            total += named
            victims.append(text[start:plural.start()].strip()[:60])
    if not victims:
        # "Aimaq, editor of the local radio, was killed", "the driver was shot and killed": a
        # singular subject is one person.
        if re.search(r"\bwas\s+(?:\w+\s+(?:and\s+)?)?$", text[start:window_end]) and not \
                re.search(r"\b(?:no one|nobody|none|unknown number)\b", text[start:window_end],
                          re.I):
            return _Figure(kill, 1, None, None, text[start:window_end].strip()[:60])
        return None
    return _Figure(kill, total, low_total, high_total, "; ".join(victims))


_PLURAL_PASSIVE = re.compile(r"\s+were\s+(?:\w+\s+(?:and\s+)?)?$")
_CONJUNCT = re.compile(r"(\s*,\s*(?:and\s+)?|\s+and\s+)")
_DETERMINER = re.compile(r"(?:the|his|her|their|its)\s+", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn|abu|de|del|da|van|"
                   r"von)\b[\w'’-]*)){0,5}")
_ANY_COUNT = re.compile(rf"(?:^|\s){_COUNT_OR_ONE}\b", re.IGNORECASE)


def _uncounted_people(subject: str, breakdowns: list[tuple[int, int]]) -> int:
    """How many people a plural subject names without a count: "X and his son" -> 2, "the
    driver and 3 guards" -> 1 (the 3 are counted as figures). Read back from the verb through
    the coordinated phrases only; a "the ..." phrase right after a name and a comma describes
    that name ("Omar, the district chief, and his son"). A dash ends a dateline or an aside,
    never a list of victims."""
    offset = 0
    for dash in _DASH.finditer(subject):
        offset = dash.end()
    breakdowns = [(a - offset, b - offset) for a, b in breakdowns]
    pieces = _CONJUNCT.split(subject[offset:])
    starts = [sum(len(p) for p in pieces[:i]) for i in range(len(pieces))]
    phrases = [(pieces[i].strip(), pieces[i - 1] if i else "", starts[i])
               for i in range(0, len(pieces), 2)]
    kinds = []
    for phrase, separator, start in reversed(phrases):
        if len(phrase.split()) > _MAX_PHRASE_WORDS:
            break
        if any(a <= start < b for a, b in breakdowns) or _ANY_COUNT.search(phrase):
            kinds.append(("counted", separator))
            continue
        determiner = _DETERMINER.match(phrase)
        if _BOTH.fullmatch(phrase):
            kinds.append(("pair", separator))  # "Both assailants were killed"
        elif determiner and _singular_person_follows(" " + phrase[determiner.end():]):
            kinds.append(("described", separator))
        elif _NAME.fullmatch(phrase) and not _PERSON_RE.match(phrase):
            kinds.append(("name", separator))
        else:
            break
    kinds.reverse()
    count = 0
    for index, (kind, separator) in enumerate(kinds):
        appositive = kind == "described" and index and kinds[index - 1][0] == "name" and \
            "and" not in separator
        count += 2 if kind == "pair" else kind in {"name", "described"} and not appositive
    return count


_MAX_PHRASE_WORDS = 8
_BOTH = re.compile(rf"both\s+(?:of\s+)?(?:the\s+|their\s+)?(?:[\w-]+\s+){{0,2}}{PERSON}",
                   re.IGNORECASE)
_DASH = re.compile(r"\s(?:-{1,2}|\u2013|\u2014)\s|\u2013|\u2014")


_PLURAL_NOUNS = {"people", "children", "men", "women", "police", "personnel", "troops", "staff",
                 "dead", "families", "militiamen", "policemen", "gunmen", "fishermen"}


_THING = re.compile(r"(?:vehicles?|motorcycles?|motorbikes?|cars?|trucks?|houses?|residences?|"
                    r"convoys?|bus|buses|homes?|posts?|check ?points?|buildings?|areas?|markets?|"
                    r"compounds?|facilit(?:y|ies)|schools?|offices?|stations?|bases?|camps?|"
                    r"patrols?|outposts?|headquarters|positions?|airport|plane|aircraft)",
                    re.IGNORECASE)


def _in_long_name(words: list[str], index: int) -> bool:
    """A word of a long proper name after the first: "National Directorate of Security"."""
    word = words[index]
    return index > 0 and (word[:1].isupper() or (word == "of" and words[index - 1][:1].isupper()))


def _singular_person_follows(after: str) -> bool:
    """"a soldier", "a police officer", "a 25-year-old man" (the head noun is singular)."""
    words = re.findall(r"[\w'’-]+", after)[:10]
    names = 0  # capitalised words of a long name ("a National Directorate of Security officer")
    for index, word in enumerate(words):
        if index >= 4 + names:
            break
        if _in_long_name(words, index):
            names += 1
        if _PERSON_RE.fullmatch(word):
            while index + 1 < len(words) and _PERSON_RE.fullmatch(words[index + 1]):
                index += 1  # "police officer": the last noun is the head
            head = words[index].lower()
            if index + 1 < len(words) and _THING.fullmatch(words[index + 1]):
                return False  # "a civilian vehicle", "a police truck": a thing, not a person
            return not (head.endswith("s") or head in _PLURAL_NOUNS)
        if re.fullmatch(r"\d[\d,]*", word) or (word.lower() in {"and", "or", "of"}
                                                 and not (word == "of" and names)):
            return False
    return False


def parse_casualties(text: str) -> Casualties:
    """Fatalities and injuries reported in ``text`` (a sentence or an event's few sentences).

    >>> c = parse_casualties("A drone strike killed 6 Islamic State militants and injured 2.")
    >>> c.fatalities, c.injured
    (6, 2)
    """
    result = Casualties()
    figures = _figures(text)
    one_of = _ONE_OF.search(text)
    parts = _count_value(one_of) if one_of else None
    if parts is None and (stated := _ACROSS_PARTS.search(text)):
        parts = 2 if stated.group("num").lower() == "both" else parse_count(stated.group("num"))
    for figure in figures:
        if figure.across and parts:
            # A total over several attacks, split between them (ACLED/GTD rule); a share is
            # never rounded away to nothing: "one soldier was killed across both clashes" is 1.
            figure.value = max(figure.value // parts, min(figure.value, 1))
            figure.low = figure.high = None
    kills = [f for f in figures if f.kill]
    wounds = [f for f in figures if not f.kill]
    if kills:
        result.fatalities = sum(f.value for f in kills)
        lows = [f.low for f in kills if f.low is not None]
        highs = [f.high for f in kills if f.high is not None]
        result.fatalities_low = sum(lows) if len(lows) == len(kills) else (
            lows[0] if len(kills) == 1 and lows else None)
        result.fatalities_high = sum(highs) if len(highs) == len(kills) else None
        result.victims = [f.victim for f in kills]
    if wounds:
        result.injured = sum(f.value for f in wounds)
    if result.fatalities is not None and _PERPETRATOR_TOO.search(text):
        result.fatalities += 1  # "In addition to the assailant, three people were killed"
    if (suicides := len(_SELF_KILLED.findall(text))) and not _PERPETRATOR_COUNTED.search(text):
        # "... then killed himself": the perpetrator's death is one of the event's (ACLED and
        # GTD both count it), unless a figure already names the assailant among the dead
        result.fatalities = (result.fatalities or 0) + suicides
    tolls = [v for m in _TOLL.finditer(text) if (v := _count_value(m)) is not None]
    if tolls:  # a toll is the total: the most conservative toll replaces the summed figures
        result.fatalities = min(tolls)
        result.fatalities_low = result.fatalities_high = None
    if result.fatalities is None and _ZERO.search(text):
        result.fatalities = 0
    if result.injured is None and (_ZERO.search(text) or _ZERO_INJURED.search(text)):
        result.injured = 0
    if result.fatalities is None and _UNKNOWN.search(text):
        result.unknown = True
    _apply_acled_split_notes(text, result)
    return result


def coding_statement(text: str) -> tuple[int, int] | None:
    """Where an ACLED note states the coded toll of its event ("Fatalities coded as 0", "split
    across 3 events (5)"), or None."""
    found = [m for pattern in (_CODED_TO_EVENT, _CODED_AS, _SPLIT, _TRAILING_TOTAL)
             if (m := pattern.search(text))]
    return min((m.span() for m in found), default=None)


def _apply_acled_split_notes(text: str, result: Casualties) -> None:
    """ACLED notes say how a total was split or recoded; that statement is the coded figure."""
    split = _SPLIT.search(text)
    if split and split.group("share"):
        # "Fatalities are split across 3 events (5)": the share coded to this event, stated
        result.fatalities, result.fatalities_low, result.fatalities_high = \
            int(split.group("share")), None, None
        result.unknown = False
        return
    coded = _CODED_TO_EVENT.search(text) or (
        None if _CODED_THEN_SPLIT.search(text) else _CODED_AS.search(text)) or \
        _TRAILING_TOTAL.search(text)
    if coded and (value := _count_value(coded)) is not None:
        result.fatalities, result.fatalities_low, result.fatalities_high = value, None, None
        result.unknown = False
        return
    then_split = _CODED_THEN_SPLIT.search(text)
    if split and (parts := _count_value(split)):
        total = parse_count(split.group("total")) if split.group("total") else (
            int(then_split.group("total")) if then_split else result.fatalities)
        if total is not None:
            result.fatalities = total // parts
            result.fatalities_low = result.fatalities_high = None
