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
- A need about hiring ("hiring a data engineer", "recruiting designers") is a role for
  someone else to fill: it never makes its author a match.
- The title and the headline both say what someone does: only the one that weighs more
  counts. The opportunity's title counts fully, its description half. The words in order ("data
  engineer" in "Senior Data Engineer") count a quarter more than the same words apart.

The score is 0-100: every word of the title, in order, in the kind's strongest place (a
job's needs) is 100; people are ranked by the points behind it, so of two at 100 the one
who also holds the title comes first. People under `MIN_SCORE` are not suggested: one
common word in an interest is not a reason to pass a job on.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from amity.engines import text_match
from amity.model.enums import OpportunityKind

MIN_SCORE = 10
DESCRIPTION_SHARE = 0.5
IN_ORDER_BONUS = 1.25
CLAUSE_CHARS = 70
REASONS = 2  # places named in a match's reason

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

# Words of an opportunity or a profile that say nothing about what it is, beyond the stop
# words of `text_match` (which already drops "looking", "help", "people"...): never a match.
_GENERIC_TEXT = """
hiring hire wanted seeking seek searching search wanting hoping hope needed interested
interest eager job role position opening opportunity career gig thing team company firm
org organisation organization business best full part time remote hybrid onsite based
senior junior lead staff principal head chief mid level entry associate
year month day week
"""
GENERIC = frozenset(text_match.stem(w) for w in _GENERIC_TEXT.split()) | text_match.STOP_TERMS
# A need about these is for someone else to fill: never a match for the person themself.
HIRING = frozenset(text_match.stem(w) for w in ("hire", "hiring", "recruit", "recruiting"))
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

    @property
    def texts(self) -> tuple[str, str, str, str, str]:
        """The person's words, in the order of `FIELDS`."""
        return (self.needs, self.offers, self.interests, self.title, self.headline)

    def field(self, name: str) -> str:
        return self.texts[FIELDS.index(name)]


@dataclass(frozen=True, slots=True)
class Wanted:
    """What the opportunity is about: its kind, title and description."""

    kind: OpportunityKind
    title: str
    description: str = ""
    organization: str = ""  # its words are not matched: "at Plaid" is where, not what


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


def terms(text: str) -> list[str]:
    """The meaningful terms of a text, in order: `text_match`'s terms (folded, stemmed:
    "engineering" is "engineer", "designers" is "design") without the generic words."""
    return [t for t in text_match.terms(text) if t not in GENERIC]


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
    title_terms, weights = _wanted_terms(wanted)
    if not weights:
        return []
    parsed = _Parsed(weights.keys(), set(itertools.pairwise(title_terms)))
    alike: dict[tuple[str, ...], list[Profile]] = {}  # people with the very same words
    for person in people:
        alike.setdefault(person.texts, []).append(person)
    fields_of = {texts: [parsed.of(text) for text in _wanting(texts)] for texts in alike}
    df: dict[str, int] = dict.fromkeys(weights, 0)
    for texts, fields in fields_of.items():
        for t in frozenset().union(*(matched for matched, _ in fields)):
            df[t] += len(alike[texts])
    idf = {t: math.log((total + 1) / (df[t] + 1)) + 1.0 for t in weights}
    place = WEIGHTS[wanted.kind]
    best = max(place.values()) * IN_ORDER_BONUS * sum(weights[t] * idf[t] for t in weights)
    ranked: list[tuple[float, str, int, Profile, _Gains]] = []
    for texts, fields in fields_of.items():
        gains = []
        for name, (matched, in_order) in zip(FIELDS, fields, strict=True):
            if matched:
                gained = place[name] * sum(weights[t] * idf[t] for t in matched)
                gains.append((gained * (IN_ORDER_BONUS if in_order else 1.0), name, matched))
        gains = _one_for_what_they_do(gains)
        points = sum(g for g, _, _ in gains)
        if round(100 * points / best) >= MIN_SCORE:
            ranked.extend((-points, p.name.casefold(), p.person_id, p, gains) for p in alike[texts])
    return [
        Fit(p.person_id, p.name, min(100, round(-points * 100 / best)), _reasons(p, gains))
        for points, _, _, p, gains in heapq.nsmallest(limit, ranked, key=lambda r: r[:3])
    ]


