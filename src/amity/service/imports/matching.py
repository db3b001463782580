"""Sure matches during an import, without comparing every record with every other.

Merging without asking needs hard evidence: a shared email, phone or LinkedIn profile, or
the same birthday (with a close name). So the importer only asks the matcher about people
who share one of those keys with the incoming record; everything softer (a similar name at
the same company) is left for `amity dedupe`, where a person reviews it.
"""

from __future__ import annotations

from collections import defaultdict

from amity.engines.contact_points import name_key
from amity.engines.dedupe import Candidate, Prepared, best_sure_among, prepare
from amity.store import Store
from amity.store.candidates import load_candidates

_HELD = ("e:", "p:", "l:")


def evidence_keys(candidate: Candidate) -> set[str]:
    keys = {f"e:{e}" for e in candidate.emails if e}
    keys |= {f"p:{p}" for p in candidate.phones if p}
    if candidate.linkedin:
        keys.add(f"l:{candidate.linkedin}")
    if candidate.birthday:  # a shared birthday counts only with the same family name start
        family = name_key(candidate.family_name or candidate.name.split(" ")[-1])
        keys.add(f"b:{candidate.birthday}:{family[:3]}")
    return keys


class SureMatcher:
    """Existing people are loaded on the first record that is not already known. A person
    is prepared for comparison once, the first time a record shares a key with them (most
    never do: a LinkedIn profile URL is one person's)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._loaded = False
        self._by_key: defaultdict[str, set[int]] = defaultdict(set)
        self._candidates: dict[int, Candidate] = {}
        self._prepared: dict[int, Prepared] = {}
        self._last: tuple[Candidate, set[str]] | None = None

    def _load(self) -> None:
        if not self._loaded:
            self._loaded = True
            for candidate in load_candidates(self._store):
                self.add(candidate, candidate.id)

    def add(self, candidate: Candidate, person_id: int) -> None:
        """Remember `candidate` as person `person_id` (its own id may be a placeholder: the
        record is matched before its person exists). Only people with evidence keys can
        ever be a sure match, so only they are kept."""
        keys = self._keys(candidate)
        if not keys:
            return
        self._candidates[person_id] = candidate
        for key in keys:
            self._by_key[key].add(person_id)

    def _keys(self, candidate: Candidate) -> set[str]:
        last = self._last
        if last is not None and last[0] is candidate:  # `best`, then `add`, per record
            return last[1]
        keys = evidence_keys(candidate)
        self._last = (candidate, keys)
        return keys

    def _prepare(self, person_id: int) -> Prepared:
        found = self._prepared.get(person_id)
        if found is None:
            found = self._prepared[person_id] = prepare(self._candidates[person_id], person_id)
        return found

    def best(self, incoming: Candidate) -> tuple[int, tuple[str, ...]] | None:
        self._load()
        keys = self._keys(incoming)
        near = set().union(*(self._by_key.get(k, set()) for k in keys))
        near.discard(incoming.id)
        if not near:
            return None
        # how many people hold each contact key: a switchboard number is nobody's own
        holders = {k: len(self._by_key.get(k, ())) + 1 for k in keys if k[:2] in _HELD}
        match = best_sure_among(incoming, [self._prepare(i) for i in near], holders)
        if match is None:
            return None
        other = match.b if match.a == incoming.id else match.a
        return other, match.reasons
