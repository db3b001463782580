from __future__ import annotations

from datetime import date, timedelta

from amity.engines.coach import (
    CoachInput,
    Finding,
    FindingKind,
    PersonHistory,
    Severity,
    Touch,
    coach,
    format_day,
)
from amity.engines.health import LedgerRow
from amity.model.enums import Direction, LedgerDirection, LedgerKind

TODAY = date(2025, 6, 1)
OUT, IN, MUTUAL = Direction.OUTBOUND, Direction.INBOUND, Direction.MUTUAL
ASKED, GAVE = LedgerDirection.ASKED, LedgerDirection.GAVE


def day(n: int) -> date:
    """n days before TODAY."""
    return TODAY - timedelta(days=n)


def history(name: str, pid: int, met: int | None, *touches: tuple[int, Direction]) -> PersonHistory:
    met_on = day(met) if met is not None else None
    return PersonHistory(pid, name, met_on, tuple(Touch(day(n), d) for n, d in touches))


def kinds(findings: list[Finding]) -> list[tuple[FindingKind, str]]:
    return [(f.kind, f.person_name) for f in findings]


def test_format_day() -> None:
    assert format_day(date(2025, 3, 3)) == "3 March 2025"


def test_asking_within_two_weeks_of_meeting_names_the_person_and_dates() -> None:
    priya = history("Priya Shah", 1, 60, (60, MUTUAL), (59, OUT), (30, IN))
    ask = LedgerRow(1, ASKED, LedgerKind.REFERRAL, day(53), "referral at Plaid")
    [finding] = coach(CoachInput([priya], [ask]), TODAY)
    assert finding.kind is FindingKind.EARLY_ASK
    assert finding.severity is Severity.HIGH
    assert (finding.person_id, finding.person_name) == (1, "Priya Shah")
    assert finding.evidence == (
        "You met Priya Shah on 2 April 2025 and asked for a referral on 9 April 2025, 7 days later."
    )
    assert finding.on == day(53)
    assert "offer something useful first" in finding.advice


def test_a_small_ask_early_is_medium_and_a_late_ask_is_fine() -> None:
    sam = history("Sam", 2, 40, (40, MUTUAL), (39, OUT), (20, IN))
    early = LedgerRow(2, ASKED, LedgerKind.ADVICE, day(40))
    later = LedgerRow(2, ASKED, LedgerKind.REFERRAL, day(25))
    [finding] = coach(CoachInput([sam], [early, later]), TODAY)
    assert finding.severity is Severity.MEDIUM
    assert finding.evidence.endswith("asked for advice on 22 April 2025, the same day.")


def test_going_quiet_after_connecting() -> None:
    people = [
        history("Quiet Quinn", 1, 30, (30, MUTUAL)),
        history("Late Lee", 2, 60, (60, MUTUAL), (40, IN)),
        history("Fine Fran", 3, 60, (60, MUTUAL), (59, OUT)),
        history("Too New Nia", 4, 10, (10, MUTUAL)),
        history("Long Ago Lou", 5, 400, (400, MUTUAL)),
    ]
    findings = [f for f in coach(CoachInput(people), TODAY) if f.kind is FindingKind.WENT_QUIET]
    assert [f.person_name for f in findings] == ["Quiet Quinn", "Late Lee"]
    assert findings[0].evidence == (
        "You met Quiet Quinn on 2 May 2025 and there has been no contact since."
    )
    assert findings[1].evidence == (
        "You met Late Lee on 2 April 2025 and the next contact came 20 days later."
    )


def test_asks_far_outnumbering_gives_overall() -> None:
    ledger = [
        LedgerRow(1, ASKED, LedgerKind.REFERRAL, day(20)),
        LedgerRow(2, ASKED, LedgerKind.REFERRAL, day(15)),
        LedgerRow(3, ASKED, LedgerKind.REFERRAL, day(10)),
        LedgerRow(4, ASKED, LedgerKind.INTRODUCTION, day(5)),
        LedgerRow(4, GAVE, LedgerKind.ADVICE, day(300)),  # too long ago to count
    ]
    [finding] = coach(CoachInput([], ledger), TODAY)
    assert finding.kind is FindingKind.ONLY_WHEN_NEEDED
    assert finding.person_id is None
    assert finding.evidence == (
        "In the last 6 months you asked 4 people for something 4 times "
        "(referral ×3, introduction ×1) and gave 0 times."
    )
    assert finding.on == day(5)


