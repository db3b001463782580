"""Find people recorded twice: block on shared keys, then weigh the evidence for each pair.

Evidence adds up as log-odds (a Fellegi-Sunter style model with hand-set weights): a shared
email, phone or LinkedIn profile is strong; names count for what they are (same, nickname,
swapped, transliterated, a typo); a birthday, a company and an address confirm or contradict.
A name alone, however exact, never reaches the sure threshold: there are many John Smiths.

Evidence has weight by how many people hold it. An email, phone or profile held by three
people or more (an office switchboard, a household line) or a role mailbox (`info@`,
`office@`) says little about any two of them, and a shared phone or address never makes
two different names one person: when the names conflict, only an email or profile of the
two alone, or the same birthday, keeps the pair worth a look. Different personal emails
(two free-mail inboxes) and different LinkedIn profiles count against.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeAlias

from rapidfuzz import fuzz

from amity.engines.dedupe_names import (
    NameVerdict,
    PersonName,
    compare_names,
    name_keys,
    parse_name,
)
from amity.engines.mailboxes import is_personal, is_role_mailbox
from amity.engines.organizations import organization_key
from amity.engines.organizations import words as _words

SURE_SCORE = 0.95
"""At or above this a pair is merged without asking (the importer's auto-merge, and
`dedupe --apply` by default). On FEBRL3 imported as vCards every pair at or above it is
right (tests/test_dedupe_febrl.py holds it at 99% or better); FEBRL has no strangers who
share a name, so the cut sits above what a name with a company and a city reach (0.87 to
0.9): those are the false pairs of `bench/bench_dedupe.py`'s synthetic people."""

MAX_BLOCK = 200
"""Blocks larger than this are skipped: a key shared by that many people tells nothing."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the matcher knows of one person; contact points already normalised."""

    id: int
    name: str
    given_name: str = ""
    family_name: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin: str = ""
    organization: str = ""
    birthday: str = ""  # "1990-04-15" or "--04-15"
    location: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """Two candidates that are probably one person (a < b), with the reasons to think so."""

    a: int
    b: int
    score: float
    reasons: tuple[str, ...]


def find_duplicates(candidates: Sequence[Candidate], min_score: float = 0.5) -> list[Match]:
    """Every pair scoring at least `min_score`, best first (score desc, then ids)."""
    profiles = [_profile(candidate) for candidate in candidates]
    blocks: defaultdict[str, list[int]] = defaultdict(list)
    for position, profile in enumerate(profiles):
        for key in _block_keys(profile):
            blocks[key].append(position)
    holders = {key: len(members) for key, members in blocks.items() if key[:2] in _HELD}
    matches = []
    names: dict[tuple[int, int], NameVerdict] = {}  # many pairs share the same two names
    for first, second in _pairs(blocks.values(), len(profiles)):
        p, q = profiles[first], profiles[second]
        if p.id > q.id:  # reasons read from a to b
            p, q = q, p
        both = (id(p.name), id(q.name))
        verdict = names.get(both)
        if verdict is None:
            verdict = names[both] = compare_names(p.name, q.name)
        score, reasons = _weigh(p, q, verdict, holders)
        if score >= min_score:
            matches.append(_match(p, q, score, reasons))
    matches.sort(key=lambda m: (-m.score, m.a, m.b))
    return matches


def match_against(
    existing: Sequence[Candidate],
    incoming: Candidate,
    holders: Mapping[str, int] | None = None,
) -> Match | None:
    """The best sure match for `incoming` among `existing`, or None. `holders` counts the
    people (incoming included) who hold each contact key ("e:…", "p:…", "l:…"), when the
    caller knows more people than `existing`."""
    return best_sure_among(incoming, [prepare(c) for c in existing], holders)


def prepare(candidate: Candidate, person_id: int | None = None) -> Prepared:
    """A candidate made ready for many comparisons (as person `person_id`, when its own id
    is a placeholder): an importer prepares each person once, not once per comparison."""
    profile = _profile(candidate)
    if person_id is not None and person_id != profile.id:
        profile = replace(profile, id=person_id)
    return profile


def best_sure_among(
    incoming: Candidate,
    existing: Iterable[Prepared],
    holders: Mapping[str, int] | None = None,
) -> Match | None:
    """The highest-scoring sure match for `incoming` among prepared people (ties: lowest
    id), or None; `holders` as for `match_against` (by default, each key is the pair's)."""
    profile = _profile(incoming)
    counts: Mapping[str, int] = holders if holders is not None else {}
    best: tuple[float, tuple[str, ...], _Profile] | None = None
    for other in sorted(existing, key=_by_id):
        if other.id == profile.id:
            continue
        p, q = (profile, other) if profile.id < other.id else (other, profile)
        score, reasons = _weigh(p, q, compare_names(p.name, q.name), counts)
        if score >= SURE_SCORE and (best is None or score > best[0]):
            best = (score, reasons, other)
    return None if best is None else _match(profile, best[2], best[0], best[1])


