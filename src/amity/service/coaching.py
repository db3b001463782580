"""The coach: habits to change, found in the user's own recent history."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from amity.engines.coach import CoachInput, Finding, PersonHistory, Touch, coach
from amity.engines.strength import Tier
from amity.model import Direction, LedgerDirection
from amity.service.report import health_rows, ledger_rows
from amity.store import Row, Store, as_date

COACH_WINDOW_DAYS = 180


def coach_findings(store: Store, today: date) -> list[Finding]:
    """The coach reads recent first meetings (their first month) and the people you asked
    for something recently (their whole recent history), never all interactions."""
    since = (today - timedelta(days=COACH_WINDOW_DAYS + 30)).isoformat()
    ledger = ledger_rows(store)
    askers = sorted(
        {
            r.person_id
            for r in ledger
            if r.direction is LedgerDirection.ASKED and r.occurred_on.isoformat() >= since
        }
    )
    met_rows = store.db.query(
        "SELECT p.id, p.name, p.first_contact_on FROM person p WHERE p.owner_id = ? "
        "AND p.deleted_on IS NULL AND p.first_contact_on >= ?",
        (store.owner_id, since),
    )
    touches = _first_month_touches(store, since)
    for person_id, found in _touches_of(store, askers, since).items():
        touches[person_id] = found
    names = {int(r["id"]): (r["name"], as_date(r["first_contact_on"])) for r in met_rows}
    for r in store.db.query(
        "SELECT id, name, first_contact_on FROM person WHERE id IN "
        f"({', '.join('?' * len(askers)) or 'NULL'})",
        askers,
    ):
        names.setdefault(int(r["id"]), (r["name"], as_date(r["first_contact_on"])))
    people = [
        PersonHistory(pid, name, first, tuple(sorted(touches.get(pid, []), key=lambda t: t.on)))
        for pid, (name, first) in sorted(names.items())
    ]
    rows = health_rows(store, today)
    core = sum(1 for p in rows if p.tier is Tier.CORE)
    return coach(CoachInput(people, ledger, len(rows), core), today)


def _first_month_touches(store: Store, since: str) -> dict[int, list[Touch]]:
    month_end = store.db.plus_days("p.first_contact_on", 30)
    return _collect(
        store.db.query(
            "SELECT ip.person_id, i.occurred_on, i.direction FROM person p "
            "JOIN interaction_participant ip ON ip.person_id = p.id "
            "JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE p.owner_id = ? AND p.first_contact_on >= ? AND i.occurred_on <= {month_end}",
            (store.owner_id, since),
        )
    )


def _touches_of(store: Store, person_ids: list[int], since: str) -> dict[int, list[Touch]]:
    found: dict[int, list[Touch]] = {}
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        found.update(
            _collect(
                store.db.query(
                    "SELECT ip.person_id, i.occurred_on, i.direction "
                    "FROM interaction_participant ip "
                    "JOIN interaction i ON i.id = ip.interaction_id "
                    f"WHERE ip.person_id IN ({', '.join('?' * len(chunk))}) AND i.occurred_on >= ?",
                    (*chunk, since),
                )
            )
        )
    return found


def _collect(rows: list[Row]) -> dict[int, list[Touch]]:
    touches: dict[int, list[Touch]] = defaultdict(list)
    for r in rows:
        day = as_date(r["occurred_on"])
        if day:
            touches[int(r["person_id"])].append(Touch(day, Direction(r["direction"])))
    return touches


def coach_report(store: Store, today: date) -> dict[str, Any]:
    return {
        "date": today.isoformat(),
        "findings": [
            {
                "kind": f.kind.value,
                "severity": f.severity.value,
                "person": {"id": f.person_id, "name": f.person_name} if f.person_id else None,
                "evidence": f.evidence,
                "advice": f.advice,
                "on": f.on.isoformat(),
                "details": list(f.details),
            }
            for f in coach_findings(store, today)
        ],
    }