def test_a_give_for_every_two_asks_is_enough() -> None:
    ledger = [LedgerRow(i, ASKED, LedgerKind.REFERRAL, day(i)) for i in range(1, 5)]
    ledger += [
        LedgerRow(9, GAVE, LedgerKind.ADVICE, day(2)),
        LedgerRow(9, GAVE, LedgerKind.ADVICE, day(3)),
    ]
    assert coach(CoachInput([], ledger), TODAY) == []


def test_contact_only_in_the_week_before_an_ask() -> None:
    omar = history("Omar", 7, None, (50, OUT), (45, IN), (12, OUT), (11, OUT))
    asks = [
        LedgerRow(7, ASKED, LedgerKind.FAVOUR, day(47)),
        LedgerRow(7, ASKED, LedgerKind.REFERRAL, day(10)),
    ]
    [finding] = coach(CoachInput([omar], asks), TODAY)
    assert (finding.kind, finding.person_name) == (FindingKind.ONLY_WHEN_NEEDED, "Omar")
    assert finding.evidence == (
        "All 3 of your messages to Omar came in the week before an ask "
        "(asked on 15 April 2025, 22 May 2025)."
    )
    # One message with nothing asked after it breaks the pattern.
    friendly = history("Omar", 7, None, (50, OUT), (30, OUT), (12, OUT))
    assert coach(CoachInput([friendly], asks), TODAY) == []


def test_late_follow_ups_summarise_count_and_median_delay() -> None:
    people = [
        history("Ana", 1, 30, (30, MUTUAL), (26, OUT)),  # 4 days
        history("Ben", 2, 20, (20, MUTUAL), (14, OUT)),  # 6 days
        history("Cy", 3, 10, (10, MUTUAL), (9, OUT)),  # on time
        history("Di", 4, 8, (8, MUTUAL), (6, OUT)),  # 2 days
    ]
    [finding] = [
        f for f in coach(CoachInput(people), TODAY) if f.kind is FindingKind.LATE_FOLLOW_UP
    ]
    assert finding.severity is Severity.MEDIUM
    assert finding.evidence == (
        "3 of your last 4 follow-ups went out more than a day after meeting; "
        "the median wait was 4 days."
    )
    assert finding.details == (
        "Di: 2 days after meeting on 24 May 2025",
        "Ben: 6 days after meeting on 12 May 2025",
        "Ana: 4 days after meeting on 2 May 2025",
    )
    assert finding.on == day(8)


def test_all_acquaintances_and_no_core() -> None:
    [finding] = coach(CoachInput(total_people=240, core_count=1), TODAY)
    assert finding.kind is FindingKind.NO_CORE
    assert finding.evidence.startswith("You know 240 people but have only 1 core tie:")
    assert coach(CoachInput(total_people=240, core_count=3), TODAY) == []
    assert coach(CoachInput(total_people=19, core_count=0), TODAY) == []


def test_findings_sort_by_severity_then_newest_first() -> None:
    people = [
        history("Quiet Quinn", 1, 30, (30, MUTUAL)),
        history("Priya", 2, 100, (100, MUTUAL), (99, OUT)),
        history("Zed", 3, 20, (20, MUTUAL), (19, OUT)),
    ]
    ledger = [
        LedgerRow(2, ASKED, LedgerKind.REFERRAL, day(95)),
        LedgerRow(3, ASKED, LedgerKind.INTRODUCTION, day(18)),
    ]
    findings = coach(CoachInput(people, ledger, total_people=25, core_count=0), TODAY)
    assert kinds(findings) == [
        (FindingKind.EARLY_ASK, "Zed"),
        (FindingKind.EARLY_ASK, "Priya"),
        (FindingKind.NO_CORE, ""),
        (FindingKind.WENT_QUIET, "Quiet Quinn"),
    ]
    assert coach(CoachInput(people, ledger, 25, 0), TODAY) == findings
