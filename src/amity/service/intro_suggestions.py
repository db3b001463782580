"""`amity intros`: which of your contacts should meet, and why.

Reads the living people's needs, offers, interests and roles and your relationship with
each (`amity.store.suggestions`), scores the pairs (`amity.engines.intro_suggestions`),
then reads who already knows whom only for the best pairs and keeps the first `limit`
that are new (`amity.engines.intro_reasons.pick`). Goals are your active goals' title,
why, and the companies and roles they aim at (`amity goal add ... --company X --role Y`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from amity.engines.intro_reasons import Goal, Suggestion, pick
from amity.engines.intro_suggestions import Profile, candidates, vectorize
from amity.engines.strength_arrays import StatsColumns, scores
from amity.service.person_ref import PersonRef
from amity.store import suggestions as store_suggestions
from amity.store.handle import Store
from amity.store.suggestions import ProfileRow

DEFAULT_LIMIT = 10
WINDOW = 20  # candidates read per suggestion wanted, before pairs already known are dropped


@dataclass(frozen=True, slots=True)
class IntroSuggestion:
    """Two contacts who should meet: the 0-100 score and the reason in words."""

    a: PersonRef
    b: PersonRef
    score: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.as_dict(),
            "b": self.b.as_dict(),
            "score": self.score,
            "reason": self.reason,
        }


def suggest_introductions(
    store: Store, *, today: date, limit: int = DEFAULT_LIMIT
) -> list[IntroSuggestion]:
    """The best `limit` introductions to make among your contacts, best first."""
    if limit <= 0:
        return []
    profiles = _profiles(list(store_suggestions.profiles(store, today)))
    if not profiles:
        return []
    fields = vectorize(profiles)
    ranked = candidates(profiles, fields)
    goals = [Goal(title, detail) for title, detail in store_suggestions.active_goals(store)]
    window = limit * WINDOW
    while True:
        head = ranked[:window]
        ids = {profiles[i].id for pair in head for i in (pair.a, pair.b)}
        known = store_suggestions.known_pairs(store, ids)
        chosen = pick(head, profiles, fields, known, goals, limit)
        if len(chosen) >= limit or window >= len(ranked):
            break
        window *= 4
    names = {p.id: p.name for p in profiles}
    return [_typed(s, names) for s in chosen]


def people_described(store: Store) -> int:
    """How many living contacts have a need, an offer or an interest to match (why a list
    of suggestions is empty: nothing written down, or nothing that meets)."""
    return store_suggestions.described(store)


def _typed(s: Suggestion, names: dict[int, str]) -> IntroSuggestion:
    return IntroSuggestion(
        PersonRef(s.a, names[s.a]), PersonRef(s.b, names[s.b]), s.score, s.reason
    )


def _profiles(rows: list[ProfileRow]) -> list[Profile]:
    """The rows as profiles, each with today's strength of your relationship."""
    if not rows:
        return []
    table = np.array([r[8:] for r in rows], dtype=np.float64).T.copy()
    count, inbound, outbound, depth_total, known, since = table
    stats = StatsColumns(count, inbound, outbound, depth_total, known, since, known - since)
    today = scores(stats).tolist()
    return [
        Profile(*r[:8], strength, n > 0)
        for r, strength, n in zip(rows, today, count.tolist(), strict=True)
    ]