_Gains = list[tuple[float, str, frozenset[str]]]


def _wanting(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The texts as matched: needs without the clauses about hiring ("hiring a data
    engineer" is someone who would fill the job, not take it)."""
    return (_for_themselves(texts[0]), *texts[1:])


def _for_themselves(needs: str) -> str:
    if not needs:
        return needs
    clauses = _CLAUSES["default"].split(needs)
    kept = [c for c in clauses if HIRING.isdisjoint(text_match.terms(c))]
    return needs if len(kept) == len(clauses) else ". ".join(c.strip() for c in kept)


def _one_for_what_they_do(gains: _Gains) -> _Gains:
    """The title and the headline both say what someone does ("Data Engineer", "Data
    Engineer at Acme"): only the one that weighs more counts."""
    doing = [g for g in gains if g[1] in ("title", "headline")]
    if len(doing) < 2:
        return gains
    weaker = min(doing, key=lambda g: (g[0], g[1] == "headline"))
    return [g for g in gains if g is not weaker]


class _Parsed:
    """Each distinct text's terms once (titles and needs repeat across a network): the
    opportunity's terms it holds, and whether it holds two of the title's in order."""

    def __init__(self, wanted: Iterable[str], title_pairs: set[tuple[str, str]]) -> None:
        self._wanted = frozenset(wanted)
        self._pairs = title_pairs
        self._seen: dict[str, tuple[frozenset[str], bool]] = {"": (frozenset(), False)}

    def of(self, text: str) -> tuple[frozenset[str], bool]:
        found = self._seen.get(text)
        if found is None:
            stems = terms(text)
            matched = self._wanted.intersection(stems)
            in_order = bool(matched) and not self._pairs.isdisjoint(itertools.pairwise(stems))
            found = self._seen[text] = (matched, in_order)
        return found


def _reasons(person: Profile, gains: _Gains) -> tuple[str, ...]:
    """The two places that weigh most, in words."""
    names = [name for _, name, _ in sorted(gains, key=lambda g: (-g[0], FIELDS.index(g[1])))]
    matched = {name: m for _, name, m in gains}
    said = dict(zip(FIELDS, _wanting(person.texts), strict=True))
    return tuple(_reason(name, said[name], matched[name]) for name in names[:REASONS])


def _wanted_terms(wanted: Wanted) -> tuple[list[str], dict[str, float]]:
    """The title's terms in order, and the weight of every term (the title's 1, the
    description's half), without the organisation's own words."""
    where = set(terms(wanted.organization))
    title_terms = [t for t in terms(wanted.title) if t not in where]
    weights: dict[str, float] = dict.fromkeys(title_terms, 1.0)
    for t in terms(wanted.description):
        if t not in where:
            weights.setdefault(t, DESCRIPTION_SHARE)
    return title_terms, weights


def _reason(field: str, text: str, matched: frozenset[str]) -> str:
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


def needles(wanted: Wanted) -> tuple[str, ...]:
    """Lowercase pieces a person's folded text must contain to match at all (each term
    without a last "e" or "y", which its other forms may lack: "hire" is in "hiring" as
    "hir"): a cheap prefilter before anything is parsed."""
    found = _wanted_terms(wanted)[1]
    return tuple(sorted({t[:-1] if len(t) > 3 and t[-1] in "ey" else t for t in found}))


def folded(text: str) -> str:
    """The text as `needles` are compared with it (ASCII text without a costly fold)."""
    return text.casefold() if text.isascii() else text_match.fold(text)
