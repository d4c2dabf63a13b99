"""From one clause's triggers to an ACLED sub_event_type, with ACLED's precedence rules.

- A demonstration is coded as a protest or riot even when violence follows; force used on it
  decides the sub-type (intervention: dispersal, tear gas, arrests; excessive force: lethal
  force; a violent crowd: violent demonstration; a crowd attacking people: mob violence).
- Remote weapons decide Explosions/Remote violence: chemical > suicide bomb > air/drone > IED >
  grenade > shelling. Shelling or air strikes within a fight (an offensive repelled, a clash)
  are a Battle (ACLED: "armed clash" covers clashes where artillery or air support is used).
- Territory changes hands: government (state) forces regaining it, or a non-state actor taking it.
- Killing, shooting or attacking is a Battle when the target is armed (soldiers, police, fighters,
  positions), otherwise Violence against civilians / Attack.
- Strategic developments are coded only when nothing violent is in the clause. Troop and weapon
  deployments are "Change to group/activity": ACLED codes movements of forces and security
  measures there ("Movement of forces: ..." notes), and reserves "Headquarters or base
  established" for a base or headquarters being set up, which the lexicon recognises apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from geomap.events import taxonomy as t
from geomap.events import triggers as cue
from geomap.events.actors import UNIDENTIFIED, is_state_actor
from geomap.events.casualties import Casualties
from geomap.events.triggers import Trigger
from geomap.lexicons import ENGLISH, Lexicon, built_from
from geomap.lexicons.phrases import compile_phrases, require


@dataclass(frozen=True, slots=True)
class _Targets:
    """One lexicon's target words: who bears arms or where armed people stand (armed), who
    and what does not (civilian), who no longer bears arms (off duty: someone retired or
    unarmed is a civilian to ACLED), attacks "on" an armed post, who a crowd is, and the
    words for unidentified attackers (the actor lexicon's "Unidentified armed group")."""

    armed: re.Pattern[str]
    civilian: re.Pattern[str]
    off_duty: re.Pattern[str]
    armed_object: re.Pattern[str]
    crowd: re.Pattern[str]
    perpetrator: re.Pattern[str]
    carrier: re.Pattern[str]
    person: re.Pattern[str]
    thing: re.Pattern[str]
    weapons: tuple[tuple[str, str], ...]  # remote weapons in ACLED's precedence
    strategic: tuple[tuple[str, str], ...]
    passive: re.Pattern[str]  # cues.toml's [grammar], as named there
    went_off: re.Pattern[str]
    safely: re.Pattern[str]
    grievance: re.Pattern[str]
    clause_end: re.Pattern[str]


#: A target word names the target only as a head noun: not as a possessive ("the mayor's
#: guards") or the first half of a hyphenated adjective ("military-appointed").
_HEAD = r"(?![-‐]\w|['’]s\b)"


_CUE_PHRASES = ("attack_on", "carrier", "passive", "went_off", "safely", "grievance", "clause_end")


def _targets(lexicon: Lexicon) -> _Targets:
    armed_nouns = f"(?:{'|'.join(lexicon.armed_target)})"
    g = require(compile_phrases(lexicon, "cues.toml [grammar]", lexicon.cue_grammar,
                                {"armed": armed_nouns, "things": "|".join(lexicon.things)}),
                _CUE_PHRASES, lexicon, "cues.toml [grammar]")
    return _Targets(
        re.compile(rf"\b{armed_nouns}\b{_HEAD}", re.IGNORECASE),
        re.compile(rf"\b(?:{'|'.join(lexicon.civilian_target)})\b{_HEAD}", re.IGNORECASE),
        re.compile("|".join(rf"\b{words}\b" for words in lexicon.not_armed) +
                   rf"|\b(?:{'|'.join(lexicon.no_longer)})\s?(?:[\w-]+ )?"
                   rf"(?:{'|'.join(lexicon.formerly_armed)})\b", re.IGNORECASE),
        g["attack_on"],
        re.compile(rf"\b(?:{'|'.join(lexicon.crowd)})\b", re.IGNORECASE),
        re.compile("|".join(rf"\b(?:{p})\b" for p, name in lexicon.generic_actors
                            if name == UNIDENTIFIED), re.IGNORECASE),
        g["carrier"],
        re.compile(rf"\b(?:{'|'.join(lexicon.person)}|{armed_nouns})\b{_HEAD}", re.IGNORECASE),
        re.compile(rf"\b(?:{'|'.join(lexicon.things)})\b{_HEAD}", re.IGNORECASE),
        lexicon.weapons, lexicon.strategic,
        g["passive"], g["went_off"], g["safely"], g["grievance"], g["clause_end"])


def target_is_armed(text: str, start: int, end: int, trigger: Trigger,
                    lexicon: Lexicon = ENGLISH) -> bool:
    """Who was hit: the subject of a passive verb ("1 soldier was killed"), else the first armed
    or civilian noun after the trigger, else the last one before it that does not name the
    attackers ("Gunmen shot a cleric": the gunmen are the subject of the shooting, not its
    target, so a victim the lexicon does not know is taken as a civilian)."""
    words = built_from(lexicon, _targets)
    if words.off_duty.search(text, start, end):
        return False
    before = text[start:trigger.start]
    if words.passive.search(before):
        # "a village headman was shot by rebels": the subject is the target and the "by"
        # phrase the perpetrator. A subject naming any armed victim makes it a battle, as does
        # an attack "on a guard post"; otherwise the victims are taken as civilians. The subject
        # is in the verb's own sentence: in "Gunmen torched a house. Six civilians were killed."
        # the gunmen are the attackers, not the dead.
        sentences = list(_SENTENCE_END.finditer(before))
        subject = before[sentences[-1].end():] if sentences else before
        return bool(words.armed.search(subject) or
                    words.armed_object.search(text, trigger.end, end))
    after = text[trigger.end:end]
    # "a bus carrying soldiers", "the home of a judge": who was in it or owned it decides
    carried = words.carrier.search(after)
    for window in ([after[carried.end():]] if carried else []) + [after]:
        armed, civilian = words.armed.search(window), words.civilian.search(window)
        if armed and (not civilian or armed.start() <= civilian.start()):
            return True
        if civilian:
            return False
    return bool(_last_noun(before, words))


def by_harm(sub: str, text: str, trigger: Trigger, casualties: Casualties,
            lexicon: Lexicon = ENGLISH) -> str:
    """The sub-event type once the event's casualties are known (ACLED's rule for property):
    looting or destruction is coded as such only "outside the context of other forms of
    violence", so one that killed or hurt people is an attack on them; and an attack on a thing
    (a truck, a party office, a pylon) that the text says harmed nobody is property
    destruction. The figures are those read (0 only where the text says nobody was harmed)."""
    killed, hurt = casualties.fatalities, casualties.injured
    if sub == t.LOOTING and (killed or hurt):
        return t.ATTACK
    if sub == t.ATTACK and killed == 0 and hurt == 0 and _property_target(text, trigger, lexicon):
        return t.LOOTING
    return sub


def _property_target(text: str, trigger: Trigger, lexicon: Lexicon) -> bool:
    """The trigger's object, within its sentence, is a thing nobody lives or rides in: a thing
    ("trucks", "a polling station", "party headquarters") comes before any person, and it is
    not a home, a village or a passenger vehicle, where an attack is on the people inside."""
    words = built_from(lexicon, _targets)
    stop = _SENTENCE_END.search(text, trigger.end)
    window = text[trigger.end:stop.start() if stop else len(text)]
    thing = words.thing.search(window)
    if thing is None or words.civilian.match(window, thing.start()):
        return False
    person = words.person.search(window, 0, thing.start()) or \
        words.civilian.search(window, 0, thing.start())
    return person is None


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _last_noun(window: str, words: _Targets) -> bool | None:
    armed = [m.start() for m in words.armed.finditer(window)
             if not words.perpetrator.match(window, m.start())]
    civilian = [m.start() for m in words.civilian.finditer(window)]
    if not armed and not civilian:
        return None
    return (armed[-1] if armed else -1) > (civilian[-1] if civilian else -1)


def classify(text: str, start: int, end: int, triggers: list[Trigger],
             actor1: str | None = None, weapon_context: str | None = None, *,
             crowd: bool = False, lexicon: Lexicon = ENGLISH) -> str | None:
    """The ACLED sub_event_type for a clause with these (foreground) triggers, or None.

    ``crowd`` says the text is about a demonstration or crowd (ACLED notes give its size):
    without a protest, a crowd's violence is mob violence.
    """
    cues = {tr.cue for tr in triggers}
    if not cues:
        return None
    words = built_from(lexicon, _targets)
    if cue.AFTERMATH in cues:
        triggers = _aftermath(triggers)
        cues = {tr.cue for tr in triggers}
    if cues & {cue.RIOT, cue.CRUDE} and cue.PROTEST not in cues and not crowd:
        triggers = _armed_throwers(text, start, triggers, words)
        cues = {tr.cue for tr in triggers}
    if cue.CRUDE in cues:
        # thrown by demonstrators: a riot; by a crowd outside a demonstration: a mob's
        # destruction (mob violence)
        thrown = cue.LOOT if crowd and cue.PROTEST not in cues else cue.RIOT
        triggers = [_as(tr, thrown) if tr.cue == cue.CRUDE else tr for tr in triggers]
        cues = {tr.cue for tr in triggers}
    first_of = {c: min(tr.start for tr in triggers if tr.cue == c) for c in cues}
    protest = _protest_type(text, triggers, cues, first_of, words)
    if protest:
        return protest
    if crowd:
        if cues & {cue.CLASH, cue.ATTACK, cue.KILL, cue.FIRE, cue.LOOT, cue.RIOT, cue.MOB}:
            return t.MOB_VIOLENCE
        return t.PEACEFUL_PROTEST
    if cue.DISRUPT in cues and cues & {cue.IED, cue.SHELL, cue.AIR, cue.GRENADE, cue.SUICIDE}:
        disrupt_at = first_of[cue.DISRUPT]
        # a device that went off while being defused or intercepted exploded all the same
        went_off = words.went_off.search(text, start, end) and \
            not words.safely.search(text, start, end)
        if not (cues & {cue.KILL} and first_of[cue.KILL] < disrupt_at) and not went_off:
            return t.DISRUPTED_WEAPONS
    gun_attack = _gun_attack(text, cues, triggers)
    for weapon, sub in words.weapons:
        if weapon in cues and _weapon_applies(weapon, cues, triggers, first_of) and not (
                gun_attack and weapon in _THROWN_OR_FIRED):
            return sub
    if cue.CAPTURE in cues:
        return t.GOVERNMENT_REGAINS if is_state_actor(actor1) else t.NON_STATE_OVERTAKES
    if cue.SEXUAL in cues:
        return t.SEXUAL_VIOLENCE
    if cue.ABDUCT in cues:
        return t.ABDUCTION
    if cue.CLASH in cues and any(tr.cue == cue.CLASH and tr.strong for tr in triggers):
        return t.ARMED_CLASH
    if cue.INTERVENE in cues and not cues & {cue.ARREST}:
        # tear gas or rubber bullets fired at people who were not demonstrating
        violent_force = [tr for tr in triggers if tr.cue == cue.INTERVENE]
        armed = target_is_armed(text, start, end, violent_force[0], lexicon)
        return t.ARMED_CLASH if armed else t.ATTACK
    if cue.LOOT in cues and not cues & {cue.KILL, cue.FIRE, cue.SEXUAL}:
        return t.LOOTING  # "raided and torched a granary": property, not people, was hit
    violent = [tr for tr in triggers if tr.cue in {cue.FIRE, cue.KILL, cue.ATTACK} and tr.strong]
    if violent:
        if weapon_context and not (cues & {cue.FIRE}):
            return weapon_context
        armed = target_is_armed(text, start, end, violent[0], lexicon)
        return t.ARMED_CLASH if armed else t.ATTACK
    for strategic, sub in words.strategic:
        if strategic in cues:
            return sub
    weak = [tr for tr in triggers if tr.cue in {cue.KILL, cue.ATTACK, cue.CLASH}]
    if weak:
        if weapon_context:
            return weapon_context
        if any(tr.cue == cue.CLASH for tr in weak):
            return t.ARMED_CLASH
        armed = target_is_armed(text, start, end, weak[0], lexicon)
        return t.ARMED_CLASH if armed else t.ATTACK
    return None


def _aftermath(triggers: list[Trigger]) -> list[Trigger]:
    """"Gunmen attacked a village; two policemen were killed in the ensuing clash": the clash
    that followed is not what the attack was (ACLED records an attack on civilians apart from
    the battle it led to), so it counts only when no violence is named before it."""
    first = min(tr.start for tr in triggers if tr.cue == cue.AFTERMATH)
    told = any(tr.strong and tr.start < first and tr.cue in _VIOLENT for tr in triggers)
    return [tr for tr in triggers if tr.cue != cue.AFTERMATH] if told else [
        Trigger(tr.start, tr.end, cue.CLASH, True, tr.background) if tr.cue == cue.AFTERMATH
        else tr for tr in triggers]


_VIOLENT = frozenset({cue.FIRE, cue.KILL, cue.ATTACK, cue.CLASH, cue.CAPTURE, cue.ABDUCT,
                      *cue.WEAPON_CUES})


def _armed_throwers(text: str, start: int, triggers: list[Trigger],
                    words: _Targets) -> list[Trigger]:
    """"Gunmen threw stones at a police post": stones thrown by an armed group's men (the actor
    lexicon's unidentified attackers), with no crowd or protest named, are their attack, not a
    riot (ACLED's rioters are an unorganised crowd); petrol bombs they throw destroy property
    (ACLED: crude bombs are no explosives), an attack only if they harm someone."""
    first = min(tr.start for tr in triggers if tr.cue in {cue.RIOT, cue.CRUDE})
    if not words.perpetrator.search(text, start, first):
        return triggers
    return [_as(tr, cue.ATTACK) if tr.cue == cue.RIOT else _as(tr, cue.LOOT)
            if tr.cue == cue.CRUDE else tr for tr in triggers]


def _as(trigger: Trigger, new_cue: str) -> Trigger:
    return Trigger(trigger.start, trigger.end, new_cue, True, trigger.background)


#: Explosives thrown or fired by men on the ground (GTD's "grenades, projectiles ... that are
#: thrown"), as against bombs planted, strikes from the air and suicide attacks.
_THROWN_OR_FIRED = frozenset({cue.GRENADE, cue.SHELL})


_SAME_BREATH = 40  # characters between an explosive and the gunfire that goes with it


def _gun_attack(text: str, cues: set[str], triggers: list[Trigger]) -> bool:
    """An assault made with guns too ("attacked a post with rifles and grenades") or a gun
    battle, and no bomb, air strike or suicide attack: grenades or rockets are then part of the
    assault, which ACLED codes by its target (an armed clash covers clashes in which heavy
    weapons are used; GTD codes it "as an armed assault only"). Gunfire alone is not enough:
    "fired mortars at the positions" is the mortars' own firing."""
    if cues & {cue.IED, cue.SUICIDE, cue.AIR, cue.CHEMICAL}:
        return False
    strong = {tr.cue for tr in triggers if tr.strong}
    if cue.CLASH in strong or (cue.GUNS in cues and bool(strong & {cue.ATTACK, cue.FIRE})):
        return True
    # "threw a grenade and opened fire", "fired mortars, then opened fire": gunfire right after
    # the explosive, in the same breath (gunfire named first is the explosive's own firing,
    # "fired mortars at"; gunfire told later may be another side's)
    thrown = [tr.end for tr in triggers if tr.cue in _THROWN_OR_FIRED]
    return any(tr.strong and tr.cue == cue.FIRE and 0 <= tr.start - end <= _SAME_BREATH
               and not _SENTENCE_END.search(text, end, tr.start)
               for tr in triggers for end in thrown)


def _weapon_applies(weapon: str, cues: set[str], triggers: list[Trigger],
                    first_of: dict[str, int]) -> bool:
    strong = any(tr.cue == weapon and tr.strong for tr in triggers)
    if weapon in {cue.SHELL, cue.AIR} and cue.CLASH in cues and any(
            tr.cue == cue.CLASH and tr.strong for tr in triggers):
        return False  # artillery or air support within a fight: the fight is the event
    if not strong:  # "an explosion": a remote explosive only when nothing more specific is said
        return not (cues & {cue.CLASH, cue.FIRE, cue.ATTACK, cue.KILL} and any(
            tr.strong and tr.cue in {cue.CLASH, cue.FIRE} for tr in triggers))
    return True


def _is_grievance(text: str, crowd_at: int, trigger_at: int, words: _Targets) -> bool:
    """True when the trigger is what the crowd protests about ("against the arrest of ...")."""
    markers = list(words.grievance.finditer(text, crowd_at, trigger_at))
    if not markers:
        return False
    gap = text[markers[-1].end():trigger_at]
    return len(gap) < 100 and not words.clause_end.search(gap)



def _aimed_at_crowd(text: str, crowd_at: int, trigger: Trigger, words: _Targets) -> bool:
    """An arrest in a later sentence is an intervention only when it names the crowd ("The
    union leader had been detained over a fraud charge" is the grievance's background)."""
    if trigger.cue != cue.ARREST or not re.search(r"[.!?]\s", text[crowd_at:trigger.start]):
        return True
    return bool(words.crowd.search(text, max(0, trigger.start - 60), trigger.end + 60))


def _protest_type(text: str, triggers: list[Trigger], cues: set[str],
                  first_of: dict[str, int], words: _Targets) -> str | None:
    crowd = cues & {cue.PROTEST, cue.RIOT, cue.MOB}
    if not crowd:
        return None
    crowd_at = min(first_of[c] for c in crowd)
    # "protested against the arrest of ...": the arrest is the grievance, not an intervention.
    kept = [tr for tr in triggers if tr.cue in crowd or tr.start < crowd_at or (
            not _is_grievance(text, crowd_at, tr.start, words)
            and _aimed_at_crowd(text, crowd_at, tr, words))]
    cues = {tr.cue for tr in kept}
    weapons = cues & {cue.AIR, cue.SHELL, cue.IED, cue.SUICIDE, cue.CHEMICAL, cue.GRENADE}
    if weapons and min(first_of[c] for c in weapons) < crowd_at:
        return None  # the strike is the event; a protest about it comes after
    if cue.MOB in cues:
        return t.MOB_VIOLENCE
    if cue.PROTEST not in cues:
        return t.VIOLENT_DEMONSTRATION if cue.RIOT in cues else None
    if cue.LIVE_FIRE in cues or (cues & {cue.KILL} and cues & {cue.FIRE, cue.INTERVENE}):
        return t.EXCESSIVE_FORCE
    strong = {tr.cue for tr in kept if tr.strong}
    if strong & {cue.RIOT, cue.LOOT, cue.CLASH} or (
            cue.ATTACK in strong and cue.INTERVENE not in cues):
        return t.VIOLENT_DEMONSTRATION
    if cues & {cue.INTERVENE, cue.ARREST, cue.FIRE}:
        return t.PROTEST_WITH_INTERVENTION
    return t.PEACEFUL_PROTEST