def _pairs(blocks: Iterable[list[int]], count: int) -> list[tuple[int, int]]:
    """Distinct pairs of positions sharing a block, in a fixed order."""
    codes: set[int] = set()
    for members in blocks:
        if 1 < len(members) <= MAX_BLOCK:
            for i, first in enumerate(members):
                codes.update(first * count + second for second in members[i + 1 :])
    return [divmod(code, count) for code in sorted(codes)]


def _by_id(profile: _Profile) -> int:
    return profile.id


def _match(p: _Profile, q: _Profile, score: float, reasons: tuple[str, ...]) -> Match:
    a, b = (p.id, q.id) if p.id < q.id else (q.id, p.id)
    return Match(a, b, score, reasons)


@dataclass(frozen=True, slots=True)
class _Profile:
    """A candidate prepared once for many comparisons."""

    id: int
    name: PersonName
    identifiers: frozenset[str]  # "e:ada@x.org", "p:+44…", "l:https://…"
    personal: frozenset[str]  # emails at a free-mail provider: one person's own inbox
    linkedin: str
    organization: str
    organization_text: str
    birthday: str
    location: str
    address: bool  # the location has a number in it: a street address, not a town


Prepared: TypeAlias = _Profile
"""A candidate prepared for comparisons (see `prepare`); opaque outside this module."""


def _profile(candidate: Candidate) -> _Profile:
    identifiers = {"e:" + email for email in candidate.emails if email}
    identifiers.update("p:" + phone for phone in candidate.phones if phone)
    if candidate.linkedin:
        identifiers.add("l:" + candidate.linkedin)
    location = _words(candidate.location)
    return _Profile(
        id=candidate.id,
        name=parse_name(candidate.name, candidate.given_name, candidate.family_name),
        identifiers=frozenset(identifiers),
        personal=frozenset(e for e in candidate.emails if is_personal(e)),
        linkedin=candidate.linkedin,
        organization=organization_key(candidate.organization),
        organization_text=candidate.organization.strip(),
        birthday=candidate.birthday.strip(),
        location=location,
        address=any(ch.isdigit() for ch in location),
    )


def _block_keys(profile: _Profile) -> tuple[str, ...]:
    """Name keys, contact points, a full birthday, and house number + street."""
    keys = (*name_keys(profile.name), *profile.identifiers)
    if len(profile.birthday) == 10:  # "--MM-DD" alone is shared by too many
        keys += ("b:" + profile.birthday,)
    if profile.address:
        keys += ("a:" + _street(profile.location),)
    return keys


def _street(location: str) -> str:
    words = location.split()
    number = next((word for word in words if word.isdigit()), "")
    after = words[words.index(number) + 1 :] if number else words
    return number + "|" + (after[0][:3] if after else "")


def _weigh(
    p: _Profile, q: _Profile, names: NameVerdict, holders: Mapping[str, int]
) -> tuple[float, tuple[str, ...]]:
    """The pair's score in 0..1 and the reasons behind it, given how their names compare and
    how many people hold each contact key."""
    log_odds, reasons, conflict = names
    log_odds += _PRIOR
    shared: tuple[str, ...] = ()
    exclusive = vouches = False
    if not p.identifiers.isdisjoint(q.identifiers) or (p.linkedin and q.linkedin):
        weight, shared, exclusive, vouches = _identifiers(p, q, holders, conflict)
        log_odds += weight
    if p.personal and q.personal and p.personal.isdisjoint(q.personal):
        log_odds += _OTHER_PERSONAL_EMAIL
    if p.birthday and q.birthday:
        weight, reason = _birthday(p.birthday, q.birthday)
        log_odds += weight
        reasons += (reason,) if reason else ()
        vouches = vouches or weight > 0
    if p.organization and p.organization == q.organization:
        log_odds += _SAME_ORGANIZATION
        reasons += (f"same company {p.organization_text}",)
    if p.location and q.location:
        weight, reason = _location(p, q)
        log_odds += weight
        reasons += (reason,) if reason else ()
    score = 1.0 / (1.0 + math.exp(-log_odds))
    if exclusive:
        score = max(score, _IDENTIFIER_FLOOR)
    if conflict:
        score = min(score, _CONFLICT_CAP if vouches else _UNVOUCHED_CAP)
    return round(score, 4), shared + reasons


