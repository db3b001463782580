"""The suggestions to show, and the sentence that says why each pair should meet.

`pick` takes the scored candidates (`amity.engines.intro_suggestions.candidates`) best
first and keeps a pair unless:

- the two already know each other or are being introduced (`known`: a tie not hidden, an
  introduction in any state);
- either is already in `MAX_PER_PERSON` of the suggestions kept, so a well-connected
  person with a long profile does not fill the list (the rest still count once the first
  are acted on).

A pair whose shared terms are words of one of your active goals gains `GOAL_BOOST` and says
which goal. The reason quotes each person's own words, the clause of their text that holds
the match: "Ana Lima is hiring a designer; Ben Ode offers product design.", "Ana Lima and
Ben Ode are both into bouldering and climbing.".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from amity.engines.intro_suggestions import Candidate, Fields, Part, Profile, Reason
from amity.engines.text_match import STOP_TERMS, Vectors, shared_terms, terms

MAX_PER_PERSON = 2
GOAL_BOOST = 1.2
CLAUSE_CHARS = 80
_CLAUSES = re.compile(r"[\n\r.;!?]+|,\s")
_ITEMS = re.compile(r"[\n\r.;!?,/|•·]+")
_IS_FIRST = frozenset(["happy", "glad", "keen", "able", "available", "open", "eager"])
_VERB_FIRST = frozenset(
    ["can", "will", "could", "would", "needs", "wants", "seeks", "offers", "knows", "has",
     "runs", "leads", "teaches", "mentors", "coaches", "advises", "invests", "helps", "hosts",
     "organises", "organizes", "gives", "writes", "reviews", "builds", "makes", "does"]
)  # fmt: skip
_DOING = frozenset(
    ["hiring", "looking", "seeking", "searching", "raising", "building", "moving", "starting",
     "trying", "planning", "preparing", "recruiting", "launching", "exploring", "learning",
     "writing", "interviewing", "relocating", "fundraising", "switching", "changing"]
)  # fmt: skip
_BARE_VERB = {"need": "needs", "want": "wants", "seek": "seeks", "offer": "offers"}
_LOWERED = _IS_FIRST | _VERB_FIRST | _DOING | frozenset(_BARE_VERB)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Two people (profile ids) who should meet, the 0-100 score and why. When one's need is
    what the pair is about, `a` is the one who needs it."""

    a: int
    b: int
    score: int
    reason: str


@dataclass(frozen=True, slots=True)
class Goal:
    title: str
    detail: str = ""


def pick(
    ranked: Sequence[Candidate],
    profiles: Sequence[Profile],
    fields: Fields,
    known: set[tuple[int, int]],
    goals: Sequence[Goal] = (),
    limit: int = 10,
) -> list[Suggestion]:
    """The best `limit` suggestions among `ranked` (see the module docstring); `known`
    holds pairs of profile *ids*, lower first."""
    goal_terms = [(g, set(terms(f"{g.title} {g.detail}"))) for g in goals]
    scored: list[tuple[int, Candidate, str]] = []
    for pair in ranked:
        a, b = profiles[pair.a], profiles[pair.b]
        if (min(a.id, b.id), max(a.id, b.id)) in known:
            continue
        shared = [_shared(fields, r) for r in pair.reasons]
        goal = next((g for g, t in goal_terms if t & {w for s in shared for w in s}), None)
        total = min(100, round(pair.score * GOAL_BOOST)) if goal else pair.score
        scored.append((total, pair, _reason(pair, profiles, shared, goal)))
    scored.sort(key=lambda s: (-s[0], profiles[s[1].a].id, profiles[s[1].b].id))
    shown: dict[int, int] = {}
    chosen: list[Suggestion] = []
    for total, pair, reason in scored:
        if len(chosen) >= limit:
            break
        if shown.get(pair.a, 0) >= MAX_PER_PERSON or shown.get(pair.b, 0) >= MAX_PER_PERSON:
            continue
        shown[pair.a] = shown.get(pair.a, 0) + 1
        shown[pair.b] = shown.get(pair.b, 0) + 1
        first = pair.reasons[0]
        one, two = (pair.a, pair.b) if first.part is Part.INTERESTS else (first.seeker, first.giver)
        chosen.append(Suggestion(profiles[one].id, profiles[two].id, total, reason))
    return chosen


def _sides(fields: Fields, part: Part) -> tuple[Vectors, Vectors]:
    if part is Part.OFFERS:
        return fields.needs, fields.offers
    if part is Part.ROLE:
        return fields.needs, fields.roles
    if part is Part.NEEDS:
        return fields.needs, fields.needs
    return fields.interests, fields.interests


def _shared(fields: Fields, r: Reason) -> tuple[str, ...]:
    wanted, given = _sides(fields, r.part)
    return shared_terms(fields.corpus, wanted, r.seeker, given, r.giver)


