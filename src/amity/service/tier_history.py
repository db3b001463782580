"""People per tier over time: one snapshot a week, kept with the preferences.

Each report records this week's counts. Weeks with no snapshot are worked out from the
interactions up to that week's end, for networks small enough to do it quickly
(`BACKFILL_MAX_PEOPLE`); a larger home shows the weeks it has recorded.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from amity.engines.cadence import week_start
from amity.engines.strength import DEPTH_WEIGHTS, RelationshipStats, Tier, score, tier
from amity.errors import StoreError
from amity.service.report_types import TierWeek
from amity.service.settings import preferences
from amity.store import Store, as_date
from amity.store import people as people_store
from amity.store import tiers as tiers_store

KEY = "tier_history"
WEEKS = 12
BACKFILL_MAX_PEOPLE = 5_000


def tier_history(store: Store, today: date, current: dict[str, int]) -> list[TierWeek]:
    """The last WEEKS weeks that have counts, oldest first; `current` (a tier's value ->
    people) is this week's."""
    stored: dict[str, dict[str, int]] = dict(preferences.get(store, KEY) or {})
    this_week = week_start(today)
    weeks = [this_week - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    changed = stored.get(this_week.isoformat()) != current
    stored[this_week.isoformat()] = current
    if _small(store):
        for week in weeks[:-1]:
            # A week recorded before a tier existed (`new`) is worked out again.
            if not set(current) <= set(stored.get(week.isoformat(), {})):
                stored[week.isoformat()] = tiers_on(store, week + timedelta(days=6))
                changed = True
    if changed:
        try:
            with store.db.transaction():
                preferences.put(store, KEY, dict(sorted(stored.items())[-104:]))
        except StoreError:
            pass  # a read-only home still gets its report; the week is recorded next time
    zero = dict.fromkeys(current, 0)
    return [
        TierWeek(w, {**zero, **stored[w.isoformat()]}) for w in weeks if w.isoformat() in stored
    ]


def _small(store: Store) -> bool:
    return people_store.count_people(store) <= BACKFILL_MAX_PEOPLE


def tiers_on(store: Store, day: date) -> dict[str, int]:
    """How many people were in each tier on `day`, from the interactions up to then."""
    rows = tiers_store.aggregates_on(store, day, DEPTH_WEIGHTS)
    known = tiers_store.known_on(store, day)
    counts: Counter[str] = Counter()
    for r in rows:
        stats = RelationshipStats(
            as_date(r["first_on"]),
            as_date(r["last_on"]),
            None,
            int(r["n"]),
            int(r["inbound"]),
            int(r["outbound"]),
            float(r["depth"]),
        )
        counts[tier(score(stats, day), stats, day).value] += 1
    counts[Tier.DORMANT.value] += max(0, known - len(rows))
    return {t.value: counts.get(t.value, 0) for t in Tier}
