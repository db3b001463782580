"""Conversation openers for an event: open questions, suited to the person and your goal.

An opener is a question that cannot be answered with yes or no and is about them, not
you. The best ones show you remember something: news of theirs (a new job, a move), what
you last talked about, what they said they need, what they care about. Then their work,
asked as a real question, and a bridge to your goal that still lets them talk first.
Each person gets up to three, each from a different source, so no two read alike; anyone
with a name gets at least one ("What brings you to ...?").

For the room (`audience_openers`) the questions come from the event's purpose and your
goal: what a founder raising money, someone looking for a job or someone meeting
customers would want the other person to talk about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

PER_PERSON = 3
FOR_THE_ROOM = 3


@dataclass(frozen=True, slots=True)
class News:
    """Something that happened to them: a life event's kind and its words."""

    kind: str  # new_job, promotion, moved, work_anniversary, other
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Someone:
    """What you know of a person, as the openers need it."""

    name: str
    title: str = ""
    organization: str = ""
    headline: str = ""
    interests: str = ""
    needs: str = ""
    last_talk: str = ""  # what you last talked about, in your words
    news: tuple[News, ...] = ()
    speaking: bool = False  # on the event's programme


@dataclass(frozen=True, slots=True)
class Occasion:
    event: str
    purpose: str = ""
    goal: str = ""


_JOB_WORDS = re.compile(
    r"\b(job|role|position|internship|career|hired|hiring|offer|move into|recruiters?)\b"
)
_MONEY_WORDS = re.compile(r"\b(rais\w*|investors?|seed|funding|fund|round|angels?|vcs?)\b")
_CUSTOMER_WORDS = re.compile(r"\b(design partners?|customers?|clients?|pilots?|users?|sell\w*)\b")
# You are the one hiring: "hire two engineers", "recruit a designer", "meet candidates".
# Not "meet recruiters" (they hire; you are looking), and "hiring" alone only when nothing
# says you are after a job yourself ("companies that are hiring" for a backend role).
_HIRE_VERBS = re.compile(r"\b(hire|recruit|recruiting|candidates?)\b")


def _you_hire(aim: str) -> bool:
    if _HIRE_VERBS.search(aim):
        return True
    said = _JOB_WORDS.findall(aim)
    return bool(said) and all(word == "hiring" for word in said)


_QUESTION_WORDS = frozenset({"how", "why", "what", "where", "when", "who", "which", "whether"})


def person_openers(someone: Someone, occasion: Occasion) -> list[str]:
    """Up to three open questions for this person at this event."""
    found = [
        "What do you hope people take away from your talk?" if someone.speaking else "",
        _about_news(someone),
        _about_last_talk(someone),
        _about_needs(someone),
        _about_work(someone),
        _bridge(someone, occasion),
        _about_interest(someone),
    ]
    chosen = _varied([q for q in found if q], PER_PERSON)
    return chosen or [f"What brings you to {occasion.event}?"]


def audience_openers(occasion: Occasion) -> list[str]:
    """Open questions for anyone you meet there, suited to the purpose and your goal."""
    aim = f"{occasion.goal} {occasion.purpose}".lower()
    questions = [f"What brought you to {occasion.event}, and what are you hoping to find?"]
    if _MONEY_WORDS.search(aim):
        questions.append("What makes a company stand out to you in the first five minutes?")
        questions.append("Which problems in this space do you think are still unsolved?")
    elif _CUSTOMER_WORDS.search(aim):
        questions.append("What's the most tedious part of your team's week right now?")
        questions.append("When you last tried a new tool at work, what made you stick with it?")
    elif _you_hire(aim):
        questions.append("What would make you look at a new role, if anything?")
        questions.append("What are you working on that you'd love to talk about for an hour?")
    elif _JOB_WORDS.search(aim):
        questions.append("How did you end up in the work you do now?")
        questions.append("What does a good first year look like for someone joining your team?")
    else:
        questions.append("What are you working on these days that you're most excited about?")
        questions.append("Who here do you think I should make sure to meet?")
    return questions[:FOR_THE_ROOM]


def _about_news(someone: Someone) -> str:
    for news in someone.news:
        detail = _phrase(news.detail)
        if news.kind == "new_job":
            where = someone.organization or detail or "the new place"
            return f"How are the first months at {where} going, and what has surprised you?"
        if news.kind == "promotion":
            step = f" to {detail}" if detail else ""
            return f"What has changed in your days since the step up{step}?"
        if news.kind == "moved":
            where = detail.removeprefix("to ").removeprefix("moved to ") or "the new city"
            return f"How are you finding life in {where} so far?"
        if news.kind == "work_anniversary":
            return "Looking back on the last year, what are you proudest of?"
    return ""


def _about_last_talk(someone: Someone) -> str:
    topic = _yours(_phrase(someone.last_talk))
    if not topic or len(topic) > 80:
        return ""
    return f"Last time we talked about {topic}: where has that gone since?"


