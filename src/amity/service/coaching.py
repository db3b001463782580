"""The coach: habits to change, found in the user's own recent history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import starmap
from typing import Any

import numpy as np
from numpy.typing import NDArray

from amity.engines.coach import (
    LOOKBACK_DAYS,
    STRONG_PEAK,
    CoachInput,
    Finding,
    FindingKind,
    PersonHistory,
    Severity,
    Tie,
    Touch,
    coach,
    lacks_core,
)
from amity.engines.follow_ups import MEETING_KINDS
from amity.engines.health_arrays import NetworkColumns
from amity.engines.strength import Tier
from amity.engines.strength_arrays import TIERS
from amity.service.person_ref import PersonRef
from amity.service.report import ledger_rows, living_network
from amity.store import Store
from amity.store.history import FirstMeeting, first_meetings_of, first_meetings_since, touches_since

# A first meeting in person, the kind that calls for a follow-up (the agenda's rule). A
# call or a message is itself the contact: nobody "went quiet" after a call you made.
IN_PERSON = MEETING_KINDS


def coach_findings(store: Store, today: date) -> list[Finding]:
    """The coach reads the people first met recently and the people in the recent ledger,
    with every interaction since their first meeting (never all interactions)."""
    since = today - timedelta(days=LOOKBACK_DAYS + 30)
    network = living_network(store, today, with_labels=False)  # everyone alive, not archived
    strength = dict(zip(network.ids.tolist(), network.scores.tolist(), strict=True))
    ledger = [r for r in ledger_rows(store) if r.person_id in strength]
    in_ledger = sorted({r.person_id for r in ledger if r.occurred_on >= since})
    recent, touches = first_meetings_since(store, since)
    meetings = {m.person_id: m for m in recent}
    earlier = first_meetings_of(store, [pid for pid in in_ledger if pid not in meetings])
    meetings.update((m.person_id, m) for m in earlier)
    touches.update(touches_since(store, [m.person_id for m in earlier], since))
    people = [
        _history(m, touches.get(pid, []), strength.get(pid, 0))
        for pid, m in sorted(meetings.items())
        if pid in strength
    ]
    core = len(network.of_tier(Tier.CORE))
    none = np.empty(0, dtype=np.intp)
    active = network.of_tier(Tier.ACTIVE) if lacks_core(len(strength), core) else none
    return coach(
        CoachInput(
            people,
            ledger,
            len(strength),
            core,
            cooling=_ties(network, _worth_a_check_in(network, today)),
            active=_ties(network, active),
        ),
        today,
    )


def _worth_a_check_in(network: NetworkColumns, today: date) -> NDArray[np.intp]:
    """The cooling ties `going_cold` can name (the others are never read): strong once
    (STRONG_PEAK), in touch once, and with no check-in planned for later."""
    cooling = network.of_tier(Tier.COOLING)
    peaks, due = network.peaks[cooling], network.check_in_on[cooling]
    strong = np.where(peaks != 0, peaks, network.scores[cooling]) >= STRONG_PEAK
    in_touch = ~np.isnat(network.last_contact_on[cooling])
    now = np.isnat(due) | (due <= np.datetime64(today, "D"))
    kept: NDArray[np.intp] = cooling[strong & in_touch & now]
    return kept


def _history(meeting: FirstMeeting, touches: list[Any], strength: int) -> PersonHistory:
    in_person = meeting.kind in IN_PERSON
    return PersonHistory(
        meeting.person_id,
        meeting.name,
        meeting.on,
        tuple(starmap(Touch, touches)),
        strength,
        meeting.place if in_person else "",
        in_person,
        meeting.imported,
    )


def _ties(network: NetworkColumns, at: NDArray[np.intp]) -> list[Tie]:
    """The people at these positions as the coach's ties, each column read at once; the peak
    is the score at the last contact for a cooling tie, else today's score."""
    cooling = network.tiers[at] == TIERS.index(Tier.COOLING)
    points = network.scores[at]
    return [
        Tie(pid, network.names[i], score, peak or score, last, due)
        for i, pid, score, peak, last, due in zip(
            at.tolist(),
            network.ids[at].tolist(),
            points.tolist(),
            np.where(cooling, network.peaks[at], points).tolist(),
            network.last_contact_on[at].tolist(),
            network.check_in_on[at].tolist(),
            strict=True,
        )
    ]


@dataclass(frozen=True, slots=True)
class CoachFinding:
    """One habit to change: how many people it concerns (all of them in `people`, the most
    important first), the evidence, the advice, and one line per person in `details` where
    there is more to say about each."""

    kind: FindingKind
    count: int
    people: tuple[PersonRef, ...]
    advice: str
    evidence: str
    severity: Severity
    details: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "count": self.count,
            "people": [p.as_dict() for p in self.people],
            "advice": self.advice,
            "evidence": self.evidence,
            "severity": self.severity.value,
            "details": list(self.details),
        }


@dataclass(frozen=True, slots=True)
class CoachReport:
    """What `amity coach` found on `day`: one finding per kind, the most pressing first."""

    day: date
    findings: tuple[CoachFinding, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "findings": [f.as_dict() for f in self.findings]}


def coach_report(store: Store, today: date) -> CoachReport:
    """The coach's findings in the user's own recent history (`amity coach`)."""
    return CoachReport(
        today,
        tuple(
            CoachFinding(
                f.kind,
                f.size,
                tuple(PersonRef(p.person_id, p.name) for p in f.people),
                f.advice,
                f.evidence,
                f.severity,
                tuple(f.details),
            )
            for f in coach_findings(store, today)
        ),
    )
