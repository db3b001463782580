"""Who among your contacts should meet: pairs scored from needs, offers and interests.

The judgment, in the order a thoughtful person weighs it:

1. **One needs what the other offers** (`needs` against `offers`, by TF-IDF cosine, see
   `amity.engines.text_match`): the strongest reason. So is one hiring for the job the
   other is looking for (a need of "hiring ..." against a need naming a role or a job).
   A need met by someone's *role* instead (their title, organisation and headline:
   "hiring a designer" and a Product Designer) counts `ROLE_WEIGHT` as much. A need is
   met from a cosine of `MIN_NEED_COSINE` (one word shared by two long texts is a
   coincidence); a need met is worth
   `0.5 + 0.4 * cosine`, so any need met outranks any shared interest; both directions
   met add half the second.
2. **Shared interests** (`interests` against `interests`): worth `INTEREST_WEIGHT * cosine`,
   at most 0.5.
3. Similar roles alone are never a reason: two product designers are not a suggestion.

The parts combine as independent chances (`1 - Π(1 - part)`), then scale by how close you
are to the *less* close of the two (you write to both): `0.6 + 0.4 * strength / 100` when
you are in touch with both (strength: today's score of docs/strength.md). Someone you have
never been in touch with is a stranger: a pair with one stranger scales by
`STRANGER_FACTOR` and says so in its reason; a pair of two strangers is left out.

**Score** (0-100): that product times 100. About 90-100: one offers exactly what the other
needs and you are close to both; 50-70: a clear need met, or a strong shared interest, with
people you know less; under 30: a faint match or a stranger on one side.

Only pairs that share a term are ever scored (an inverted index), and for a term held by
very many people only those you are closest to are considered: the `MAX_POSTINGS` closest
for a term of a need, an offer or a role, the `INTEREST_POSTINGS` closest for an interest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

import numpy as np

from amity.engines.text_match import Corpus, Floats, Ints, Vectors, match

ROLE_WEIGHT = 0.7
NEED_BASE = 0.5  # a need met, however faintly, is worth this much
NEED_TOP = 0.9  # and an exact match this much: both directions met still add
INTEREST_WEIGHT = 0.5
MIN_COSINE = 0.05  # below this a shared term is noise in a long text
# A need is met only from this likeness on: one shared word in two long texts ("design
# partner" and "product design lead") is a coincidence, not a need met, and must not
# outrank a clear one.
MIN_NEED_COSINE = 0.15
# One's need can be met by the other's need: someone hiring and someone looking for that
# job ("hiring a senior product designer", "looking for a product design lead role").
_HIRING = re.compile(
    r"\b(hiring|recruiting|to hire|looking for (a |an )?(co-?founder|candidates?))\b"
)
_JOB_HUNT = re.compile(r"\b(role|job|position|internship|opening|work as)\b")
STRANGER_FACTOR = 0.4
CLOSE_BASE = 0.6
TOP_K = 8  # best candidates kept per person and part
MAX_POSTINGS = 300  # people kept per term of a need, an offer or a role
INTEREST_POSTINGS = 100  # and of an interest: a hobby shared by thousands is common


class Profile(NamedTuple):
    """What is known of a contact, as their own texts, and how close you are (0-100;
    `in_touch`: any interaction ever). A named tuple: 100,000 are made per suggestion run."""

    id: int
    name: str
    needs: str = ""
    offers: str = ""
    interests: str = ""
    title: str = ""
    organization: str = ""
    headline: str = ""
    strength: int = 0
    in_touch: bool = False

    @property
    def role(self) -> str:
        return " ".join(t for t in (self.title, self.organization, self.headline) if t)


class Part(StrEnum):
    OFFERS = "offers"  # a's needs met by b's offers
    NEEDS = "needs"  # a is hiring for what b is looking for (b's need)
    ROLE = "role"  # a's needs met by b's title, organisation or headline
    INTERESTS = "interests"


@dataclass(frozen=True, slots=True)
class Reason:
    """One part of a pair's case: `seeker` needs (or shares interests with) `giver`."""

    part: Part
    seeker: int  # index in the profiles
    giver: int
    cosine: float

    @property
    def value(self) -> float:
        if self.part is Part.INTERESTS:
            return INTEREST_WEIGHT * self.cosine
        weight = ROLE_WEIGHT if self.part is Part.ROLE else 1.0
        return weight * (NEED_BASE + (NEED_TOP - NEED_BASE) * self.cosine)


@dataclass(slots=True)
class Candidate:
    """A pair worth suggesting (profile indexes, `a < b`), its reasons, best first."""

    a: int
    b: int
    reasons: list[Reason] = field(default_factory=list)
    score: int = 0