def _identifiers(
    p: _Profile, q: _Profile, holders: Mapping[str, int], conflict: bool
) -> tuple[float, tuple[str, ...], bool, bool]:
    """The weight of the contact keys the two share, their reasons, whether one is theirs
    alone (worth a look whatever else), and whether one vouches for two different names."""
    shared = sorted(p.identifiers & q.identifiers)
    weights: dict[str, float] = {}
    exclusive = vouches = False
    for key in shared:
        kind = key[0]
        own = holders.get(key, 2) <= 2 and not (kind == "e" and is_role_mailbox(key[2:]))
        weight = _IDENTIFIER_WEIGHTS[kind] if own else _SHARED_WIDELY
        weights[kind] = max(weights.get(kind, weight), weight)
        if own and (kind != "p" or not conflict):  # a line is shared; an inbox rarely is
            exclusive = True
        vouches = vouches or (own and kind != "p")
    weight = sum(weights.values())
    if p.linkedin and q.linkedin and p.linkedin != q.linkedin:
        weight += _OTHER_LINKEDIN
    return weight, tuple(_identifier_reason(key) for key in shared), exclusive, vouches


def _identifier_reason(key: str) -> str:
    kind, value = key[0], key[2:]
    if kind == "l":
        return "same LinkedIn profile"
    return f"same {'email' if kind == 'e' else 'phone'} {value}"


def _birthday(first: str, second: str) -> tuple[float, str]:
    if first == second:
        return _SAME_BIRTHDAY, f"same birthday {first}"
    if first[-5:] == second[-5:] and (first.startswith("--") or second.startswith("--")):
        return _SAME_BIRTHDAY_NO_YEAR, f"same birthday {first[-5:]}"
    if _one_slip(first, second):
        return _NEAR_BIRTHDAY, f"similar birthday ({first} / {second})"
    return _OTHER_BIRTHDAY, ""


def _one_slip(first: str, second: str) -> bool:
    """One digit changed, two neighbours transposed, or day and month swapped."""
    if len(first) != len(second):
        return False
    diffs = [i for i, (x, y) in enumerate(zip(first, second, strict=True)) if x != y]
    if len(diffs) == 1:
        return True
    if len(diffs) == 2 and diffs[1] == diffs[0] + 1:
        return first[diffs[0]] == second[diffs[1]] and first[diffs[1]] == second[diffs[0]]
    return first[:-5] == second[:-5] and first[-5:-3] == second[-2:] and first[-2:] == second[-5:-3]


def _location(p: _Profile, q: _Profile) -> tuple[float, str]:
    similarity = fuzz.token_set_ratio(p.location, q.location) / 100.0
    best = _SAME_ADDRESS if p.address and q.address else _SAME_PLACE
    share = min(1.0, max(0.0, (similarity - _LOCATION_FLOOR) / (1.0 - _LOCATION_FLOOR)))
    weight = _OTHER_PLACE + (best - _OTHER_PLACE) * share
    if similarity >= 0.95:
        return weight, "same address" if best == _SAME_ADDRESS else "same location"
    return weight, f"similar address ({round(similarity * 100)}%)" if similarity >= 0.8 else ""


# Log-odds weights. The prior is for a pair that shares some block; a full exact name adds
# 4.9 (see `dedupe_names`), so a name alone lands near 0.71.
_PRIOR = -4.0
_IDENTIFIER_WEIGHTS = {"e": 7.0, "p": 5.5, "l": 8.0}
_OTHER_LINKEDIN = -4.0  # two different profiles are usually two people
_SAME_BIRTHDAY, _SAME_BIRTHDAY_NO_YEAR, _NEAR_BIRTHDAY, _OTHER_BIRTHDAY = 6.0, 2.5, 1.5, -2.5
_SAME_ORGANIZATION = 1.2
_SAME_ADDRESS, _SAME_PLACE, _OTHER_PLACE = 3.5, 0.8, -0.8
_LOCATION_FLOOR = 0.5  # token-set similarity at and below which places disagree
_SHARED_WIDELY = 1.0  # a key three people or more hold, or a role mailbox such as info@
_OTHER_PERSONAL_EMAIL = -3.0  # two free-mail inboxes, none shared: usually two people
_IDENTIFIER_FLOOR = 0.55  # an email, phone or profile of the two alone is worth a look
_CONFLICT_CAP = 0.85  # conflicting names: a shared inbox or a typo, never auto-merged
_UNVOUCHED_CAP = 0.45  # conflicting names with only a phone or an address: two people
_HELD = frozenset({"e:", "p:", "l:"})  # block keys that are contact points
