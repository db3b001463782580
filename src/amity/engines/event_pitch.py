"""The elevator pitch for an event: who you are, what you are after, why you came.

Three short sentences at most, in the first person, said aloud in under twenty seconds:
who you are (your name and headline, or your current job, from your profile), what you
are working towards (the first goal the event serves), and what you hope to find at this
event (its purpose). A part the user has not told Amity is left out rather than filled
with a placeholder; with no profile and no goal or purpose there is no pitch, and the
caller says how to give one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A goal or purpose that starts with one of these is an action ("raise a seed round"):
# "I'm trying to ..."; anything else is a thing sought ("backend role at a fintech").
ACTION_WORDS = frozenset(
    [
        "become",
        "break",
        "build",
        "change",
        "close",
        "connect",
        "find",
        "get",
        "grow",
        "hire",
        "join",
        "land",
        "launch",
        "learn",
        "make",
        "meet",
        "move",
        "publish",
        "raise",
        "reach",
        "recruit",
        "secure",
        "ship",
        "sign",
        "speak",
        "start",
        "switch",
        "talk",
        "test",
        "validate",
        "win",
        "write",
        "explore",
        "understand",
        "pitch",
        "sell",
        "partner",
    ]
)
_ARTICLES = ("a ", "an ", "the ", "my ", "our ", "some ", "more ")
_HEADLINE_SPLIT = re.compile(r"\s*[|·•]\s*|\s+-\s+")


@dataclass(frozen=True, slots=True)
class Profile:
    """The user as the pitch needs them: a name, a headline, a current job."""

    name: str = ""
    headline: str = ""
    title: str = ""
    organization: str = ""

    @property
    def empty(self) -> bool:
        return not (self.name or self.headline or self.title or self.organization)


def elevator_pitch(
    profile: Profile, *, event: str, purpose: str = "", goals: Sequence[str] = ()
) -> str:
    """The pitch, or "" when there is nothing to say yet (no profile, no goal, no purpose)."""
    sentences = [
        part
        for part in (
            _who(profile),
            _after(goals[0]) if goals else "",
            _here(event, purpose, goals[0] if goals else ""),
        )
        if part
    ]
    return " ".join(sentences)


def _who(profile: Profile) -> str:
    first = profile.name.split(" ")[0] if profile.name else ""
    what = _headline(profile.headline)
    if not what and profile.title:
        at = f" at {profile.organization}" if profile.organization else ""
        what = _article(_job_words(profile.title)) + at
    elif not what and profile.organization:
        what = f"with {profile.organization}"
    if first and what:
        return f"I'm {profile.name}, {what}."
    if first:
        return f"I'm {profile.name}."
    return f"I'm {what}." if what else ""


def _headline(headline: str) -> str:
    """The first part of a LinkedIn headline ("Final-year CS student | Python, Go"), as
    the rest of "I'm Maya Chen, ..."."""
    parts = [p for p in _HEADLINE_SPLIT.split(headline.strip()) if p]
    if not parts:
        return ""
    first = _job_words(parts[0].rstrip("."))
    for founder in ("founder at ", "co-founder at ", "cofounder at "):
        if first.lower().startswith(founder):
            article = "the" if founder == "founder at " else "a"
            return f"{article} {first[: len(founder) - 4]} of {first[len(founder) :]}"
    return first if _has_determiner(first) else _article(first)


def _job_words(text: str) -> str:
    """ "Senior Engineer" -> "senior engineer"; names and acronyms stay ("CS", "Plaid")."""
    return " ".join(
        w[0].lower() + w[1:] if w.lower() in _COMMON and w[1:].islower() else w
        for w in text.split(" ")
    )


def _after(goal: str) -> str:
    text = _clause(goal)
    if not text:
        return ""
    verb = text.split(" ")[0]
    if verb.endswith("ing"):
        return f"Right now I'm {text}."
    if verb in ACTION_WORDS:
        return f"Right now I'm trying to {text}."
    return f"Right now I'm looking for {_article(text)}."


def _here(event: str, purpose: str, goal: str) -> str:
    text = _clause(purpose)
    if not text or _same(text, _clause(goal)):
        return ""
    verb = text.split(" ")[0]
    where = f"At {event}" if event else "Here"
    if verb in ACTION_WORDS:
        return f"{where} I'm hoping to {text}."
    if verb.endswith("ing"):
        return f"{where} I'm {text}."
    return f"{where} I'm hoping to find {_article(text)}."


def _clause(text: str) -> str:
    """A goal or purpose as the middle of a sentence: one line, no final stop, first
    letter lowered unless it starts an acronym or a name ("AI", "Plaid")."""
    one = " ".join(text.split()).rstrip(".!;")
    return _lower_first(one)


def _lower_first(text: str) -> str:
    """Lower the first letter of a common word ("Backend role" -> "backend role"); keep a
    name or an acronym ("Plaid", "CS student")."""
    word = text.split(" ")[0] if text else ""
    common = word.lower() in _COMMON or (word.lower().endswith("ing") and word[1:].islower())
    return text[0].lower() + text[1:] if common else text


# Words that start a sentence but are not names: lowered in the middle of one.
_COMMON = ACTION_WORDS | frozenset(
    [
        "a",
        "an",
        "the",
        "backend",
        "frontend",
        "senior",
        "junior",
        "final-year",
        "final",
        "first",
        "second",
        "third",
        "software",
        "product",
        "data",
        "design",
        "founder",
        "co-founder",
        "cofounder",
        "student",
        "engineer",
        "developer",
        "designer",
        "manager",
        "lead",
        "head",
        "staff",
        "principal",
        "fintech",
        "seed",
        "series",
        "early",
        "marketing",
        "sales",
        "full-stack",
        "fullstack",
        "machine",
        "engineering",
        "scientist",
        "analyst",
        "researcher",
        "consultant",
        "intern",
        "partner",
        "investor",
        "recruiter",
        "director",
        "officer",
        "chief",
        "executive",
        "associate",
        "assistant",
        "student",
        "at",
        "of",
    ]
)


def _has_determiner(text: str) -> bool:
    return text.lower().startswith(_ARTICLES) or text[:1].isdigit()


def _article(text: str) -> str:
    if not text or _has_determiner(text) or text.split(" ")[0].endswith("s"):
        return text
    if text.lower().startswith(("with ", "at ", "in ", "for ")):
        return text
    word = text.split(" ")[0]
    if word.isupper() and word[0] in "AEFHILMNORSX":
        return f"an {text}"  # "an ML engineer", "an SRE"
    return f"an {text}" if text[0].lower() in "aeiou" else f"a {text}"


def _same(a: str, b: str) -> bool:
    return bool(a) and a.lower() == b.lower()
