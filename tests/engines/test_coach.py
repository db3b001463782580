from __future__ import annotations

from datetime import date, timedelta

from amity.engines.coach import (
    CoachInput,
    Finding,
    FindingKind,
    PersonHistory,
    Severity,
    Tie,
    Touch,
    coach,
    format_day,
)
from amity.engines.health import LedgerRow
from amity.model.enums import Direction, LedgerDirection, LedgerKind

TODAY = date(2025, 6, 1)
OUT, IN, MUTUAL = Direction.OUTBOUND, Direction.INBOUND, Direction.MUTUAL
ASKED, GAVE, RECEIVED = LedgerDirection.ASKED, LedgerDirection.GAVE, LedgerDirection.RECEIVED


def day(n: int) -> date:
    """n days before TODAY."""
    return TODAY - timedelta(days=n)


def history(
    name: str,
    pid: int,
    met: int | None,
    *touches: tuple[int, Direction],
    strength: int = 0,
    at: str = "",
    in_person: bool = True,
) -> PersonHistory:
    met_on = day(met) if met is not None else None
    return PersonHistory(
        pid, name, met_on, tuple(Touch(day(n), d) for n, d in touches), strength, at, in_person
    )


def of_kind(findings: list[Finding], kind: FindingKind) -> Finding:
    [found] = [f for f in findings if f.kind is kind]
    return found


def names(finding: Finding) -> list[str]:
    return [p.name for p in finding.people]


def test_format_day() -> None:
    assert format_day(date(2025, 3, 3)) == "3 March 2025"


def test_early_asks_are_one_finding_with_each_case_in_the_details() -> None:
    priya = history("Priya Shah", 1, 60, (60, MUTUAL), (59, OUT), (30, IN), strength=50)
    sam = history("Sam", 2, 40, (40, MUTUAL), (39, OUT), strength=20)
    asks = [
        LedgerRow(1, ASKED, LedgerKind.REFERRAL, day(53), "referral at Plaid"),
        LedgerRow(2, ASKED, LedgerKind.ADVICE, day(40)),
    ]
    finding = of_kind(coach(CoachInput([priya, sam], asks), TODAY), FindingKind.EARLY_ASK)
    assert finding.severity is Severity.HIGH  # a referral is a big ask
    assert names(finding) == ["Priya Shah", "Sam"]  # the stronger tie first
    assert finding.evidence == (
        "You asked 2 people for something within two weeks of meeting them: Priya Shah and Sam."
    )
    assert finding.details == (
        "Priya Shah: met on 2 April 2025, asked for a referral on 9 April 2025, 7 days later",
        "Sam: met on 22 April 2025, asked for advice on 22 April 2025, the same day",
    )
    assert "offer something useful first" in finding.advice


def test_a_small_early_ask_is_medium_and_a_late_ask_is_fine() -> None:
    sam = history("Sam", 2, 40, (40, MUTUAL), (39, OUT), (20, IN))
    early = LedgerRow(2, ASKED, LedgerKind.ADVICE, day(40))
    later = LedgerRow(2, ASKED, LedgerKind.REFERRAL, day(25))
    assert of_kind(coach(CoachInput([sam], [early]), TODAY), FindingKind.EARLY_ASK).severity is (
        Severity.MEDIUM
    )
    assert coach(CoachInput([sam], [later]), TODAY) == []


def test_people_never_heard_from_again_are_grouped_by_where_you_met() -> None:
    expo = [
        history(n, i, 30, (30, MUTUAL), at="Expo", strength=s)
        for i, n, s in ((1, "Ana", 30), (2, "Ben", 50), (3, "Cy", 40), (4, "Di", 10), (5, "Ed", 10))
    ]
    findings = coach(CoachInput(expo), TODAY)
    quiet = of_kind(findings, FindingKind.WENT_QUIET)
    assert quiet.size == 5 and quiet.severity is Severity.HIGH
    assert quiet.evidence == (
        "5 people you met at Expo on 2 May 2025 never heard from you again: "
        "Ben, Cy, Ana, and 2 more."
    )
    assert quiet.advice.startswith("Write to Ben today: two lines that name Expo")