@dataclass(frozen=True, slots=True)
class Fields:
    """The profiles' texts as vectors of one corpus, one row per profile and field."""

    corpus: Corpus
    needs: Vectors
    offers: Vectors
    roles: Vectors
    interests: Vectors


def vectorize(profiles: Sequence[Profile]) -> Fields:
    """One corpus over every non-empty need, offer, interest and role text."""
    texts: list[str] = []
    rows: list[Ints] = []
    role_texts = [p.role for p in profiles]
    for column in ([p.needs for p in profiles], [p.offers for p in profiles], role_texts,
                   [p.interests for p in profiles]):  # fmt: skip
        index = np.full(len(profiles), -1, dtype=np.int64)
        for i, text in enumerate(column):
            if text and not text.isspace():
                index[i] = len(texts)
                texts.append(text)
        rows.append(index)
    corpus = Corpus.build(texts)
    docs = corpus.documents
    needs, offers, roles, interests = (docs.take(r) for r in rows)
    return Fields(corpus, needs, offers, roles, interests)


def closeness(profiles: Sequence[Profile]) -> Floats:
    """The prior a term's people are kept by: in touch first, then by strength."""
    return np.array([p.strength + 1000 * p.in_touch for p in profiles], dtype=float)


def candidates(profiles: Sequence[Profile], fields: Fields) -> list[Candidate]:
    """Every pair sharing a need-and-offer or an interest, scored, best first (ties by
    the pair's ids), strangers to you on both sides left out."""
    prior = closeness(profiles)
    found: dict[tuple[int, int], Candidate] = {}
    hiring = [bool(_HIRING.search(p.needs.casefold())) for p in profiles]
    job_hunt = [
        not h and bool(_JOB_HUNT.search(p.needs.casefold()))
        for p, h in zip(profiles, hiring, strict=True)
    ]
    for part, wanted, given in (
        (Part.OFFERS, fields.needs, fields.offers),
        (Part.NEEDS, fields.needs, fields.needs),
        (Part.ROLE, fields.needs, fields.roles),
        (Part.INTERESTS, fields.interests, fields.interests),
    ):
        same = part is Part.INTERESTS
        most = INTEREST_POSTINGS if same else MAX_POSTINGS
        matches = match(
            fields.corpus, wanted, given, top_k=TOP_K, min_score=MIN_COSINE, same=same,
            explain=False, query_prior=prior, candidate_prior=prior, max_postings=most,
        )  # fmt: skip
        for m in matches:
            seeker, giver = m.query, m.candidate
            if seeker == giver or not (profiles[seeker].in_touch or profiles[giver].in_touch):
                continue
            if not same and m.score < MIN_NEED_COSINE:
                continue
            if part is Part.NEEDS and not (hiring[seeker] and job_hunt[giver]):
                continue
            key = (min(seeker, giver), max(seeker, giver))
            pair = found.setdefault(key, Candidate(*key))
            if same and any(r.part is Part.INTERESTS for r in pair.reasons):
                continue  # an interest pair is found from both sides: once is enough
            pair.reasons.append(Reason(part, seeker, giver, m.score))
    for pair in found.values():
        pair.score = score(pair, profiles)
    ranked = [p for p in found.values() if p.score > 0]
    ranked.sort(key=lambda p: (-p.score, profiles[p.a].id, profiles[p.b].id))
    return ranked


def _best_reasons(reasons: list[Reason]) -> list[Reason]:
    """The best need met in each direction (offers or role), then the interest."""
    kept: dict[tuple[int, bool], Reason] = {}
    for r in reasons:
        key = (r.seeker if r.part is not Part.INTERESTS else -1, r.part is Part.INTERESTS)
        if key not in kept or r.value > kept[key].value:
            kept[key] = r
    needs = sorted(
        (r for r in kept.values() if r.part is not Part.INTERESTS), key=lambda r: -r.value
    )
    shared = [r for r in kept.values() if r.part is Part.INTERESTS]
    return needs + shared


def score(pair: Candidate, profiles: Sequence[Profile]) -> int:
    """The pair's 0-100 score (module docstring); also orders `pair.reasons` best first."""
    pair.reasons = _best_reasons(pair.reasons)
    missing = 1.0
    for k, r in enumerate(pair.reasons):
        second_need = k == 1 and r.part is not Part.INTERESTS
        missing *= 1.0 - (r.value * 0.5 if second_need else r.value)
    a, b = profiles[pair.a], profiles[pair.b]
    if a.in_touch and b.in_touch:
        factor = CLOSE_BASE + (1.0 - CLOSE_BASE) * min(a.strength, b.strength) / 100.0
    elif a.in_touch or b.in_touch:
        factor = STRANGER_FACTOR
    else:
        return 0
    return max(0, min(100, round(100 * (1.0 - missing) * factor)))
