"""The plain data a draft is made from and made of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum

from amity.model.enums import LifeEventKind


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
    gave: str = ""  # what they gave you (the ledger), "" when nothing was received
    life_event: LifeEventFacts | None = None  # for congrats
    ask: str = ""  # for ask: "an introduction to someone on the payments team"
    promise: str = ""  # for promise: what the user promised, as they wrote it
    person_id: int = 0  # chooses the phrasing: the same person always reads the same
    known: bool = False  # you were in touch before the meeting in `met_on`
    met_before: bool = False  # ... and had met before (else only calls or messages)
    last_contact_on: date | None = None
    cadence_days: int | None = None  # days between check-ins; None: no cadence
    interests: str = ""  # as the user typed them: "climbing, jazz"
    needs: str = ""  # what they are looking for: "a senior designer"
    organization: str = ""  # where they work now (a congratulation on an anniversary)


@dataclass(frozen=True, slots=True)
class DraftContext:
    """Everything a draft template may use; every field is plain text.

    `greeting`, `opener`, `question`, `closing_line` and `sign_off` are the message's
    parts, already chosen for the person; the other fields are the facts they came from,
    for a user's own template.
    """

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
    greeting: str = ""  # "Hi Ana,"
    opener: str = ""  # the first paragraph
    closing_line: str = ""  # a last sentence after the question, or ""
    sign_off: str = ""  # "Kind regards," before the signature; "" without a signature

    @property
    def template_name(self) -> str:
        return f"{self.kind.value}.j2"

    def as_dict(self) -> dict[str, str]:
        return {key: str(value) for key, value in asdict(self).items()}