def test_never_heard_from_again_is_only_said_of_people_with_no_contact_after() -> None:
    people = [
        history("Quiet Quinn", 1, 30, (30, MUTUAL), at="PyCon"),
        history("Called Yesterday", 2, 60, (60, MUTUAL), (1, IN), at="PyCon"),  # a call they made
        history("Late Lee", 3, 60, (60, MUTUAL), (40, IN)),
        history("Fine Fran", 4, 60, (60, MUTUAL), (59, OUT)),
        history("Too New Nia", 5, 10, (10, MUTUAL)),
        history("Long Ago Lou", 6, 400, (400, MUTUAL)),
        history("Phoned Pat", 7, 30, (30, OUT), in_person=False),  # a call is the contact
    ]
    quiet = of_kind(coach(CoachInput(people), TODAY), FindingKind.WENT_QUIET)
    assert names(quiet) == ["Quiet Quinn"]
    assert quiet.evidence == (
        "1 person you met at PyCon on 2 May 2025 never heard from you again: Quiet Quinn."
    )


def test_places_are_counted_when_people_were_met_in_several() -> None:
    people = [
        history("Ana", 1, 30, (30, MUTUAL), at="Expo"),
        history("Ben", 2, 40, (40, MUTUAL), at="Expo"),
        history("Cy", 3, 50, (50, MUTUAL), at="PyCon"),
    ]
    quiet = of_kind(coach(CoachInput(people), TODAY), FindingKind.WENT_QUIET)
    assert quiet.evidence == (
        "3 people you met in the last 6 months (2 at Expo, 1 at PyCon) never heard from you "
        "again: Ana, Ben, and Cy."
    )


def test_one_sided_give_and_take_lately_names_who_you_asked() -> None:
    ledger = [
        LedgerRow(1, ASKED, LedgerKind.REFERRAL, day(20)),
        LedgerRow(2, ASKED, LedgerKind.REFERRAL, day(15)),
        LedgerRow(3, ASKED, LedgerKind.REFERRAL, day(10)),
        LedgerRow(4, ASKED, LedgerKind.REFERRAL, day(5)),
        LedgerRow(4, GAVE, LedgerKind.ADVICE, day(300)),  # too long ago to count
    ]
    people = [history(n, i, None, strength=i * 10) for i, n in enumerate("ABCD", start=1)]
    finding = of_kind(coach(CoachInput(people, ledger), TODAY), FindingKind.ONE_SIDED)
    assert finding.severity is Severity.HIGH
    assert finding.evidence == (
        "In the last 3 months you asked 4 people for referrals and gave nothing back: "
        "D, C, B, and A."
    )
    assert finding.advice.startswith("Before the next ask, give: pass D a job lead")
    assert finding.on == day(5)


def test_help_received_counts_as_taking_and_one_give_per_two_is_enough() -> None:
    people = [history("A", 1, None), history("B", 2, None)]
    ledger = [
        LedgerRow(1, ASKED, LedgerKind.INTRODUCTION, day(20)),
        LedgerRow(1, RECEIVED, LedgerKind.ADVICE, day(10)),
        LedgerRow(2, RECEIVED, LedgerKind.RESOURCE, day(9)),
        LedgerRow(2, GAVE, LedgerKind.ADVICE, day(2)),
    ]
    finding = of_kind(coach(CoachInput(people, ledger), TODAY), FindingKind.ONE_SIDED)
    assert finding.severity is Severity.MEDIUM
    assert finding.evidence == (
        "In the last 3 months you asked 1 person for an introduction, got help from 2 people "
        "and gave back only once: A and B."
    )
    even = [*ledger, LedgerRow(1, GAVE, LedgerKind.RESOURCE, day(1))]
    assert coach(CoachInput(people, even), TODAY) == []


def test_contact_only_in_the_week_before_an_ask() -> None:
    omar = history("Omar", 7, None, (50, OUT), (45, IN), (12, OUT), (11, OUT))
    asks = [
        LedgerRow(7, ASKED, LedgerKind.FAVOUR, day(47)),
        LedgerRow(7, ASKED, LedgerKind.REFERRAL, day(10)),
    ]
    finding = of_kind(coach(CoachInput([omar], asks), TODAY), FindingKind.ONLY_WHEN_NEEDED)
    assert finding.evidence == (
        "With 1 person you get in touch only in the week before asking for something: Omar."
    )
    assert finding.details == ("Omar: asked on 15 April 2025, 22 May 2025",)
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
    finding = of_kind(coach(CoachInput(people), TODAY), FindingKind.LATE_FOLLOW_UP)
    assert finding.severity is Severity.MEDIUM
    assert finding.evidence == (
        "3 of your last 4 follow-ups went out more than a day after meeting "
        "(Ana, Ben, and Di); the median wait was 4 days."
    )
    assert finding.details == (
        "Di: 2 days after meeting on 24 May 2025",
        "Ben: 6 days after meeting on 12 May 2025",
        "Ana: 4 days after meeting on 2 May 2025",
    )
    assert finding.on == day(8)


