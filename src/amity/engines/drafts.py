"""What a drafted message says, worked out from the facts; the words live in templates.

The engine builds a `DraftContext` of short, ready-to-use phrases (who, where and when you
met, one specific topic, an open question). The service layer renders it with the template
`<kind>.j2` from `amity/templates/drafts/` or the user's own `AMITY_HOME/templates/drafts/`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum

from amity.engines.coach import MONTH_NAMES
from amity.model.enums import LifeEventKind

TOPIC_MAX_CHARS = 60
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame"})
_LEAD_INS = (
    "we talked about ",
    "talked about ",
    "we discussed ",
    "discussed ",
    "we chatted about ",
    "chatted about ",
    "spoke about ",
    "conversation about ",
    "chat about ",
)
_LOWER_FIRST = frozenset(
    [
        "a",
        "an",
        "the",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "its",
        "how",
        "why",
        "what",
        "when",
        "where",
        "whether",
    ]
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s|\n")
_PREPOSITIONS = ("at ", "in ", "on ", "through ", "via ", "during ", "over ")


class DraftKind(StrEnum):
    FOLLOWUP = "followup"
    CHECKIN = "checkin"
    CONGRATS = "congrats"
    THANKS = "thanks"
    ASK = "ask"
    RECONNECT = "reconnect"  # a follow-up whose moment passed: a gentler note
    PROMISE = "promise"  # delivers what the user promised


class Tone(StrEnum):
    CASUAL = "casual"
    FORMAL = "formal"


@dataclass(frozen=True, slots=True)
class NoteFacts:
    """The words logged with one past interaction."""

    occurred_on: date
    topic: str = ""
    summary: str = ""
    notes: str = ""
    learned: str = ""


@dataclass(frozen=True, slots=True)
class LifeEventFacts:
    kind: LifeEventKind
    organization: str = ""
    title: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class DraftFacts:
    """What Amity knows that a message could mention. Only `name` is required."""

    name: str
    given_name: str = ""
    nickname: str = ""
    where_met: str = ""  # a place or event name: "PyCon", "the Plaid career fair"
    met_on: date | None = None
    topic: str = ""  # an explicit topic wins over anything found in the notes
    notes: Sequence[NoteFacts] = ()
    gave: str = ""  # for thanks: "the introduction to Sam"
    life_event: LifeEventFacts | None = None  # for congrats
    ask: str = ""  # for ask: "an introduction to someone on the payments team"
    promise: str = ""  # for promise: what the user promised, as they wrote it


@dataclass(frozen=True, slots=True)
class DraftContext:
    """Everything a draft template may use; every field is plain text."""

    kind: DraftKind
    tone: Tone
    first_name: str
    name: str
    met: str  # "at PyCon on Tuesday", "" when unknown
    topic: str
    gave: str
    life_event: str  # "your new job at Stripe as Staff Engineer"
    event_kind: str  # a LifeEventKind value, or ""
    ask: str
    promise: str
    question: str
    signature: str

    @property
    def template_name(self) -> str:
        return f"{self.kind.value}.j2"

    def as_dict(self) -> dict[str, str]:
        return {key: str(value) for key, value in asdict(self).items()}


def draft_context(
    kind: DraftKind, facts: DraftFacts, today: date, tone: Tone, signature: str
) -> DraftContext:
    event = facts.life_event
    return DraftContext(
        kind=kind,
        tone=tone,
        first_name=first_name(facts),
        name=facts.name.strip(),
        met=met_phrase(facts.where_met, facts.met_on, today),
        topic=pick_topic(facts),
        gave=facts.gave.strip() or ("your help" if kind is DraftKind.THANKS else ""),
        life_event=_life_event_or_default(kind, event),
        event_kind=event.kind.value if event else "",
        ask=facts.ask.strip() or ("your advice on something" if kind is DraftKind.ASK else ""),
        promise=facts.promise.strip(),
        question=question_for(kind, tone, event.kind if event else None),
        signature=signature.strip(),
    )


def first_name(facts: DraftFacts) -> str:
    """Nickname, else given name, else the first word of the name that is not a title."""
    for candidate in (facts.nickname, facts.given_name):
        if candidate.strip():
            return candidate.strip()
    words = [w for w in facts.name.split() if w.rstrip(".").lower() not in _TITLES]
    return words[0] if words else "there"


def met_phrase(where: str, met_on: date | None, today: date) -> str:
    """'at PyCon on Tuesday', 'at PyCon last month', 'in March 2023', or ''."""
    place = where.strip()
    if place and not place.lower().startswith(_PREPOSITIONS):
        place = f"at {place}"
    when = when_phrase(met_on, today) if met_on else ""
    return " ".join(part for part in (place, when) if part)


def when_phrase(day: date, today: date) -> str:
    days = (today - day).days
    if days < 0:
        return f"on {day.day} {MONTH_NAMES[day.month - 1]}"
    if days <= 1:
        return ("today", "yesterday")[days]
    if days < 7:
        return f"on {_WEEKDAYS[day.weekday()]}"
    if days < 14:
        return "last week"
    months_back = (today.year - day.year) * 12 + today.month - day.month
    if months_back == 0:
        return "earlier this month"
    if months_back == 1:
        return "last month"
    if day.year == today.year:
        return f"in {MONTH_NAMES[day.month - 1]}"
    return f"in {MONTH_NAMES[day.month - 1]} {day.year}"


def pick_topic(facts: DraftFacts) -> str:
    """The explicit topic, else the first clause of the latest interaction's words.

    Within one interaction the topic wins, then the summary, the notes, what was learned.
    Interactions on the same day keep the order they were given in.
    """
    if facts.topic.strip():
        return topic_phrase(facts.topic)
    latest = sorted(facts.notes, key=lambda n: n.occurred_on, reverse=True)
    for note in latest:
        for text in (note.topic, note.summary, note.notes, note.learned):
            phrase = topic_phrase(text)
            if phrase:
                return phrase
    return ""


def topic_phrase(text: str) -> str:
    """A short phrase that reads after 'our chat about': first clause, at most ~60 chars."""
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    lowered = first.lower()
    for lead_in in _LEAD_INS:
        if lowered.startswith(lead_in):
            first = first[len(lead_in) :]
            break
    return _lower_first_word(_shorten(first).rstrip(" ,;:.!?-–—"))


def _shorten(text: str) -> str:
    if len(text) <= TOPIC_MAX_CHARS:
        return text
    head = text[: TOPIC_MAX_CHARS + 1]
    comma = head.rfind(", ")
    if comma >= TOPIC_MAX_CHARS // 3:
        return head[:comma]
    space = head.rfind(" ")
    return head[:space] if space > 0 else head[:TOPIC_MAX_CHARS]


def _lower_first_word(text: str) -> str:
    word, _, rest = text.partition(" ")
    if word.lower() in _LOWER_FIRST:
        return " ".join(part for part in (word.lower(), rest) if part)
    return text


def life_event_phrase(event: LifeEventFacts) -> str:
    """What to congratulate on: 'your new job at Stripe as Staff Engineer'."""
    org, title, detail = event.organization.strip(), event.title.strip(), event.detail.strip()
    at = f" at {org}" if org else ""
    if event.kind is LifeEventKind.NEW_JOB:
        return f"your new job{at}" + (f" as {title}" if title else "")
    if event.kind is LifeEventKind.PROMOTION:
        return (f"your promotion to {title}" if title else "your promotion") + at
    if event.kind is LifeEventKind.WORK_ANNIVERSARY:
        return f"your work anniversary{at}"
    if event.kind is LifeEventKind.BIRTHDAY:
        return "your birthday"
    if event.kind is LifeEventKind.MOVED:
        return f"your move to {detail}" if detail else "your move"
    return detail or "your good news"


def _life_event_or_default(kind: DraftKind, event: LifeEventFacts | None) -> str:
    if event is not None:
        return life_event_phrase(event)
    return "your good news" if kind is DraftKind.CONGRATS else ""


_QUESTIONS: dict[DraftKind, tuple[str, str]] = {
    DraftKind.FOLLOWUP: (
        "What are you working on next?",
        "What are you focusing on in the coming months?",
    ),
    DraftKind.CHECKIN: (
        "What's been keeping you busy?",
        "What has been keeping you busy lately?",
    ),
    DraftKind.THANKS: (
        "Is there anything I can do for you in return?",
        "Is there anything I could do for you in return?",
    ),
    DraftKind.ASK: ("Would that be okay?", "Would that be possible?"),
    DraftKind.RECONNECT: (
        "How have things been since?",
        "How have things been since we spoke?",
    ),
    DraftKind.PROMISE: (
        "Let me know if it helps.",
        "Please let me know if it is useful.",
    ),
}
_CONGRATS_QUESTIONS: dict[LifeEventKind, tuple[str, str]] = {
    LifeEventKind.NEW_JOB: (
        "What are you most excited about in the new role?",
        "What are you most looking forward to in the new role?",
    ),
    LifeEventKind.PROMOTION: (
        "What's the first thing you want to take on?",
        "What will you be taking on first?",
    ),
    LifeEventKind.WORK_ANNIVERSARY: (
        "What's been the highlight so far?",
        "What has been the highlight so far?",
    ),
    LifeEventKind.BIRTHDAY: (
        "Doing anything fun to celebrate?",
        "Do you have anything nice planned for the day?",
    ),
    LifeEventKind.MOVED: ("How are you settling in?", "How are you settling in?"),
}
_DEFAULT_CONGRATS = ("How are you doing?", "How are you doing?")


def question_for(kind: DraftKind, tone: Tone, event: LifeEventKind | None) -> str:
    """An open question that suits the message and keeps the conversation going."""
    if kind is DraftKind.CONGRATS:
        pair = _CONGRATS_QUESTIONS.get(event, _DEFAULT_CONGRATS) if event else _DEFAULT_CONGRATS
    else:
        pair = _QUESTIONS[kind]
    return pair[1] if tone is Tone.FORMAL else pair[0]
