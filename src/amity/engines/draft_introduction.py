"""The messages of a double opt-in introduction, one for each step that is yours.

- the ask to A: who B is, why you thought of them both, and an easy way to say no (B does
  not know you are asking, so a no costs nothing);
- the ask to B, once A said yes: A would be glad to hear from them;
- the introduction itself, one message to both: who each is, why they should talk, and
  then you step back;
- a nudge, when an answer has been out a week: one line, and "not now" is a fine answer;
- the thank-you to A once they were introduced, asking how it went.

The reason is the user's own words, quoted after "Why I thought of you both:", so a
fragment ("both work on payments fraud") and a sentence read alike. Each message is
signed with the user's signature, with a sign-off chosen per person as other drafts do
(`draft_wording`); a formal tone says "Dear" and writes out "I would".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from amity.engines import draft_wording as w
from amity.engines.drafts import DraftFacts, first_name
from amity.model.enums import IntroductionState

ABOUT_MAX_CHARS = 60  # a headline longer than this is a profile, not who someone is


class IntroMessage(StrEnum):
    ASK_A = "ask_a"
    NUDGE_A = "nudge_a"
    ASK_B = "ask_b"
    NUDGE_B = "nudge_b"
    INTRODUCTION = "introduction"  # to both
    THANKS = "thanks"  # to A, asking how it went


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two people, as a message names them."""

    person_id: int
    name: str
    given_name: str = ""
    nickname: str = ""
    title: str = ""
    organization: str = ""
    headline: str = ""

    @property
    def first(self) -> str:
        """What you call them: nickname, given name, or the first word of the name."""
        return first_name(DraftFacts(self.name, self.given_name, self.nickname))

    @property
    def full(self) -> str:
        return " ".join(self.name.split()) or self.first

    @property
    def about(self) -> str:
        """Who they are in a few words: "Founder at Ledgerly", else a short headline, or ""."""
        title, org = _line(self.title), _line(self.organization)
        if title and org:
            return f"{title} at {org}"
        headline = _line(self.headline)
        if headline and len(headline) <= ABOUT_MAX_CHARS:
            return headline
        return title or org

    @property
    def named(self) -> str:
        """ "Ben Ode (Founder at Ledgerly)", or "Ben Ode"."""
        return f"{self.full} ({self.about})" if self.about else self.full


def _line(text: str) -> str:
    return " ".join(text.split())


def reason_words(reason: str) -> str:
    """The reason on one line, ending with a full stop (or the user's own ! or ?)."""
    text = _line(reason).rstrip(" .;:,")
    if not text:
        return "I think you would have a lot to talk about."
    return text if text.endswith(("!", "?")) else f"{text}."


# The message each open step needs next.
NEXT_MESSAGE: dict[IntroductionState, IntroMessage] = {
    IntroductionState.PROPOSED: IntroMessage.ASK_A,
    IntroductionState.ASKED_A: IntroMessage.NUDGE_A,
    IntroductionState.A_AGREED: IntroMessage.ASK_B,
    IntroductionState.ASKED_B: IntroMessage.NUDGE_B,
    IntroductionState.B_AGREED: IntroMessage.INTRODUCTION,
    IntroductionState.INTRODUCED: IntroMessage.THANKS,
}


def recipient(message: IntroMessage) -> str:
    """Whom the message goes to: "a", "b", or "both"."""
    if message in (IntroMessage.ASK_B, IntroMessage.NUDGE_B):
        return "b"
    return "both" if message is IntroMessage.INTRODUCTION else "a"


def draft_message(
    message: IntroMessage,
    a: Side,
    b: Side,
    reason: str,
    *,
    formal: bool = False,
    signature: str = "",
) -> str:
    """The text of one message of the introduction of `a` and `b`."""
    to = b if recipient(message) == "b" else a
    greeting = f"{'Dear' if formal else 'Hi'} {to.first},"
    if message is IntroMessage.INTRODUCTION:
        greeting = f"{'Dear' if formal else 'Hi'} {a.first} and {b.first},"
    paragraphs = [greeting, *_BODIES[message](a, b, reason_words(reason), formal)]
    sign = signature.strip()
    if sign:
        closing = w.choose(
            w.SIGN_OFF[""][1 if formal else 0], w.seed_for(to.person_id, to.name), "sign_off:"
        )
        paragraphs.append(f"{closing}\n{sign}" if closing else sign)
    return "\n\n".join(paragraphs)


def _ask_a(a: Side, b: Side, why: str, formal: bool) -> list[str]:
    if formal:
        return [
            f"I hope this finds you well. I would like to introduce you to {b.named}, if you "
            f"are open to it. Why I thought of you both: {why}",
            f"Would you be happy for me to connect you by email? If the timing is not right, "
            f"please just say so: no reason is needed, and {b.first} does not know I am asking.",
        ]
    return [
        f"I hope you're well! I'd like to introduce you to {b.named}, if you're open to it. "
        f"Why I thought of you both: {why}",
        f"Would you be happy for me to connect you by email? If it's not a good time, just say "
        f"so: no reason needed, and {b.first} doesn't know I'm asking.",
    ]


def _ask_b(a: Side, b: Side, why: str, formal: bool) -> list[str]:
    if formal:
        return [
            f"I hope this finds you well. I would like to introduce you to {a.named}, who would "
            f"be glad to hear from you. Why I thought of you both: {why}",
            "Shall I connect you by email? There is no pressure at all: if the timing is not "
            "right, please just say so.",
        ]
    return [
        f"I hope you're well! I'd like to introduce you to {a.named}, who'd be glad to hear "
        f"from you. Why I thought of you both: {why}",
        "Shall I connect you by email? No pressure at all: if the timing isn't right, just say so.",
    ]


def _introduction(a: Side, b: Side, why: str, formal: bool) -> list[str]:
    thanks = (
        "Thank you both for agreeing to this introduction."
        if formal
        else "Thank you both for saying yes: here's the introduction I promised."
    )
    step_back = (
        "I will leave it to you both from here."
        if formal
        else "I'll step back and let you two take it from here."
    )
    return [
        thanks,
        f"{a.first}, meet {b.named}. {b.first}, meet {a.named}.",
        f"Why I thought you should talk: {why}",
        step_back,
    ]


def _nudge(other: Side, *, to_a: bool, formal: bool) -> list[str]:
    ask = (
        f"would you like me to introduce you to {other.full}?"
        if to_a
        else f"shall I introduce you to {other.full}?"
    )
    if formal:
        return [
            f"I am bringing my earlier note back up in case it got buried: {ask}",
            'A quick yes or "not now" is all I need, and either answer is completely fine.',
        ]
    return [
        f"Just bringing this back up in case it got buried: {ask}",
        'A quick yes or "not now" is all I need, and either is completely fine.',
    ]


def _thanks(a: Side, b: Side, why: str, formal: bool) -> list[str]:
    if formal:
        return [
            f"Thank you again for being open to meeting {b.first}. I hope you were able to "
            "connect; I would be glad to hear how it went.",
        ]
    return [
        f"Thanks again for being open to meeting {b.first}! Did you two manage to connect? "
        "I'd love to hear how it went.",
    ]


_BODIES = {
    IntroMessage.ASK_A: _ask_a,
    IntroMessage.ASK_B: _ask_b,
    IntroMessage.INTRODUCTION: _introduction,
    IntroMessage.NUDGE_A: lambda a, b, why, formal: _nudge(b, to_a=True, formal=formal),
    IntroMessage.NUDGE_B: lambda a, b, why, formal: _nudge(a, to_a=False, formal=formal),
    IntroMessage.THANKS: _thanks,
}