def test_strong_ties_going_cold_only_when_their_check_in_is_due() -> None:
    cooling = [
        Tie(1, "Old Friend", 30, 80, day(200), day(10)),
        Tie(2, "Mentor", 25, 60, day(150), None),
        Tie(3, "Acquaintance", 10, 20, day(200), day(5)),  # never was strong
        Tie(4, "Not Yet Due", 30, 70, day(200), TODAY + timedelta(days=21)),
    ]
    finding = of_kind(coach(CoachInput(cooling=cooling), TODAY), FindingKind.GOING_COLD)
    assert names(finding) == ["Old Friend", "Mentor"]
    assert finding.evidence == (
        "2 strong ties are going cold: Old Friend and Mentor. "
        "Your last contact with Old Friend was 7 months ago."
    )
    assert finding.advice.startswith("Check in with Old Friend this week")
    assert "Not Yet Due" not in finding.advice + finding.evidence


def test_all_acquaintances_and_no_core_names_the_ties_to_deepen() -> None:
    active = [Tie(9, "Nearly Core", 55), Tie(8, "Warm", 45)]
    finding = of_kind(
        coach(CoachInput(total_people=240, core_count=1, active=active), TODAY), FindingKind.NO_CORE
    )
    assert finding.evidence.startswith("You know 240 people but have only 1 core tie:")
    assert finding.evidence.endswith("Closest to it: Nearly Core and Warm.")
    assert coach(CoachInput(total_people=19, core_count=0), TODAY) == []


def test_few_new_ties_in_an_established_network() -> None:
    finding = of_kind(
        coach(CoachInput(total_people=50, core_count=5), TODAY), FindingKind.FEW_NEW_TIES
    )
    assert finding.evidence == "You met nobody new in the last 3 months."
    one = [history("Ana", 1, 20, (20, MUTUAL), (19, OUT))]
    finding = of_kind(
        coach(CoachInput(one, total_people=50, core_count=5), TODAY), FindingKind.FEW_NEW_TIES
    )
    assert finding.evidence == "You met only 1 new person in the last 3 months: Ana."
    two = [*one, history("Ben", 2, 10, (10, MUTUAL), (9, OUT))]
    assert coach(CoachInput(two, total_people=50, core_count=5), TODAY) == []
    # A first coffee with a phone contact imported years ago is not a new tie.
    old = PersonHistory(3, "Old Phone Contact", day(5), (Touch(day(5), MUTUAL),), imported=True)
    finding = of_kind(
        coach(CoachInput([*one, old], total_people=50, core_count=5), TODAY),
        FindingKind.FEW_NEW_TIES,
    )
    assert [p.name for p in finding.people] == ["Ana"]


def test_one_finding_per_kind_ranked_by_impact() -> None:
    people = [
        history("Quiet Quinn", 1, 30, (30, MUTUAL)),
        history("Quiet Ray", 4, 30, (30, MUTUAL)),
        history("Priya", 2, 100, (100, MUTUAL), (99, OUT)),
        history("Zed", 3, 20, (20, MUTUAL), (19, OUT)),
    ]
    ledger = [
        LedgerRow(2, ASKED, LedgerKind.REFERRAL, day(95)),
        LedgerRow(3, ASKED, LedgerKind.INTRODUCTION, day(18)),
    ]
    findings = coach(CoachInput(people, ledger, total_people=25, core_count=0), TODAY)
    assert [f.kind for f in findings] == [
        FindingKind.EARLY_ASK,  # high
        FindingKind.WENT_QUIET,  # medium, 2 people
        FindingKind.NO_CORE,  # medium, nobody named
    ]
    assert len({f.kind for f in findings}) == len(findings)
    assert coach(CoachInput(people, ledger, 25, 0), TODAY) == findings