def _reason(
    pair: Candidate, profiles: Sequence[Profile], shared: list[tuple[str, ...]], goal: Goal | None
) -> str:
    sentences: list[str] = []
    needs_met = 0
    for r, found in zip(pair.reasons, shared, strict=True):
        seeker, giver = profiles[r.seeker], profiles[r.giver]
        if r.part is Part.INTERESTS:
            both = min(
                (_listed(_display(p.interests, found)) for p in (seeker, giver)), key=len
            )  # in the words of the one who put it more briefly
            if needs_met:
                sentences.append(f"Both are into {both} too.")
            else:
                sentences.append(f"{_name(seeker)} and {_name(giver)} are both into {both}.")
            continue
        lead = "In return, " if needs_met else ""
        needs_met += 1
        sentences.append(f"{lead}{_seeks(seeker, found)}; {_gives(giver, r.part, found)}.")
    a, b = profiles[pair.a], profiles[pair.b]
    for p in (a, b):
        if not p.in_touch:
            sentences.append(f"You have not been in touch with {_name(p)} yet.")
    if goal is not None:
        sentences.append(f"It serves your goal \u201c{_clean(goal.title)}\u201d.")
    return " ".join(sentences) or f"{_name(a)} and {_name(b)} have something in common."


def _seeks(p: Profile, found: tuple[str, ...]) -> str:
    name, clause = _name(p), _clause(p.needs, found)
    first, _, rest = clause.partition(" ")
    key = first.casefold()
    if key in _DOING:
        return f"{name} is {clause}"
    if key in _VERB_FIRST:
        return f"{name} {clause}"
    if key in _BARE_VERB:
        return f"{name} {_BARE_VERB[key]} {rest}".rstrip()
    return f"{name} needs {clause}"


def _gives(p: Profile, part: Part, found: tuple[str, ...]) -> str:
    name = _name(p)
    if part is Part.NEEDS:
        return _seeks(p, found)
    if part is Part.ROLE:
        title, org = _clean(p.title), _clean(p.organization)
        if title and org:
            return f"{name} works as {_clip(title)} at {_clip(org)}"
        if title or org:
            return f"{name} works {'as' if title else 'at'} {_clip(title or org)}"
        return f"{name} is {_clause(p.headline, found)}"
    clause = _clause(p.offers, found)
    first, _, rest = clause.partition(" ")
    key = first.casefold()
    if key in _IS_FIRST or key in _DOING:
        return f"{name} is {clause}"
    if key in _VERB_FIRST:
        return f"{name} {clause}"
    if key in _BARE_VERB:
        return f"{name} {_BARE_VERB[key]} {rest}".rstrip()
    return f"{name} offers {clause}"


def _name(p: Profile) -> str:
    return _clip(_clean(p.name)) or f"#{p.id}"


def _clean(text: str) -> str:
    """Printable text on one line: control and format characters out, spaces collapsed."""
    kept = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text[:10_000])
    return " ".join(kept.split())


def _clip(text: str) -> str:
    if len(text) <= CLAUSE_CHARS:
        return text
    cut = text[:CLAUSE_CHARS].rsplit(" ", 1)[0] or text[:CLAUSE_CHARS]
    return cut.rstrip(",:;- ") + "\u2026"


def _clause(text: str, found: tuple[str, ...]) -> str:
    """The first clause of `text` holding one of the terms, cleaned and clipped, its first
    letter lowered when it is a common word ("Hiring a ..." → "hiring a ...", "A designer"
    → "a designer"), not a name ("Rust mentoring")."""
    wanted = set(found)
    chosen = ""
    for part in _CLAUSES.split(text):
        cleaned = _clean(part)
        if cleaned and (not chosen or wanted & set(terms(cleaned))):
            chosen = cleaned
            if wanted & set(terms(cleaned)):
                break
    return _lowered(_clip(chosen))


def _lowered(clause: str) -> str:
    """Its first letter lowered when the first word is a common one, not a name."""
    first = clause.partition(" ")[0].casefold()
    if clause[:1].isupper() and (first in _LOWERED or first in STOP_TERMS):
        return clause[0].lower() + clause[1:]
    return clause


def _display(text: str, found: tuple[str, ...]) -> list[str]:
    """The items of an interests text ("bouldering, chess; Rust in production") that hold
    the shared terms, in the person's own words, at most 3."""
    wanted = set(found)
    items: list[str] = []
    for part in _ITEMS.split(text):
        cleaned = _clean(part)
        if cleaned and wanted & set(terms(cleaned)):
            items.append(_lowered(_clip(cleaned)))
            if len(items) == 3:
                break
    return items or list(found[:3])


def _listed(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
