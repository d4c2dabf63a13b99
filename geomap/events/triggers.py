"""Trigger lexicons: the words that say an event happened, each with its character span.

A trigger carries a *cue* (what kind of happening it names), not yet an ACLED sub-type: the
classifier (:mod:`geomap.events.classify`) combines the cues of one sentence with context (who
was targeted, whether it was a demonstration) to pick the sub-type, as an ACLED coder would.

Triggers inside background or reported intent ("accused Russia of bombing", "called for an
investigation into the attacks", "would attack", "any airstrike") are marked ``background``:
ACLED codes what happened, not what was alleged, demanded or threatened.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Cues.
CHEMICAL, SUICIDE, AIR, SHELL = "chemical", "suicide", "air", "shell"
IED, GRENADE, CLASH, FIRE = "ied", "grenade", "clash", "fire"
KILL, ATTACK, CAPTURE, WITHDRAW = "kill", "attack", "capture", "withdraw"
ABDUCT, SEXUAL, PROTEST, RIOT = "abduct", "sexual", "protest", "riot"
MOB, INTERVENE, ARREST, AGREEMENT = "mob", "intervene", "arrest", "agreement"
LOOT, DISRUPT, BASE, DEPLOY = "loot", "disrupt", "base", "deploy"
CHANGE, LIVE_FIRE = "change", "live_fire"

WEAPON_CUES = (CHEMICAL, SUICIDE, AIR, IED, GRENADE, SHELL)

_ATTACK_VERB = (r"(?:fired|fire|firing|launched|launching|struck|strike|hit|hitting|landed|fell|"
                r"targeted|targeting|attack\w*|slammed|impacted|rained|pounded|exploded|hits)")

_CAPTURE_VERBS = (r"(?:captured|seized|took (?:over|control of)|taken control of|gained control of|"
                  r"overran|overrun|retook|recaptured|regained(?: control of)?|liberated|"
                  r"took back|advanced (?:in)?to)(?!\s+(?:\w+ ){0,3}(?:vehicles?|trucks?|cars?|"
                  r"phones?|convoys?|drones?|boats?|cattle|livestock|weapons?|ammunition))")

#: (cue, pattern, strong). Weak triggers (generic nouns) make an event only with support: a
#: casualty figure, a date or a place tied to them in the same sentence.
_LEXICON: list[tuple[str, str, bool]] = [
    (CHEMICAL, r"chemical (?:weapons?|attacks?|agents?|munitions?)|chlorine(?: gas)?|sarin|"
               r"mustard gas|nerve agents?|poison(?:ous)? gas|toxic gas|anthrax|ricin", True),
    (SUICIDE, r"suicide (?:bomb\w*|attack\w*|vests?|belts?|car[- ]bomb\w*|blasts?|explosions?|"
              r"truck bomb\w*)|blew (?:himself|herself|themselves) up|SVBIEDs?|"
              r"self-detonat\w*", True),
    (AIR, r"air ?strikes?|air-strikes?|air ?raids?|air-raids?|aerial (?:bombardment|bombing|"
          r"attacks?|strikes?|assault)|drone (?:strikes?|attacks?)|(?:armed|combat|kamikaze|"
          r"suicide|attack|loitering) drones?|drones? (?:hit|struck|attacked|targeted|dropped|"
          r"fired|bombed)|UAV (?:strikes?|attacks?)|warplanes?|war ?planes|(?:fighter|military)"
          r" (?:jets?|aircraft|planes)|jets? (?:bombed|struck|pounded|hit|targeted)|helicopter "
          r"gunships?|(?:helicopters?|aircraft) (?:fired|attacked|struck|bombed|strafed)|"
          r"barrel bombs?|air forces? (?:carried out|conducted|struck|bombed|targeted)|"
          r"(?:carried out|conducted|launched) (?:an? )?(?:air|drone|aerial)|bombing (?:raids?|"
          r"runs?|sorties)|sorties|airstrik\w*|bombed from the air|(?:guided )?aerial bombs?|"
          r"guided bombs?|glide bombs?|dropped (?:[\w-]+ ){0,5}(?:from|by) (?:a |an )?(?:drones?|"
          r"UAVs?|quadcopters?|aircraft|helicopters?)", True),
    (SHELL, r"shell(?:ed|ing)|shells? (?:hit|landed|fell|struck|exploded|fired)|fired shells|"
            r"(?:indiscriminate|artillery|mortar|tank) shells?|artillery|mortars?|"
            r"howitzers?|MLRS|multiple rocket|Grads?|HIMARS|tank (?:fire|shells?)|"
            r"bombard(?:ed|ment|ing|ments)|(?:missile|rocket) (?:strikes?|attacks?|fire|barrage)|"
            r"projectiles|explosions (?:involving|were heard|observed)|pounded|"
            # Stand-off heavy weapons fired at positions are coded as shelling by ACLED; only
            # small arms make it a clash (checked in classify).
            r"(?:automatic )?grenade[- ]launchers?|AGLs?|RPGs?|rocket-propelled grenades?|"
            r"(?:heavy )?machine ?-?guns?|anti-?aircraft(?: guns?)?|ATGMs?|anti-tank (?:guided )?"
            r"(?:missiles?|weapons?)|guided missiles?|recoilless|IFVs?|BMP|"
            r"(?:armou?red )?vehicles? fired|came under fire|tanks? fired|cluster (?:shells?|"
            r"munitions?|rockets?|bombs?)", True),
    (SHELL, rf"(?:rockets?|missiles?|ballistic missiles?|cruise missiles?)(?=[^.;]{{0,40}}?\b"
            rf"{_ATTACK_VERB}\b)|{_ATTACK_VERB}(?: \w+){{0,4}} (?:rockets?|missiles?)", True),
    (IED, r"IEDs?|improvised explosive|roadside bombs?|land ?mines?|landmines?|mines? "
          r"(?:exploded|blast|explosion|went off)|(?:stepped on|hit|struck|ran over) an? "
          r"(?:land ?)?mine|explosive devices?|car[- ]bombs?|VBIEDs?|bomb (?:blast|exploded|"
          r"explosion|went off|attack)|bombs? (?:planted|placed|hidden|attached|exploded|"
          r"detonated)|(?:magnetic|sticky|time|parcel) bombs?|booby[- ]trap\w*|"
          r"unexploded (?:ordnance|munitions?|shells?)|UXOs?|explosives?-laden|detonated|"
          r"a bomb|bombing|bombings|bombed|RCIEDs?|PBIEDs?|blew up|blown up|blowing up", True),
    (IED, r"(?:explosions?|blasts?) (?:occurred|took place|went off|rocked|ripped through|"
          r"struck|hit)|explosives?[- ]drones?", True),
    (IED, r"(?:explosions?|blasts?)", False),
    (GRENADE, r"(?:hand )?grenades?(?! launchers?)(?!-launchers?)", True),
    (CLASH, r"clash(?:ed|es|ing)?|fighting|fought|gun ?fights?|gun ?battles?|fire ?fights?|"
            r"exchanges? of (?:[\w-]+ ){0,2}(?:fire|shelling)|exchanged (?:[\w-]+ ){0,2}fire|"
            r"(?:shelling|artillery|fire) exchanges?|skirmish\w*|ground (?:attacks?|assaults?)|"
            r"(?:thwarted|foiled|repelled|repulsed) (?:an? |the |their )?(?:[\w-]+ ){0,2}"
            r"(?:attack|assault|incursion|infiltration|advance)s?|incursions?|"
            r"assault actions|"
            r"launched (?:an? )?(?:\w+ )?(?:assault|offensive|attack) (?:on|against)|"
            r"responded to (?:[\w-]+ ){0,3}fire|"
            r"battl(?:ed|es|ing)|ambush\w*|engaged (?:in|with)|repulsed|repelled|"
            r"counter-?attack\w*|shoot-?outs?|armed confrontations?|"
            r"in both directions of the front ?line|(?:fire|shots) in both directions|"
            r"small arms|light weapons|infiltrat\w+|assaulted and|stormed|"
            r"(?:seized|captured|overran|overtook|overrun)(?= (?:\w+ ){0,3}(?:positions?|"
            r"check ?points?|posts?|outposts?|bases?|units?))", True),
    (CLASH, r"offensive|hostilities|confrontations?|combat\b|battle\b", False),
    (FIRE, r"opened fire|shot (?:and killed|dead|at)|shot(?! down)|shooting|gunmen|gunfire|"
           r"fired (?:at|on|upon|shots)|sniper(?: fire)?|gunned down|shoot(?:ing)? at|"
           r"fired (?:[\w-]+ ){0,3}(?:times|shots|rounds|bullets) (?:at|on|into)|"
           r"fired(?=(?: [\w-]+){0,6} (?:on|at|upon) (?:the )?(?:[\w'-]+ ){0,4}positions)", True),
    (KILL, r"killed|kills|kill|killing|murder(?:ed|s)?|assassinat\w+|executed|beheaded|stabbed|"
           r"hacked to death|beat(?:en)? to death|slaughtered|massacred?|"
           r"(?:bodies|body) (?:of|were|was) (?:found|recovered|discovered)|found dead|"
           # press-release euphemisms: "two terrorists were eliminated", "neutralized three
           # gunmen", "one soldier embraced martyrdom", "blew himself up"
           r"(?:(?<=were )|(?<=was )|(?<=been ))(?:eliminated|neutrali[sz]ed)|martyred|"
           r"(?:eliminated|neutrali[sz]ed)(?= (?:at least |up to )?(?:\d+|two|three|four|five|"
           r"six|seven|eight|nine|ten|several|dozens) )|embraced (?:martyrdom|shahadat)|"
           r"blew (?:himself|herself|themselves) up", True),
    (KILL, r"died|dead|deaths", False),
    (ATTACK, r"attack(?:ed|ing)|raid(?:ed|ing)|assault(?:ed|ing)|targeted|beat(?:en)? up|"
             r"(?:severely |brutally )?beaten|"
             r"tortured|torture|stabbing|(?:attempted|tried) to stab|"
             r"(?:rammed|drove) (?:\w+ ){0,3}(?:car|vehicle|truck|van|lorry)? ?(?:into|through)",
     True),
    (ATTACK, r"attacks?|raids?|assaults?|violence|operations?", False),
    (CAPTURE, rf"{_CAPTURE_VERBS}(?=\s+(?:the |a |an )?(?:\w+ )?(?:village|town|city|area|hill|"
              r"district|territory|control|airport|neighbou?rhood|region))|fell to|"
              r"under (?:the )?control of", True),
    (CAPTURE, rf"{_CAPTURE_VERBS}(?=\s+(?:the )?[A-Z])", True),
    (WITHDRAW, r"withdr[ae]w(?:n)? from|pulled out of|handed over (?:control|the)|"
               r"retreated from|evacuated (?:from )?(?:their|its) positions", True),
    (ABDUCT, r"abduct\w*|kidnap\w*|taken hostage|took (?:\w+ )?hostage|hostages?|"
             r"forcibly disappeared|enforced disappearance|held captive|went missing", True),
    (SEXUAL, r"rap(?:ed|ing)|rape|sexual(?:ly)? (?:assault\w*|abus\w*|violence|harass\w*|"
             r"exploit\w*)|gang-?raped?|molest\w*", True),
    (PROTEST, r"protest(?:ed|ers?|s|ing)?|demonstrat(?:e|ed|ions?|ors?|ing)|rall(?:y|ied|ies)|"
              r"sit-?ins?|(?:hunger|general|labou?r) "
              r"strikes?|went on strike|on strike|strikers|striking (?:workers|teachers|"
              r"doctors|nurses|staff)|picket\w*|gathered (?:to|in front|outside|at|near)|"
              r"vigils?|took to the streets|motorcades?|human chains?", True),
    (RIOT, r"riot(?:ed|ers?|s|ing)?|violent (?:protests?|demonstrations?)|(?:threw|hurled|"
           r"pelted|throwing|hurling) (?:\w+ )?(?:stones|rocks|petrol bombs?|molotov|bricks)|"
           r"stone-?pelting|burn(?:ed|t|ing) (?:\w+ )?(?:tyres|tires|objects|barricades)|"
           r"rampage\w*|running battles?|barricaded", True),
    (MOB, r"\bmobs?\b|lynch\w*|vigilantes?|angry (?:crowd|residents|villagers|youths?)|"
          r"mob justice|jungle justice", True),
    (INTERVENE, r"dispers\w+|tear ?gas|water cannons?|rubber bullets|batons?|"
                r"prevented|intervened|interfered|broke up|cordon\w*|attempted to arrest", True),
    (LIVE_FIRE, r"live (?:fire|ammunition|rounds|bullets)", True),
    (ARREST, r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|apprehended|taken into custody|"
             r"rounded up|nabbed|custody", True),
    (AGREEMENT, r"agreement|agreed|ceasefire|cease-fire|truce|peace (?:deal|accord|talks)|"
                r"signed (?:a|an) (?:deal|accord|agreement|pact)|prisoner (?:exchange|swap)|"
                r"released (?:\w+ )?(?:prisoners|detainees|hostages)|reconciliation|"
                r"exchanged (?:\w+ )?(?:prisoners|detainees|captives|bodies)", True),
    (LOOT, r"loot(?:ed|ing|s)?|pillag\w*|plunder\w*|burn(?:ed|t) (?:down )?(?:\w+ )?(?:houses?|"
           r"homes?|shops?|vehicles?|property|buildings?|schools?)|arson|demolish\w*|"
           r"destroy(?:ed|ing)|bulldoz\w*|confiscat\w*|seized (?:property|land|cattle|livestock|"
           r"goods|(?:a |an |the |\w+ )?(?:vehicles?|trucks?|cars?|motorbikes?|motorcycles?|boats?|"
           r"phones?))|property destruction|set(?:ting)? (?:on )?fire|set(?:ting)? ablaze|torched|"
           r"set(?:ting)? (?:[\w-]+ ){1,4}?(?:on fire|ablaze|alight)|incendiary (?:devices?|"
           r"bombs?|attacks?|balloons?|kites?)|fire-?bombs?|fire-?bomb(?:ed|ing)|"
           r"molotov cocktails?|(?:threw|hurled|launched) fireworks|"
           r"vandali[sz]\w*",
           True),
    (DISRUPT, r"defus\w*|dismantl\w*|safely (?:detonated|destroyed|disposed of)|"
              r"failed to (?:detonate|explode)|never (?:detonated|exploded)|"
              r"did not (?:detonate|explode)|"
              r"(?:found|discovered|seized|recovered) (?:an? )?(?:\w+ )?"
              r"(?:IEDs?|explosives?|weapons?|arms|ammunition|cache|mines?)|weapons? caches?|"
              r"intercepted|shot down|downed (?:an? )?(?:\w+ )?drones?|neutrali[sz]ed (?:an? )?"
              r"(?:drones?|bombs?|IEDs?)|cleared (?:\w+ )?(?:mines|explosives)|"
              r"(?:bomb|mine) disposal|(?:seized|confiscated|recovered) (?:[\w,'-]+ ){0,8}?"
              r"(?:ammunition|rifles?|weapons|grenades|explosives|arms|rockets)|prematurely|"
              r"controlled (?:detonation|explosion)|destroyed (?:\w+ ){0,4}(?:arms|weapons|"
              r"depots?|ammunition|caches?)", True),
    (BASE, r"(?:established|set up|opened|built) (?:a |an |its |their |new )*(?:military )?"
           r"(?:bases?|headquarters|HQ|camps?|outposts?|checkpoints?|positions?)", True),
    (DEPLOY, r"(?:reinforcements|troops|forces|fighters|tribesmen|militiamen|convoys?|"
             r"(?:ship|vessel)s? (?:[\w,-]+ ){0,6}(?:tanks|weapons|armou?red vehicles)) "
             r"(?:[\w-]+ ){0,4}?arrived", True),
    (DEPLOY, r"deploy(?:ed|s|ing|ment)|stationed|reinforcements|sent (?:\w+ )?troops|"
             r"moved (?:\w+ )?(?:troops|forces)|military build-?up|troop movements?", True),
    (CHANGE, r"recruit\w*|merged|defected|formed a new|announced (?:the )?(?:formation|creation)|"
             r"(?:established|built|set up|dug|reinforced) (?:new |their |its )?(?:fortifications?|"
             r"trenches|defensive (?:lines?|positions?))|"
             r"changed (?:its|their) name|graduat\w+|training camp|paraded|military parade|"
             r"joined (?:the )?(?:ranks of )?(?:militants|rebels|insurgents)|"
             r"surrendered|joint patrols?|convoys? (?:entered|arrived|crossed)|sealed off|"
             r"(?:heightened|tightened|stepped up) (?:their |its )?security|curfew|relocated|"
             r"withdr[ae]w(?:ing|n)? (?:\w+ ){0,4}(?:troops|forces|batteries|soldiers)", True),
    # Entries with capitals are matched case-sensitively: "marched" but not the month "March",
    # "joined the Taliban" but not "joined the talks".
    (PROTEST, r"march(?:ed|es|ing)?(?! \d)|March(?:ed|ing)", True),
    (CHANGE, r"joined (?:the )?(?:ranks of )?[A-Z]\w+", True),
]
_CASE_SENSITIVE = {"IEDs?", "MLRS", "HIMARS", "Grads?", "RPGs?", "SVBIEDs?", "VBIEDs?", "UXOs?",
                   "AGLs?", "ATGMs?", "IFVs?", "BMP", "RCIEDs?", "PBIEDs?"}


def _compile(pattern: str) -> tuple[re.Pattern[str], bool]:
    """(compiled pattern, whether it runs on the lower-cased text).

    Lower-case patterns on a lower-cased copy run ~2.5x faster than IGNORECASE in Python's re;
    the few patterns that test capitals run case-sensitively on the original text.
    """
    if "[A-Z]" in pattern or "March" in pattern:
        return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])"), False
    return re.compile(rf"(?<![\w-])(?:{pattern.lower()})(?![\w])"), True


_COMPILED = [(cue, *_compile(pattern), strong) for cue, pattern, strong in _LEXICON]
_WORD_START = r"(?<![\w-])"
_LOWER_ENTRIES = [k for k, (_, _, on_lower, _) in enumerate(_COMPILED) if on_lower]
_GATE = re.compile(_WORD_START + "(?=" + "|".join(
    f"(?:{_COMPILED[k][1].pattern.removeprefix(_WORD_START)})" for k in _LOWER_ENTRIES) + ")")

#: Background cues: a trigger after one of these, in the same clause, is not coded.
_BACKGROUND = re.compile(
    r"\b(?:accus\w+|allegations? (?:of|that)|alleged(?:ly)? (?:responsible|carried)|"
    r"call(?:ed|s|ing)? for|condemn\w*|denied|denies|deny|denying|investigat\w+ (?:into|of)|"
    r"warn(?:ed|s|ing)?|threat\w*|would|will|could|might|may|plan(?:s|ned|ning)? to|vow\w*|"
    r"intend\w*|if|any|possib\w+|risk of|fears? of|feared|prevent\w*|aimed at|meant to|"
    r"explanation for|responsib\w+ for|blamed|ready to|prepar\w+ to|want(?:s|ed)? to|"
    r"demand(?:ed|s|ing)? (?:an? |the )?(?:end|halt|stop)|against the|anniversary|memorial|"
    r"commemorat\w+|trial|sentenced|convicted|charged with|court|since the|ended the|"
    r"in (?:the )?(?:wake|aftermath) of|history of|the (?:day|year|week) of|ban(?:ned)? on|"
    r"reject\w*|refus\w*|opposed|opposes|opposing|propos\w+|failed to|lift(?:ed|ing|s)?|"
    r"suing|sued|complain\w*|efforts? to|appeal(?:ed)? for|offer(?:ed)? to|urg(?:ed|ing|es)|"
    r"demanding that|in retaliation for)\b",
    re.IGNORECASE,
)
#: Where a background cue's reach ends: a new clause that reports its own facts.
_CLAUSE_BREAK = re.compile(
    r"[;:\"“”()\[\]]|,\s|\b(?:after|when|as|while|but|following|before|whereas|and then)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger word or phrase: text[start:end], the cue it names, and how reliable it is."""

    start: int
    end: int
    cue: str
    strong: bool
    background: bool = False


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Triggers in text[start:end] (a sentence), longest match first, no overlaps, in order."""
    end = len(text) if end is None else end
    return find_triggers_by_sentence(text, [(start, end)])[0] if end > start else []


def find_triggers_by_sentence(text: str, sentences: list[tuple[int, int]]
                              ) -> list[list[Trigger]]:
    """:func:`find_triggers` for every sentence.

    The lower-case lexicon entries are found through one gate: a zero-width scan for the word
    starts where *some* entry matches, then each entry tried there alone. Triggers are sparse, so
    this is ~2x cheaper than a pass per entry, and it finds exactly the same matches (an entry's
    next match starts after its previous one ends, as with ``finditer``).
    """
    if not sentences:
        return []
    starts = [s for s, _ in sentences]
    first, last = sentences[0][0], sentences[-1][1]
    found: list[tuple[int, int, int]] = []  # (lexicon entry, start, end)
    lowered: str | None = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = None
    if lowered is not None:
        until = [0] * len(_COMPILED)
        for gate in _GATE.finditer(lowered, first, last):
            pos = gate.start()
            for k in _LOWER_ENTRIES:
                if pos < until[k]:
                    continue
                match = _COMPILED[k][1].match(lowered, pos, last)
                if match is not None:
                    found.append((k, match.start(), match.end()))
                    until[k] = max(match.end(), pos + 1)
    for k, (_, pattern, on_lower, _) in enumerate(_COMPILED):
        if on_lower and lowered is not None:
            continue
        if on_lower:
            pattern = re.compile(pattern.pattern, re.IGNORECASE)
        found.extend((k, m.start(), m.end()) for m in pattern.finditer(text, first, last))
    buckets: list[list[tuple[int, int, str, bool]]] = [[] for _ in sentences]
    for k, start, end in sorted(found):
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or end > sentences[index][1]:
            continue  # a match across a sentence break is not a trigger
        cue_name, pattern, _, strong = _COMPILED[k]
        if _case_ok(text[start:end], pattern.pattern):
            buckets[index].append((start, end, cue_name, strong))
    return [_resolve(text, sentences[i][0], bucket) for i, bucket in enumerate(buckets)]


def _resolve(text: str, start: int, candidates: list[tuple[int, int, str, bool]]
             ) -> list[Trigger]:
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    for s, e, cue, strong in candidates:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        found.append(Trigger(s, e, cue, strong, _in_background(text, start, s)))
    found.sort(key=lambda t: t.start)
    return found


def _case_ok(matched: str, pattern: str) -> bool:
    """Acronyms (IED, MLRS, RPG ...) count only in capitals: "grads" or "rpg" are other words."""
    if matched.isupper() or not any(acronym.lower() in pattern.lower()
                                    for acronym in _CASE_SENSITIVE):
        return True
    return not re.fullmatch(r"(?:ieds?|mlrs|himars|grads?|rpgs?|svbieds?|vbieds?|uxos?|agls?|"
                            r"atgms?|ifvs?|bmp|rcieds?|pbieds?)",
                            matched.lower())


def _in_background(text: str, sentence_start: int, trigger_start: int) -> bool:
    clause_start = sentence_start
    for brk in _CLAUSE_BREAK.finditer(text, sentence_start, trigger_start):
        clause_start = brk.end()
    return _BACKGROUND.search(text, clause_start, trigger_start) is not None
