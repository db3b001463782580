"""The closed vocabularies of Amity, as the user says them."""

from __future__ import annotations

from enum import StrEnum


class Circle(StrEnum):
    INNER = "inner"
    CLOSE = "close"
    ACTIVE = "active"
    ACQUAINTANCE = "acquaintance"
    DORMANT = "dormant"


# Default keep-in-touch cadence in days per circle; dormant has none.
DEFAULT_CADENCE_DAYS: dict[Circle, int | None] = {
    Circle.INNER: 14,
    Circle.CLOSE: 30,
    Circle.ACTIVE: 90,
    Circle.ACQUAINTANCE: 180,
    Circle.DORMANT: None,
}


class InteractionKind(StrEnum):
    MET = "met"
    COFFEE = "coffee"
    CALL = "call"
    VIDEO = "video"
    MESSAGE = "message"
    EMAIL = "email"
    MEETING = "meeting"
    EVENT = "event"
    INTRO = "intro"
    OTHER = "other"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    MUTUAL = "mutual"


class ContactKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    SOCIAL = "social"
    ADDRESS = "address"


class LifeEventKind(StrEnum):
    NEW_JOB = "new_job"
    PROMOTION = "promotion"
    BIRTHDAY = "birthday"
    WORK_ANNIVERSARY = "work_anniversary"
    MOVED = "moved"
    OTHER = "other"


class LedgerDirection(StrEnum):
    GAVE = "gave"
    RECEIVED = "received"
    ASKED = "asked"


class LedgerKind(StrEnum):
    ADVICE = "advice"
    INTRODUCTION = "introduction"
    REFERRAL = "referral"
    RESOURCE = "resource"
    FAVOUR = "favour"


class EventStatus(StrEnum):
    PLANNED = "planned"
    ATTENDED = "attended"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class AttendanceRole(StrEnum):
    """How a person is linked to an event: known to be going, hoped to be met, met there,
    or on the programme."""

    ATTENDING = "attending"
    TARGET = "target"
    MET = "met"
    SPEAKER = "speaker"


class TargetKind(StrEnum):
    """What a goal or an event aims at. Events name people as attendance, not targets."""

    COMPANY = "company"
    ROLE = "role"
    PERSON = "person"


class IntroductionState(StrEnum):
    """Double opt-in: you ask A, A agrees, you ask B, B agrees, then you introduce them."""

    PROPOSED = "proposed"
    ASKED_A = "asked_a"
    A_AGREED = "a_agreed"
    ASKED_B = "asked_b"
    B_AGREED = "b_agreed"
    INTRODUCED = "introduced"
    DONE = "done"  # its outcome written down
    DECLINED = "declined"


# Which states an introduction may move to from each state: forward one step, or declined
# at any step before the introduction is made.
INTRODUCTION_TRANSITIONS: dict[IntroductionState, frozenset[IntroductionState]] = {
    IntroductionState.PROPOSED: frozenset({IntroductionState.ASKED_A, IntroductionState.DECLINED}),
    IntroductionState.ASKED_A: frozenset({IntroductionState.A_AGREED, IntroductionState.DECLINED}),
    IntroductionState.A_AGREED: frozenset({IntroductionState.ASKED_B, IntroductionState.DECLINED}),
    IntroductionState.ASKED_B: frozenset({IntroductionState.B_AGREED, IntroductionState.DECLINED}),
    IntroductionState.B_AGREED: frozenset(
        {IntroductionState.INTRODUCED, IntroductionState.DECLINED}
    ),
    IntroductionState.INTRODUCED: frozenset({IntroductionState.DONE}),
    IntroductionState.DONE: frozenset(),
    IntroductionState.DECLINED: frozenset(),
}


class OpportunityKind(StrEnum):
    JOB = "job"
    PROJECT = "project"
    SPEAKING = "speaking"
    PODCAST = "podcast"
    COLLAB = "collab"


class ReferralRole(StrEnum):
    REFERRED_ME = "referred_me"  # an opportunity for you: who referred you
    PASSED_TO = "passed_to"  # an opportunity for others: whom you passed it on to


class ReminderKind(StrEnum):
    FOLLOW_UP = "follow_up"
    PROMISE = "promise"
    BIRTHDAY = "birthday"
    NEW_JOB = "new_job"
    ANNIVERSARY = "anniversary"
    CHECK_IN = "check_in"
    GOING_COLD = "going_cold"
    REMINDER = "reminder"  # a one-off note to self: "ask about the offer" on a day


class ReminderState(StrEnum):
    OPEN = "open"
    DONE = "done"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"


# What the user did with an item on today's list (`open` until they act on it).
ItemState = str
OPEN, DONE, SKIPPED, SNOOZED = "open", "done", "skipped", "snoozed"


class TieKind(StrEnum):
    COLLEAGUE = "colleague"
    FRIEND = "friend"
    FAMILY = "family"
    CLASSMATE = "classmate"
    INTRODUCED = "introduced"
    KNOWS = "knows"


class TieState(StrEnum):
    """Whose word a tie rests on: Amity's evidence, yours, or yours that it is wrong."""

    INFERRED = "inferred"
    CONFIRMED = "confirmed"  # every tie you record yourself
    HIDDEN = "hidden"  # never used, never inferred again


class TieSource(StrEnum):
    """Where a tie comes from."""

    MANUAL = "manual"
    COLLEAGUES = "colleagues"
    MET_THROUGH = "met_through"
    INTRODUCED = "introduced"
    EVENT = "event"
    TAG = "tag"
    LINKEDIN_THREAD = "linkedin_thread"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    DONE = "done"
    DROPPED = "dropped"
