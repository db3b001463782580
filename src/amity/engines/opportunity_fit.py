"""Who an opportunity suits: your contacts ranked by what they say they need, offer and are
interested in, and by what they do (title, headline), each with the reason in words.

Pure: the service hands in the opportunity's words and the people's texts. The rule, as a
thoughtful friend would apply it:

- Only meaningful words count. Generic words ("looking", "job", "role", "new", "senior",
  "team") never match on their own, and a word is compared by its stem ("engineering" is
  "engineer", "speaker" is "speaking"). Words rare among your contacts weigh more than
  common ones (inverse document frequency): "kubernetes" says more than "engineer".
- Where the word is found matters, and depends on the kind of opportunity (`WEIGHTS`): for
  a job, someone who says they are looking for it (needs) first, then someone who does it
  (title, headline), and an interest last; for a project, who offers that work; for a talk
  or a podcast, who offers, speaks on or is interested in the topic.
- The opportunity's title counts fully, its description half. The words in order ("data
  engineer" in "Senior Data Engineer") count a quarter more than the same words apart.

The score is 0-100: a match on every word of the title in both of the kind's two strongest
places is 100. People under `MIN_SCORE` are not suggested: one common word in an interest
is not a reason to pass a job on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from amity.model.enums import OpportunityKind

MIN_SCORE = 10
DESCRIPTION_SHARE = 0.5
IN_ORDER_BONUS = 1.25
CLAUSE_CHARS = 70

FIELDS = ("needs", "offers", "interests", "title", "headline")
WEIGHTS: dict[OpportunityKind, dict[str, float]] = {
    OpportunityKind.JOB: {
        "needs": 3.0, "title": 2.0, "headline": 1.5, "offers": 1.0, "interests": 0.5
    },
    OpportunityKind.PROJECT: {
        "offers": 3.0, "title": 2.0, "headline": 1.5, "needs": 1.5, "interests": 1.0
    },
    OpportunityKind.SPEAKING: {
        "offers": 2.5, "headline": 2.0, "interests": 2.0, "needs": 2.0, "title": 1.5
    },
    OpportunityKind.PODCAST: {
        "offers": 2.5, "headline": 2.0, "interests": 2.0, "needs": 2.0, "title": 1.5
    },
    OpportunityKind.COLLAB: {
        "interests": 2.5, "offers": 2.0, "needs": 2.0, "headline": 1.5, "title": 1.0
    },
}  # fmt: skip

# Words that say nothing about what the opportunity is: never a match on their own.
GENERIC = frozenset(
    """a an the and or but nor of for to in on at by with from into about as is are was be
    been being am i me my we us our you your they them their he she his her it its this that
    these those there here who whom what which when where how why all any some each every
    more most other such no not only own same so than too very can will just should would
    could may might must do does did have has had get got new now next also etc via per
    looking look seeking seek searching search want wanting wants hoping hope need needs
    needed open interested interest interests keen eager happy love like
    job jobs role roles position positions opening openings opportunity opportunities work
    working career gig gigs thing things something anything someone anyone people person
    team teams company companies firm org organisation organization business help
    great good best nice full part time remote hybrid onsite based
    senior junior lead staff principal head chief mid level entry associate
    year years month months day days week weeks""".split()
)
_WORD = re.compile(r"[^\W_]+(?:[+#]+|(?:['’][^\W_]+))?")
_CLAUSES = {"interests": re.compile(r"[,;\n.|/]+"), "default": re.compile(r"[;\n.|]+")}
_SAYS_ITSELF = ("looking", "seeking", "searching", "hoping", "wants", "open to", "needs")


@dataclass(frozen=True, slots=True)
class Profile:
    """One person's words, as they or you wrote them."""

    person_id: int
    name: str
    needs: str = ""
    offers: str = ""
    interests: str = ""
    title: str = ""
    headline: str = ""

    def field(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True, slots=True)
