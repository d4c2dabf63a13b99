"""`geomap eval events`: event type, casualties and place against ACLED, GTD and PLOVER records.

Each record's text is one article; the first event extracted is compared with the record (ACLED
notes and GTD summaries describe one event each). Metrics follow ../shared/eval/METRICS.md.

GTD codes attack types, not ACLED types; the crosswalk below maps them (documented per row), and
only mapped records count toward the type agreement. GTD leaves nkill/nwound empty when the toll
is unknown; we compare null with null. ACLED codes an unknown toll as 0, so for ACLED a missing
prediction counts as 0. Injuries: GTD codes nwound 0 when a report names no injured, while we
leave injured null when the text gives no number (ACLED's coders leave injuries uncoded), so a
null injured prediction matches a gold 0 (and a gold null, as before).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from geomap.events import extract_events, taxonomy
from geomap.events.acled_columns import inter_code
from geomap.geodesy import haversine_km
from geomap.model import Article, Event

_GTD_MILITARY_TARGETS = {"Military", "Police", "Terrorists/Non-State Militia"}
#: GTD weapon types that ACLED codes as Chemical weapon (Explosions/Remote violence).
_CHEMICAL_WEAPONS = {"Chemical", "Biological"}
#: GTD attack types coded by their target (ACLED's battle or attack).
_BY_TARGET = frozenset({"Armed Assault", "Assassination"})
#: GTD attack types whose explosive weapon makes the incident an explosion to ACLED.
_BY_METHOD = {"Assassination", "Facility/Infrastructure Attack"}


def gtd_to_acled(record: dict[str, Any]) -> str | None:
    """The ACLED event_type a GTD incident corresponds to, or None when GTD does not say.

    GTD codes one attack type per incident by a hierarchy (Assassination > Hijacking >
    Kidnapping > Barricade > Bombing/Explosion > Armed Assault > Unarmed Assault >
    Facility/Infrastructure Attack) and the weapon apart; ACLED codes the method of violence.

    - Bombing/Explosion, or an Assassination or Facility/Infrastructure Attack made with
      explosives (the codebook codes "an assassination carried out through the use of an
      explosive" as Assassination, and a facility attack excludes explosives) ->
      Explosions/Remote violence (ACLED codes the method whoever the target), but a bombing that
      was defused or intercepted (GTD success 0, which for a bombing means no detonation) ->
      Strategic developments (ACLED's Disrupted weapons use).
    - A chemical or biological weapon, whatever the attack type (GTD codes its use as an Unarmed
      Assault) -> Explosions/Remote violence: ACLED's Chemical weapon sub-event type covers "all
      substances listed as Schedule 1 of the Chemical Weapons Convention, including sarin gas,
      mustard gas, chlorine gas, and anthrax".
    - An Armed Assault, Assassination or Bombing/Explosion made with an incendiary weapon (arson,
      petrol bombs, Molotov cocktails) -> Strategic developments when nobody was killed or
      wounded, else the target rule below: ACLED records such "crude bombs" not as explosions
      but as Riots or Strategic developments, and destroying property as Looting/property
      destruction.
    - Armed Assault / Assassination -> Battles when the target is armed (military, police,
      militia), else Violence against civilians (ACLED's target rule). An Armed Assault whose
      first weapon is an explosive stays an assault: the codebook puts there the attacks with
      "grenades, projectiles, and unknown or other explosive devices that are thrown" made
      together with firearms, incendiaries or blades, and codes them "as an armed assault only";
      ACLED likewise codes a fight in which grenades or rockets are used as the fight.
    - Hostage Taking, Hijacking, Unarmed Assault -> Violence against civilians, whatever the
      weapon (the codebook ranks them above Bombing/Explosion: taking people is the attack).
    - Facility/Infrastructure Attack otherwise -> Strategic developments (ACLED's
      Looting/property destruction), unless people were killed or wounded: ACLED records
      looting or property destruction only "outside the context of other forms of violence",
      so one that harmed people follows the target rule above.
    - Unknown -> None (excluded).
    """
    attack = record.get("event_type") or "Unknown"
    weapon = record.get("sub_event_type") or ""
    extra = record.get("extra") or {}
    target = extra.get("targtype1") or ""
    harmed = bool(record.get("fatalities")) or bool(record.get("injured"))
    if weapon in _CHEMICAL_WEAPONS:
        return taxonomy.EXPLOSIONS
    if weapon == "Incendiary" and attack in _BY_TARGET | {"Bombing/Explosion"}:
        # fire and crude bombs are no explosives to ACLED: property destruction, or an attack
        # on the people it harmed
        return taxonomy.STRATEGIC if not harmed else _by_target(target)
    if attack == "Bombing/Explosion" or (weapon == "Explosives" and attack in _BY_METHOD):
        # A bombing's success (GTD codebook) is its detonation: one defused or intercepted
        # (success 0) is what ACLED codes as Strategic developments (Disrupted weapons use). An
        # assassination's success is the target's death, so there success 0 says nothing about
        # the device: it is coded as exploded.
        defused = attack == "Bombing/Explosion" and str(extra.get("success")) == "0"
        return taxonomy.STRATEGIC if defused else taxonomy.EXPLOSIONS
    if attack in _BY_TARGET or (attack == "Facility/Infrastructure Attack" and harmed):
        return _by_target(target)
    if attack.startswith("Hostage Taking") or attack in {"Hijacking", "Unarmed Assault"}:
        return taxonomy.VIOLENCE_AGAINST_CIVILIANS
    if attack == "Facility/Infrastructure Attack":
        return taxonomy.STRATEGIC
    return None


def _by_target(target: str) -> str:
    """ACLED's target rule: violence against armed men is a battle, against others an attack."""
    return taxonomy.BATTLES if target in _GTD_MILITARY_TARGETS else \
        taxonomy.VIOLENCE_AGAINST_CIVILIANS


#: PLOVER event -> the ACLED event types that code the same happening; "none" = not an ACLED
#: event (statements, demands, threats ...).
PLOVER_TO_ACLED: dict[str, set[str]] = {
    "FIGHT": {taxonomy.BATTLES, taxonomy.EXPLOSIONS},
    "ASSAULT": {taxonomy.VIOLENCE_AGAINST_CIVILIANS, taxonomy.EXPLOSIONS, taxonomy.BATTLES},
    "PROTEST": {taxonomy.PROTESTS, taxonomy.RIOTS},
    "COERCE": {taxonomy.STRATEGIC, taxonomy.VIOLENCE_AGAINST_CIVILIANS},
    "MOBILIZE": {taxonomy.STRATEGIC},
}
PLOVER_NON_EVENTS = {"DEMAND", "REJECT", "DISAPPROVE", "THREATEN", "SUPPORT", "CONSULT",
                     "INVESTIGATE", "CONCEDE", "AID", "SANCTION", "COOPERATE", "RETREAT"}


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _corpus(record: dict[str, Any]) -> str:
    source = (record.get("source") or "").lower()
    if source.startswith("acled"):
        return "acled"
    if source.startswith("gtd"):
        return "gtd"
    if source.startswith("plover"):
        return "plover_gsr"
    return source or "other"


def _published(record: dict[str, Any]) -> date | None:
    return None  # the notes carry their dates; the gold date is never given to the extractor


def _first(events: list[Event]) -> Event | None:
    return events[0] if events else None


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def _macro_f1(pairs: list[tuple[str, str]]) -> float | None:
    labels = {gold for gold, _ in pairs}
    if not labels:
        return None
    scores = []
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return round(sum(scores) / len(scores), 4)


class _Location:
    def __init__(self) -> None:
        self.total = self.within25 = self.within161 = self.missing = 0

    def add(self, gold: dict[str, Any], event: Event | None) -> None:
        self.total += 1
        if event is None or event.lat is None or event.lon is None:
            self.missing += 1
            return
        km = haversine_km(gold["lat"], gold["lon"], event.lat, event.lon)
        self.within25 += km < 25
        self.within161 += km < 161

    def report(self) -> dict[str, Any]:
        return {"n": self.total, "within_25km": _share(self.within25, self.total),
                "within_161km": _share(self.within161, self.total),
                "unmapped": _share(self.missing, self.total)}


def _fatality_scores(pairs: list[tuple[int | None, int | None]]) -> dict[str, Any]:
    exact = sum(1 for g, p in pairs if g == p)
    within = sum(1 for g, p in pairs if g == p or (
        g is not None and p is not None and abs(g - p) <= 0.1 * g))
    zero_gold = [(g, p) for g, p in pairs if not g]
    zero_agree = sum(1 for _, p in zero_gold if not p)
    return {"n": len(pairs), "exact": _share(exact, len(pairs)),
            "within_10pct": _share(within, len(pairs)),
            "zero_agreement": _share(zero_agree, len(zero_gold))}


def evaluate_events(records: Iterable[dict[str, Any]], *, limit: int | None = None,
                    extract=extract_events) -> dict[str, Any]:
    """Metrics per corpus (acled, gtd, plover_gsr) for the records given."""
    state: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(list))
    for index, record in enumerate(records):
        if limit is not None and index >= limit:
            break
        if "event_type" not in record:
            continue  # nothing to score it against: a file of plain articles scores nothing
        corpus = _corpus(record)
        article = Article(id=str(record["id"]), text=record.get("text") or "",
                          published=_published(record), source=record.get("source"))
        event = _first(extract(article))
        state[corpus]["rows"].append((record, event))
    report: dict[str, Any] = {}
    for corpus, data in state.items():
        rows = data["rows"]
        if corpus == "acled":
            report[corpus] = _acled_report(rows)
        elif corpus == "gtd":
            report[corpus] = _gtd_report(rows)
        elif corpus == "plover_gsr":
            report[corpus] = _plover_report(rows)
        else:
            report[corpus] = _labelled_report(rows)
    return report


def _type_of(event: Event | None) -> str:
    return event.event_type if event else "none"


def _sub_of(event: Event | None) -> str:
    return event.sub_event_type if event else "none"


def _acled_report(rows: list[tuple[dict, Event | None]]) -> dict[str, Any]:
    type_pairs = [(r["event_type"], _type_of(e)) for r, e in rows]
    sub_pairs = [(r["sub_event_type"], _sub_of(e)) for r, e in rows]
    confusion: dict[str, Counter] = defaultdict(Counter)
    for gold, predicted in type_pairs:
        confusion[gold][predicted] += 1
    sub_errors = Counter((g, p) for g, p in sub_pairs if g != p)
    # ACLED codes an unknown toll as 0.
    fatalities = [(r["fatalities"] or 0, (e.fatalities or 0) if e else 0) for r, e in rows]
    location, location_all = _Location(), _Location()
    for record, event in rows:
        if record.get("lat") is None:
            continue
        location_all.add(record, event)
        if record.get("geo_precision") in (1, 2):
            location.add(record, event)
    return {
        "n": len(rows),
        "event_type_accuracy": _share(sum(g == p for g, p in type_pairs), len(rows)),
        "event_type_macro_f1": _macro_f1(type_pairs),
        "sub_event_type_accuracy": _share(sum(g == p for g, p in sub_pairs), len(rows)),
        "no_event": _share(sum(e is None for _, e in rows), len(rows)),
        "confusion": {g: dict(c.most_common()) for g, c in sorted(confusion.items())},
        "sub_event_type_errors": [[g, p, n] for (g, p), n in sub_errors.most_common(15)],
        "fatalities": _fatality_scores(fatalities),
        "date": _date_scores(rows),
        "actors": _actor_scores(rows),
        "location_precision_1_2": location.report(),
        "location_all": location_all.report(),
    }


def _actor_scores(rows: list[tuple[dict, Event | None]]) -> dict[str, Any]:
    """Agreement of actor1/actor2 with ACLED's interaction codes (inter1/inter2)."""
    scores = {}
    for ours, theirs in (("actor1", "inter1"), ("actor2", "inter2")):
        pairs = [(int((r.get("extra") or {})[theirs]),
                  inter_code(getattr(e, ours) if e else None, r.get("country")))
                 for r, e in rows if (r.get("extra") or {}).get(theirs) not in (None, "", 0)]
        scores[ours] = {"inter_agreement": _share(sum(g == p for g, p in pairs), len(pairs)),
                        "named": _share(sum(p is not None for _, p in pairs), len(pairs))}
    return scores


def _date_scores(rows: list[tuple[dict, Event | None]]) -> dict[str, Any]:
    """The event date against the record's: exact day (where the gold has one), within a week,
    same month; an event without a date, or no event, counts as wrong."""
    exact = week = month = days = 0
    for record, event in rows:
        gold = str(record.get("date") or "")
        predicted = event.event_date if event is not None else None
        if len(gold) >= 10:
            days += 1
            if predicted is not None:
                delta = abs((predicted - date.fromisoformat(gold[:10])).days)
                exact += delta == 0
                week += delta <= 7
        if len(gold) >= 7 and predicted is not None:
            month += predicted.isoformat()[:7] == gold[:7]
    return {"exact": _share(exact, days), "within_7_days": _share(week, days),
            "same_month": _share(month, sum(len(str(r.get("date") or "")) >= 7 for r, _ in rows))}


def _injured(gold: int | None, event: Event | None) -> int | None:
    """The event's injured figure for scoring: an event that gives no number ("null") agrees
    with GTD's 0 for "no injured reported"."""
    if event is None:
        return None
    return 0 if event.injured is None and gold == 0 else event.injured


def _gtd_report(rows: list[tuple[dict, Event | None]]) -> dict[str, Any]:
    typed = [(gtd_to_acled(r), _type_of(e)) for r, e in rows if gtd_to_acled(r)]
    confusion: dict[str, Counter] = defaultdict(Counter)
    for gold, predicted in typed:
        confusion[gold][predicted] += 1
    fatalities = [(r["fatalities"], e.fatalities if e else None) for r, e in rows]
    injured = [(r["injured"], _injured(r["injured"], e)) for r, e in rows]
    location = _Location()
    for record, event in rows:
        if record.get("lat") is not None and record.get("geo_precision") in (1, 2):
            location.add(record, event)
    return {
        "n": len(rows),
        "crosswalk_event_type_accuracy": _share(sum(g == p for g, p in typed), len(typed)),
        "crosswalk_n": len(typed),
        "crosswalk_confusion": {g: dict(c.most_common()) for g, c in sorted(confusion.items())},
        "no_event": _share(sum(e is None for _, e in rows), len(rows)),
        "fatalities": _fatality_scores(fatalities),
        "fatalities_exact_known": _share(sum(g == p for g, p in fatalities if g is not None),
                                         sum(g is not None for g, _ in fatalities)),
        "injured_exact": _share(sum(g == p for g, p in injured), len(injured)),
        "injured_exact_known": _share(sum(g == p for g, p in injured if g is not None),
                                      sum(g is not None for g, _ in injured)),
        "date": _date_scores(rows),
        "location_specificity_1_2": location.report(),
    }


def _labelled_report(rows: list[tuple[dict, Event | None]]) -> dict[str, Any]:
    """Any other corpus labelled in ACLED's terms (e.g. our press releases): type, toll, date
    and place. A toll the text leaves unstated counts as 0 on both sides, as ACLED codes it."""
    type_pairs = [(r.get("event_type"), _type_of(e)) for r, e in rows]
    sub_pairs = [(r.get("sub_event_type"), _sub_of(e)) for r, e in rows]
    killed = [(r.get("fatalities") or 0, (e.fatalities or 0) if e else 0) for r, e in rows]
    injured = [(r.get("injured") or 0, (e.injured or 0) if e else 0) for r, e in rows]
    location = _Location()
    for record, event in rows:
        if record.get("lat") is not None:
            location.add(record, event)
    return {
        "n": len(rows),
        "event_type_accuracy": _share(sum(g == p for g, p in type_pairs), len(rows)),
        "sub_event_type_accuracy": _share(sum(g == p for g, p in sub_pairs), len(rows)),
        "no_event": _share(sum(e is None for _, e in rows), len(rows)),
        "fatalities": _fatality_scores(killed),
        "injured_exact": _share(sum(g == p for g, p in injured), len(injured)),
        "date": _date_scores(rows),
        "location": location.report(),
    }


def _plover_report(rows: list[tuple[dict, Event | None]]) -> dict[str, Any]:
    mapped = [(r["event_type"], e) for r, e in rows if r["event_type"] in PLOVER_TO_ACLED]
    compatible = sum(1 for g, e in mapped if e and e.event_type in PLOVER_TO_ACLED[g])
    non_events = [e for r, e in rows if r["event_type"] in PLOVER_NON_EVENTS]
    deaths = [(r["fatalities"], e.fatalities if e else None) for r, e in rows
              if r.get("fatalities") is not None]
    return {
        "n": len(rows),
        "event_records": len(mapped),
        "compatible_type": _share(compatible, len(mapped)),
        "non_event_records": len(non_events),
        "false_event_rate": _share(sum(e is not None for e in non_events), len(non_events)),
        "fatalities_exact_where_given": _share(sum(g == p for g, p in deaths), len(deaths)),
    }


def format_report(report: dict[str, Any]) -> str:
    """Plain-text tables for people; `--json` prints the dict itself."""
    lines = []
    for corpus, metrics in report.items():
        lines.append(f"== {corpus} (n={metrics['n']})")
        for key, value in metrics.items():
            if key in {"n", "confusion", "crosswalk_confusion", "sub_event_type_errors"}:
                continue
            if isinstance(value, dict):
                inner = ", ".join(f"{k}={v}" for k, v in value.items())
                lines.append(f"  {key:32s} {inner}")
            else:
                lines.append(f"  {key:32s} {value}")
        for key in ("confusion", "crosswalk_confusion"):
            if key in metrics:
                lines.append(f"  {key} (gold -> predicted):")
                for gold, row in metrics[key].items():
                    cells = ", ".join(f"{p}: {n}" for p, n in row.items())
                    lines.append(f"    {gold:28s} {cells}")
        if metrics.get("sub_event_type_errors"):
            lines.append("  most frequent sub_event_type errors (gold -> predicted: n):")
            for gold, predicted, n in metrics["sub_event_type_errors"]:
                lines.append(f"    {gold} -> {predicted}: {n}")
    return "\n".join(lines)
