"""What a drafted message says, worked out from the facts; templates arrange the parts.

The engine builds a `DraftContext`: the message's parts (greeting, opener, one question
that fits the person, a closing line, a sign-off), chosen from a few phrasings per person
(`draft_wording`), and the facts they came from (where and when you met, one short topic
from `draft_topic`, what you promised from `draft_promise`). The service layer renders it
with the template `<kind>.j2` from `amity/templates/drafts/` or the user's own
`AMITY_HOME/templates/drafts/`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum

from amity.engines import draft_wording as w
from amity.engines.coach import MONTH_NAMES
from amity.engines.draft_promise import promise_opening, promise_shape
from amity.engines.draft_topic import first_item, first_need, to_second_person, topic_phrase
from amity.model.enums import LifeEventKind

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame"})
_PREPOSITIONS = ("at ", "in ", "on ", "through ", "via ", "during ", "over ")
# Without a cadence (a dormant tie), silence this long is "a while".
LONG_GAP_WITHOUT_CADENCE = 180
# Never "a while" for less than this, whatever the cadence.
A_WHILE_DAYS = 30
# A promise delivered within this many days of meeting someone new recalls the meeting.
RECENT_MEETING_DAYS = 7
# An ask within this many days of meeting says "It was great meeting you"; later, "We met".
RECENT_ASK_DAYS = 30


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


@dataclass(frozen=True, slots=True)
class _Parts:
    """What the parts are chosen from: one person, one kind, one tone."""

    kind: DraftKind
    formal: bool
    seed: int
    facts: DraftFacts
    today: date
    met: str
    topic: str

    def pick(self, options: w.Pair, part: str) -> str:
        """This kind's phrasing of a part, for this person."""
        return self.pick_any(options, f"{self.kind}:{part}")

    def pick_any(self, options: w.Pair, part: str) -> str:
        """The same phrasing whatever the kind: a person greets someone one way."""
        return w.choose(options[1] if self.formal else options[0], self.seed, part)


