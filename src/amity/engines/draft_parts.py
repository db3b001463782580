"""The parts of a message (opener, question, closing line, sign-off), for one person.

Each part is chosen from `draft_wording` by what Amity knows: whether you knew them before,
how long it has been against their cadence, what they need, like or gave you.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from amity.engines import draft_wording as w
from amity.engines.draft_promise import promise_opening, promise_shape
from amity.engines.draft_topic import (
    first_item,
    first_need,
    liking_said,
    need_said,
    to_second_person,
)
from amity.engines.draft_types import DraftFacts, DraftKind, LifeEventFacts, Tone
from amity.model.enums import LifeEventKind

# Without a cadence (a dormant tie), silence this long is "a while".
LONG_GAP_WITHOUT_CADENCE = 180
# Never "a while" for less than this, whatever the cadence.
A_WHILE_DAYS = 30
# A promise delivered within this many days of meeting someone new recalls the meeting.
RECENT_MEETING_DAYS = 7
# An ask within this many days of meeting says "It was great meeting you"; later, "We met".
RECENT_ASK_DAYS = 30


@dataclass(frozen=True, slots=True)
class Parts:
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


def long_gap(facts: DraftFacts, today: date) -> bool:
    """Beyond their cadence since you last talked, and at least a month: only then does a
    draft say "It's been a while" (three weeks is no while, even for a fortnightly friend)."""
    if facts.last_contact_on is None:
        return False
    silence = (today - facts.last_contact_on).days
    limit = facts.cadence_days if facts.cadence_days else LONG_GAP_WITHOUT_CADENCE
    return silence > max(limit, A_WHILE_DAYS)


def opener(p: Parts) -> str:
    return _OPENERS[p.kind](p)


def _followup_opener(p: Parts) -> str:
    facts, met = p.facts, f" {p.met}" if p.met else ""
    if facts.known and not facts.met_before:
        first = p.pick(w.FOLLOWUP_FINALLY, "opener").format(met=met)
    else:
        first = p.pick(w.FOLLOWUP_OPENER[facts.known], "opener").format(met=met)
    if not p.topic:
        return first
    return f"{first} {p.pick(w.FOLLOWUP_TOPIC[facts.known], 'topic').format(topic=p.topic)}"


def _checkin_opener(p: Parts) -> str:
    if p.facts.last_contact_on is None:
        return p.pick(w.CHECKIN_OPENER["never"], "opener")
    return p.pick(w.CHECKIN_OPENER["long" if long_gap(p.facts, p.today) else "within"], "opener")


def _ask_opener(p: Parts) -> str:
    facts, recall = p.facts, ""
    if p.met and not facts.known:
        recent = facts.met_on is not None and (p.today - facts.met_on).days <= RECENT_ASK_DAYS
        recall = "recent" if recent else "old"
    ask = facts.ask.strip() or "your advice on something"
    return p.pick(w.ASK_OPENER[recall], "opener").format(met=p.met, ask=ask)


def _reconnect_opener(p: Parts) -> str:
    if not p.met:
        return p.pick(w.RECONNECT_UNDATED, "opener")
    verb = "spoke" if p.formal else "talked"
    return p.pick(w.RECONNECT_OPENER[p.facts.known], "opener").format(
        met=p.met,
        and_topic=f" and {verb} about {p.topic}" if p.topic else "",
        about_topic=f" about {p.topic}" if p.topic else "",
    )


def _thanks_opener(p: Parts) -> str:
    gave = p.facts.gave.strip()
    if gave:
        first = p.pick(w.THANKS_RECEIVED, "opener").format(gave=gave)
    else:
        first = p.pick(w.THANKS_TIME, "opener").format(met=f" {p.met}" if p.met else "")
    if not p.topic:
        return first
    return f"{first} {p.pick(w.THANKS_TOPIC, 'topic').format(topic=p.topic)}"


def _congrats_opener(p: Parts) -> str:
    event = p.facts.life_event
    if event is not None and event.kind is LifeEventKind.BIRTHDAY:
        return p.pick(w.BIRTHDAY_OPENER, "opener")
    career = event is not None and event.kind in (LifeEventKind.NEW_JOB, LifeEventKind.PROMOTION)
    options = w.CONGRATS_CAREER if career else w.CONGRATS_OPENER
    return p.pick(options, "opener").format(event=life_event_or_default(p.kind, event))


def _promise_opener(p: Parts) -> str:
    delivery = promise_opening(p.facts.promise, p.formal) or p.pick(w.PROMISE_UNKNOWN, "opener")
    met_on = p.facts.met_on
    recent = met_on is not None and 0 <= (p.today - met_on).days <= RECENT_MEETING_DAYS
    if recent and p.met and not p.facts.known:
        return f"{p.pick(w.PROMISE_MET, 'met').format(met=p.met)} {delivery}"
    return delivery


_OPENERS = {
    DraftKind.FOLLOWUP: _followup_opener,
    DraftKind.CHECKIN: _checkin_opener,
    DraftKind.RECONNECT: _reconnect_opener,
    DraftKind.THANKS: _thanks_opener,
    DraftKind.CONGRATS: _congrats_opener,
    DraftKind.ASK: _ask_opener,
    DraftKind.PROMISE: _promise_opener,
}


def question_and_closing(p: Parts) -> tuple[str, str]:
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
    need = first_need(facts.needs) or _said(facts, need_said)
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
    interest = first_item(facts.interests) or _said(facts, liking_said)
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


def _checkin_question(p: Parts) -> str:
    if p.topic:
        activity = p.topic.split()[0].endswith("ing")
        options = w.TOPIC_ACTIVITY if activity else w.TOPIC_THING
        return p.pick(options, "topic").format(topic=p.topic)
    interest = first_item(p.facts.interests)
    if interest and p.facts.last_contact_on is not None:
        return p.pick(w.INTEREST_KNOWN, "interest").format(interest=interest)
    return p.pick(w.CHECKIN_QUESTION, "question")


def sign_off(p: Parts) -> str:
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


def life_event_or_default(kind: DraftKind, event: LifeEventFacts | None) -> str:
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


def _said(facts: DraftFacts, reader: Callable[[str], str]) -> str:
    """What the latest note says they need or like, when the profile does not say it."""
    for note in sorted(facts.notes, key=lambda n: n.occurred_on, reverse=True)[:1]:
        for text in (note.notes, note.summary):
            if found := reader(text):
                return found
    return ""