def _about_needs(someone: Someone) -> str:
    need = _yours(_phrase(someone.needs))
    if not need or len(need) > 80:
        return ""
    return f"You were looking for {need}: how is that going, and what would help?"


def _about_interest(someone: Someone) -> str:
    interest = _yours(_first_item(someone.interests))
    if not interest or interest.lower() in _yours(_phrase(someone.last_talk)).lower():
        return ""
    if interest.lower().split()[0] in _QUESTION_WORDS:  # "how they got into product": no hobby
        return ""
    if interest.lower().startswith(("a ", "an ", "the ", "your ")):
        return f"What have you taken from {interest} so far?"
    return f"What drew you to {interest}, and what keeps you at it?"


# What to ask someone about their work, by what they do; the first that fits is used.
_WORK_BY_TITLE = (
    (re.compile(r"recruit|talent|sourc"), "What kind of people is {org} hoping to find now?"),
    (re.compile(r"founder|ceo|owner"), "What is {org} trying hardest to get right this year?"),
    (
        re.compile(r"investor|partner|principal|\bvc\b|angel"),
        "What are you looking for in your next bet?",
    ),
    (re.compile(r"manager|lead|head|director"), "What is your team at {org} wrestling with?"),
)
_WORK_ANY = (
    "What is the hardest problem your team at {org} is on right now?",
    "What has changed most about your work at {org} this year?",
    "What are you working on at {org} that you wish more people knew about?",
)


def _about_work(someone: Someone) -> str:
    org = someone.organization
    what = f"{someone.title} {someone.headline}".lower()
    if not org:
        return "What part of your work are you most absorbed in right now?" if what.strip() else ""
    for pattern, question in _WORK_BY_TITLE:
        if pattern.search(what):
            return question.format(org=org)
    # Several people at one event should not all hear the same question.
    return _WORK_ANY[sum(map(ord, someone.name)) % len(_WORK_ANY)].format(org=org)


def _bridge(someone: Someone, occasion: Occasion) -> str:
    """A question that moves towards your goal, still about them."""
    aim = f"{occasion.goal} {occasion.purpose}".lower()
    what = f"{someone.title} {someone.headline}".lower()
    org = someone.organization
    if _MONEY_WORDS.search(aim) and _INVESTOR.search(what):
        return "Which of the companies that pitched you this year stood out, and why?"
    if _CUSTOMER_WORDS.search(aim):
        return "What slows your team down most in a normal week?"
    if _MONEY_WORDS.search(aim):
        return "Who here would you say is most worth meeting?"
    if _JOB_WORDS.search(aim) and re.search(r"recruit|talent|founder|ceo|hiring", what):
        return "What makes someone early in their career stand out to you?"
    if _JOB_WORDS.search(aim) and org:
        return f"What do you wish you had known before you joined {org}?"
    if _JOB_WORDS.search(aim):
        return "How did you find your way into the work you do now?"
    return f"What brings you to {occasion.event}?"


_INVESTOR = re.compile(r"\b(investor|partner|principal|vc|angel|fund|capital|ventures)\b")


def _varied(questions: Sequence[str], limit: int) -> list[str]:
    """At most `limit` questions, no two opening with the same three words."""
    chosen: list[str] = []
    starts: set[str] = set()
    for question in questions:
        start = " ".join(question.lower().split()[:3])
        if start in starts or question in chosen:
            continue
        starts.add(start)
        chosen.append(question)
        if len(chosen) == limit:
            break
    return chosen


def _phrase(text: str) -> str:
    """A note as the middle of a sentence: one line, no end stop, a common first word
    lowered."""
    one = " ".join(text.split()).rstrip(".!?;:")
    if not one:
        return ""
    first = one.split(" ")[0]
    if first[:1].isupper() and first[1:].islower() and first.lower() in _LOWERED:
        return one[0].lower() + one[1:]
    return one


_LOWERED = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "their",
        "our",
        "my",
        "new",
        "moving",
        "moved",
        "looking",
        "hiring",
        "building",
        "raising",
        "finding",
        "seeing",
        "starting",
        "working",
    ]
)


_PRONOUNS = {"they": "you", "them": "you", "their": "your", "theirs": "yours",
             "themselves": "yourself", "they're": "you're", "they've": "you've"}  # fmt: skip
_WORD = re.compile(r"[A-Za-z']+")


def _yours(text: str) -> str:
    """Notes speak of them ("their move to Lisbon"); a question speaks to them ("your")."""
    return _WORD.sub(lambda m: _PRONOUNS.get(m.group(0).lower(), m.group(0)), text)


def _first_item(text: str) -> str:
    """The first of a list of interests ("climbing, jazz; Go" -> "climbing")."""
    first = re.split(r"[,;/\n]| and ", text)[0] if text else ""
    return _phrase(first)