class Wanted:
    """What the opportunity is about: its kind, title and description."""

    kind: OpportunityKind
    title: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Fit:
    """Someone an opportunity suits: how well (0-100) and why, in words."""

    person_id: int
    name: str
    score: int
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def stem(word: str) -> str:
    """A word's stem, for comparing: `engineering`, `engineers` -> `engineer`; `speaker`,
    `speaking`, `speakers` -> `speak`. Short words are kept whole."""
    w = word.casefold().replace("’", "'").removesuffix("'s")
    if w.endswith("s") and not w.endswith(("ss", "is", "us")) and len(w) >= 5:
        w = w[:-1]
    if w.endswith("ing") and len(w) >= 7:
        w = w[:-3]
    if w.endswith("er") and not w.endswith("eer") and len(w) >= 6:
        w = w[:-2]  # engineer and volunteer keep theirs: the person is the work
    return w


def terms(text: str) -> list[str]:
    """The meaningful stems of a text, in order (generic words dropped)."""
    found = []
    for raw in _WORD.findall(text):
        word = raw.casefold()
        if word in GENERIC:
            continue
        stemmed = stem(word)
        if stemmed and stemmed not in GENERIC:
            found.append(stemmed)
    return found


def _pairs(stems: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(stems, stems[1:], strict=False))


def suited(
    wanted: Wanted,
    people: Iterable[Profile],
    *,
    total: int,
    limit: int = 10,
) -> list[Fit]:
    """The people `wanted` suits, best first (then by name, then id), at most `limit`.

    `people` may be only those who share a word with the opportunity (a prefilter);
    `total` is how many people the whole network has, for the rarity of each word."""
    title_terms = terms(wanted.title)
    weights: dict[str, float] = {t: 1.0 for t in title_terms}
    for t in terms(wanted.description):
        weights.setdefault(t, DESCRIPTION_SHARE)
    if not weights:
        return []
    title_pairs = _pairs(title_terms)
    parsed = [(p, {f: terms(p.field(f)) for f in FIELDS}) for p in people]
    df: dict[str, int] = dict.fromkeys(weights, 0)
    for _, fields in parsed:
        for t in set().union(*fields.values()) & weights.keys():
            df[t] += 1
    idf = {t: math.log((total + 1) / (df[t] + 1)) + 1.0 for t in weights}
    place = WEIGHTS[wanted.kind]
    top_two = sum(sorted(place.values(), reverse=True)[:2])
    best = top_two * IN_ORDER_BONUS * sum(weights[t] * idf[t] for t in weights)
    fits = []
    for person, fields in parsed:
        points, reasons = 0.0, []
        for name in sorted(FIELDS, key=lambda f: -place[f]):
            stems = fields[name]
            matched = weights.keys() & set(stems)
            if not matched:
                continue
            gained = place[name] * sum(weights[t] * idf[t] for t in matched)
            if title_pairs & _pairs(stems):
                gained *= IN_ORDER_BONUS
            points += gained
            reasons.append(_reason(name, person.field(name), matched))
        score = round(100 * points / best)
        if score >= MIN_SCORE:
            fits.append(Fit(person.person_id, person.name, min(score, 100), tuple(reasons)))
    fits.sort(key=lambda f: (-f.score, f.name.casefold(), f.person_id))
    return fits[:limit]


def _reason(field: str, text: str, matched: set[str]) -> str:
    """The part of a field that matched, as a person would say it: "looking for a data
    engineering job", "title Senior Data Engineer", "interested in data pipelines"."""
    if field == "title":
        return f"title {_clip(' '.join(text.split()))}"
    splitter = _CLAUSES.get(field, _CLAUSES["default"])
    clauses = [" ".join(c.split()) for c in splitter.split(text)]
    hits = [c for c in clauses if c and matched & set(terms(c))] or [" ".join(text.split())]
    said = ", ".join(_clip(c) for c in hits[:2])
    if field == "needs":
        return said if said.casefold().startswith(_SAYS_ITSELF) else f"needs {said}"
    prefix = {"offers": "offers", "interests": "interested in", "headline": "headline:"}[field]
    return f"{prefix} {said}"


def _clip(text: str) -> str:
    return text if len(text) <= CLAUSE_CHARS else text[: CLAUSE_CHARS - 1].rstrip() + "…"


def may_match(wanted: Wanted) -> tuple[str, ...]:
    """Lowercase stems a person's text must contain (as a substring) to match at all: a
    cheap prefilter for the service before anything is parsed."""
    return tuple(sorted(set(terms(wanted.title)) | set(terms(wanted.description))))
