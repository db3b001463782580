"""What a drafted message says, worked out from the facts; templates arrange the parts.

The engine builds a `DraftContext`: the message's parts (greeting, opener, one question
that fits the person, a closing line, a sign-off), chosen from a few phrasings per person
(`draft_wording`), and the facts they came from (where and when you met, one short topic
from `draft_topic`, what you promised from `draft_promise`). The service layer renders it
with the template `<kind>.j2` from `amity/templates/drafts/` or the user's own
`AMITY_HOME/templates/drafts/`.
"""

from __future__ import annotations

from datetime import date

from amity.engines import draft_wording as w
from amity.engines.agenda import FROM_THE_AGENDA
from amity.engines.draft_parts import (
    Parts,
    life_event_or_default,
    life_event_phrase,
    opener,
    question_and_closing,
    question_for,
    sign_off,
)
from amity.engines.draft_topic import topic_phrase
from amity.engines.draft_types import (
    DraftContext,
    DraftFacts,
    DraftKind,
    LifeEventFacts,
    NoteFacts,
    Tone,
)
from amity.model.wording import MONTH_NAMES

__all__ = [
    "DraftContext",
    "DraftFacts",
    "DraftKind",
    "LifeEventFacts",
    "NoteFacts",
    "Tone",
    "draft_context",
    "first_name",
    "life_event_phrase",
    "met_phrase",
    "pick_topic",
    "question_for",
    "topic_phrase",
    "when_phrase",
]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame"})
_PREPOSITIONS = ("at ", "in ", "on ", "through ", "via ", "during ", "over ")


def draft_context(
    kind: DraftKind, facts: DraftFacts, today: date, tone: Tone, signature: str
) -> DraftContext:
    event = facts.life_event
    parts = Parts(
        kind,
        tone is Tone.FORMAL,
        w.seed_for(facts.person_id, facts.name),
        facts,
        today,
        met_phrase(facts.where_met, facts.met_on, today),
        pick_topic(facts),
    )
    name = first_name(facts)
    question, closing = question_and_closing(parts)
    sign = signature.strip()
    return DraftContext(
        kind=kind,
        tone=tone,
        first_name=name,
        name=facts.name.strip(),
        met=parts.met,
        topic=parts.topic,
        gave=facts.gave.strip(),
        life_event=life_event_or_default(kind, event),
        event_kind=event.kind.value if event else "",
        ask=facts.ask.strip() or ("your advice on something" if kind is DraftKind.ASK else ""),
        promise=facts.promise.strip(),
        question=question,
        signature=sign,
        greeting=parts.pick_any(w.GREETING[facts.known], "greeting").format(name=name),
        opener=opener(parts),
        closing_line=closing,
        sign_off=sign_off(parts) if sign else "",
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
    """The explicit topic, else the first good phrase in the latest interaction's words.

    Within one interaction the topic wins, then the summary, the notes, what was learned.
    Interactions on the same day keep the order they were given in. A note with no phrase
    that reads after "our chat about" gives no topic (see `draft_topic`).
    """
    if facts.topic.strip() and (explicit := topic_phrase(facts.topic)):
        return explicit
    latest = sorted(facts.notes, key=lambda n: n.occurred_on, reverse=True)
    for note in latest:
        for text in (note.topic, note.summary, note.notes, note.learned):
            if text.endswith(FROM_THE_AGENDA):
                continue  # Amity's own record of a message, not something you talked about
            phrase = topic_phrase(text)
            if phrase:
                return phrase
    return ""