def draft_context(
    kind: DraftKind, facts: DraftFacts, today: date, tone: Tone, signature: str
) -> DraftContext:
    event = facts.life_event
    parts = _Parts(
        kind,
        tone is Tone.FORMAL,
        w.seed_for(facts.person_id, facts.name),
        facts,
        today,
        met_phrase(facts.where_met, facts.met_on, today),
        pick_topic(facts),
    )
    name = first_name(facts)
    question, closing = _question_and_closing(parts)
    sign = signature.strip()
    return DraftContext(
        kind=kind,
        tone=tone,
        first_name=name,
        name=facts.name.strip(),
        met=parts.met,
        topic=parts.topic,
        gave=facts.gave.strip(),
        life_event=_life_event_or_default(kind, event),
        event_kind=event.kind.value if event else "",
        ask=facts.ask.strip() or ("your advice on something" if kind is DraftKind.ASK else ""),
        promise=facts.promise.strip(),
        question=question,
        signature=sign,
        greeting=parts.pick_any(w.GREETING[facts.known], "greeting").format(name=name),
        opener=_opener(parts),
        closing_line=closing,
        sign_off=_sign_off(parts) if sign else "",
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
            phrase = topic_phrase(text)
            if phrase:
                return phrase
    return ""


def long_gap(facts: DraftFacts, today: date) -> bool:
    """Beyond their cadence since you last talked, and at least a month: only then does a
    draft say "It's been a while" (three weeks is no while, even for a fortnightly friend)."""
    if facts.last_contact_on is None:
        return False
    silence = (today - facts.last_contact_on).days
    limit = facts.cadence_days if facts.cadence_days else LONG_GAP_WITHOUT_CADENCE
    return silence > max(limit, A_WHILE_DAYS)


def _opener(p: _Parts) -> str:
    kind, facts = p.kind, p.facts
    if kind is DraftKind.FOLLOWUP:
        met = f" {p.met}" if p.met else ""
        if facts.known and not facts.met_before:
            first = p.pick(w.FOLLOWUP_FINALLY, "opener").format(met=met)
        else:
            first = p.pick(w.FOLLOWUP_OPENER[facts.known], "opener").format(met=met)
        about = p.pick(w.FOLLOWUP_TOPIC[facts.known], "topic").format(topic=p.topic)
        return f"{first} {about}" if p.topic else first
    if kind is DraftKind.CHECKIN:
        if facts.last_contact_on is None:
            return p.pick(w.CHECKIN_OPENER["never"], "opener")
        gap = "long" if long_gap(facts, p.today) else "within"
        return p.pick(w.CHECKIN_OPENER[gap], "opener")
    if kind is DraftKind.RECONNECT:
        return _reconnect_opener(p)
    if kind is DraftKind.THANKS:
        return _thanks_opener(p)
    if kind is DraftKind.CONGRATS:
        return _congrats_opener(p)
    if kind is DraftKind.ASK:
        ask = facts.ask.strip() or "your advice on something"
        recall = ""
        if p.met and not facts.known:
            recent = facts.met_on is not None and (p.today - facts.met_on).days <= RECENT_ASK_DAYS
            recall = "recent" if recent else "old"
        return p.pick(w.ASK_OPENER[recall], "opener").format(met=p.met, ask=ask)
    return _promise_opener(p)


def _reconnect_opener(p: _Parts) -> str:
    if not p.met:
        return p.pick(w.RECONNECT_UNDATED, "opener")
    return p.pick(w.RECONNECT_OPENER[p.facts.known], "opener").format(
        met=p.met,
        and_topic=f" and talked about {p.topic}"
        if p.topic and not p.formal
        else (f" and spoke about {p.topic}" if p.topic else ""),
        about_topic=f" about {p.topic}" if p.topic else "",
    )


def _thanks_opener(p: _Parts) -> str:
    gave = p.facts.gave.strip()
    if gave:
        first = p.pick(w.THANKS_RECEIVED, "opener").format(gave=gave)
    else:
        first = p.pick(w.THANKS_TIME, "opener").format(met=f" {p.met}" if p.met else "")
    if not p.topic:
        return first
    return f"{first} {p.pick(w.THANKS_TOPIC, 'topic').format(topic=p.topic)}"


def _congrats_opener(p: _Parts) -> str:
    event = p.facts.life_event
    if event is not None and event.kind is LifeEventKind.BIRTHDAY:
        return p.pick(w.BIRTHDAY_OPENER, "opener")
    career = event is not None and event.kind in (LifeEventKind.NEW_JOB, LifeEventKind.PROMOTION)
    options = w.CONGRATS_CAREER if career else w.CONGRATS_OPENER
    return p.pick(options, "opener").format(event=_life_event_or_default(p.kind, event))


def _promise_opener(p: _Parts) -> str:
    delivery = promise_opening(p.facts.promise, p.formal) or p.pick(w.PROMISE_UNKNOWN, "opener")
    met_on = p.facts.met_on
    recent = met_on is not None and 0 <= (p.today - met_on).days <= RECENT_MEETING_DAYS
    if recent and p.met and not p.facts.known:
        return f"{p.pick(w.PROMISE_MET, 'met').format(met=p.met)} {delivery}"
    return delivery


def _question_and_closing(p: _Parts) -> tuple[str, str]:
    """One question that fits the person, and the sentence after it (or "")."""
    kind, facts = p.kind, p.facts
    if kind is DraftKind.CONGRATS:
        event = facts.life_event.kind if facts.life_event else None
        return question_for(kind, Tone.FORMAL if p.formal else Tone.CASUAL, event, p.seed), ""
    if kind is DraftKind.ASK:
        return p.pick(w.ASK_QUESTION, "question"), p.pick(w.ASK_CLOSING, "closing")
    if kind is DraftKind.PROMISE:
        shape = promise_shape(facts.promise)
        if shape == "introduction":
            return p.pick(w.INTRO_QUESTION, "question"), ""
        if shape == "deed":
            return p.pick(w.DEED_QUESTION, "question"), ""
        return p.pick(w.PROMISE_QUESTION, "question"), ""
    need = first_need(facts.needs)
    if need:
        if need.split()[0].endswith("ing"):
            options = w.NEED_ACTIVITY
        else:
            options = w.NEED_THING[facts.known or kind is not DraftKind.FOLLOWUP]
        return p.pick(options, "need").format(need=need), p.pick(w.NEED_OFFER, "offer")
    if kind is DraftKind.THANKS:
        return p.pick(w.THANKS_QUESTION[bool(facts.gave.strip())], "question"), ""
    if kind is DraftKind.CHECKIN:
        return _checkin_question(p), p.pick(w.CHECKIN_CLOSING, "closing")
    interest = first_item(facts.interests)
    if kind is DraftKind.RECONNECT:
        if interest:
            asked = p.pick(w.INTEREST_KNOWN, "interest").format(interest=interest)
        else:
            asked = p.pick(w.RECONNECT_QUESTION[bool(p.met)], "question")
        return asked, p.pick(w.RECONNECT_CLOSING, "closing")
    if interest:
        options = w.INTEREST_KNOWN if facts.known else w.INTEREST_NEW
        question = p.pick(options, "interest").format(interest=interest)
    else:
        question = p.pick(w.FOLLOWUP_QUESTION[facts.known], "question")
    return question, p.pick(w.FOLLOWUP_CLOSING[facts.known], "closing")


def _checkin_question(p: _Parts) -> str:
    if p.topic:
        activity = p.topic.split()[0].endswith("ing")
        options = w.TOPIC_ACTIVITY if activity else w.TOPIC_THING
        return p.pick(options, "topic").format(topic=p.topic)
    interest = first_item(p.facts.interests)
    if interest and p.facts.last_contact_on is not None:
        return p.pick(w.INTEREST_KNOWN, "interest").format(interest=interest)
    return p.pick(w.CHECKIN_QUESTION, "question")


def _sign_off(p: _Parts) -> str:
    key = p.kind.value if p.kind.value in w.SIGN_OFF else ""
    return p.pick_any(w.SIGN_OFF[key], f"sign_off:{key}")


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
        place = detail.removeprefix("to ").strip()
        return f"your move to {place}" if place else "your move"
    return _news(detail)


def _news(detail: str) -> str:
    """What the user wrote about other news, if it reads after "Congratulations on":
    "the launch of Acme" or "launching Acme" do; "had a baby" does not, so: "your news"."""
    words = to_second_person(detail.strip().rstrip(".!")).split()
    if not words:
        return "your good news"
    first = words[0].lower()
    if first in {"the", "a", "an", "your", "my", "our"} or first.endswith("ing"):
        return " ".join([first, *words[1:]])
    return "your news"


def _life_event_or_default(kind: DraftKind, event: LifeEventFacts | None) -> str:
    if event is not None:
        return life_event_phrase(event)
    return "your good news" if kind is DraftKind.CONGRATS else ""


def question_for(kind: DraftKind, tone: Tone, event: LifeEventKind | None, seed: int = 0) -> str:
    """The kind's own open question for this tone (and life event), chosen by `seed`.

    A draft asks about the person's needs, interests or topic first (`draft_context`);
    this is the question a draft falls back on.
    """
    if kind is DraftKind.CONGRATS:
        pair = w.CONGRATS_QUESTIONS.get(event, w.DEFAULT_CONGRATS) if event else w.DEFAULT_CONGRATS
    else:
        pair = _KIND_QUESTIONS[kind]
    return w.choose(pair[1] if tone is Tone.FORMAL else pair[0], seed, f"{kind}:question")


_KIND_QUESTIONS: dict[DraftKind, w.Pair] = {
    DraftKind.FOLLOWUP: w.FOLLOWUP_QUESTION[False],
    DraftKind.CHECKIN: w.CHECKIN_QUESTION,
    DraftKind.THANKS: w.THANKS_QUESTION[True],
    DraftKind.ASK: w.ASK_QUESTION,
    DraftKind.RECONNECT: w.RECONNECT_QUESTION[True],
    DraftKind.PROMISE: w.PROMISE_QUESTION,
}
