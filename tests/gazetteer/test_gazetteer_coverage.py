"""Coverage of the embedded default on independently annotated news (../shared/eval, read only).

Counts gold toponyms (with coordinates) for which the gazetteer offers a candidate -- or, for a
demonym, the country -- within 161 km (the usual accuracy radius). This measures what the
resolver can possibly get right; it skips when the evaluation data is absent.
"""

from __future__ import annotations

import json

from gazetteer.ranking import distance_km


def test_middle_east_gold_toponyms_are_reachable(gaz, shared_eval):
    total = reachable = 0
    with open(shared_eval / "geoparse" / "middle_east.jsonl", encoding="utf-8") as handle:
        for line in handle:
            for toponym in json.loads(line)["toponyms"]:
                if toponym.get("lat") is None:
                    continue
                total += 1
                found = gaz.candidates(toponym["name"], limit=100)
                if not found and gaz.demonym(toponym["name"]):
                    found = [gaz.country(gaz.demonym(toponym["name"]))]
                gold = (toponym["lat"], toponym["lon"])
                if any(c and distance_km((c.lat, c.lon), gold) < 161 for c in found):
                    reachable += 1
    assert total > 500
    assert reachable / total >= 0.80, f"{reachable}/{total}"
