"""A refresh of the inferred ties: infer them all and write what changed
(`amity.service.tie_freshness` decides when).

A refresh reads the account's evidence as plain tuples, infers with
`amity.engines.tie_inference` in columns, compares with the stored ties in columns, and
writes only the rows that differ (new ties in, changed ones rewritten, those whose evidence
is gone out; confirmed and hidden ties are the user's and never touched).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any

import numpy as np

from amity.engines.tie_columns import Positions, pair_code
from amity.engines.tie_inference import KINDS, SOURCES, Evidence, InferredColumns, infer_columns
from amity.model import IntroductionState, TieSource, TieState
from amity.service.tie_freshness import FRESH_KEY, LINKEDIN, Marker, Refresh
from amity.store import Store
from amity.store import settings as settings_store
from amity.store import ties as ties_store
from amity.store.revision import revision

INTRODUCED_STATES = (IntroductionState.INTRODUCED, IntroductionState.DONE)


def refresh_ties(store: Store, today: date) -> Refresh:
    """Infer every tie the evidence supports and write what changed: new ties in, changed
    ones rewritten, those whose evidence is gone out (confirmed and hidden ones stay)."""
    with store.db.transaction():
        before = Marker.parse(settings_store.setting_value(store, FRESH_KEY))
        last = ties_store.last_interaction(store)
        parts = tuple(ties_store.signature_parts(store).values())
        found = infer_columns(evidence(store), today)
        digest = _digest(found)
        put: list[ties_store.TieRow] = []
        gone: list[tuple[int, int]] = []
        added = changed = 0
        if before is None or before.found != digest:
            put, gone, added, changed = _changes(found, _stored(store))
            ties_store.write_inferred(store, put, gone)
        # else the last refresh inferred exactly these and wrote them: only you changed ties
        # since (confirmed, hidden, recorded), and those a refresh leaves alone.
        # The commit bumps the revision once: the marker names the revision it will be.
        marker = Marker(revision(store) + 1, today.isoformat(), last, digest, parts)
        settings_store.put_setting(store, FRESH_KEY, marker.text())
    return Refresh(len(found), added, changed, len(gone))


def _digest(found: InferredColumns) -> str:
    """A fingerprint of every inferred tie, reasons included."""
    digest = hashlib.blake2b(digest_size=16)
    for column in (found.a, found.b, found.kind, found.strength, found.source):
        digest.update(np.ascontiguousarray(column, dtype=np.int64).tobytes())
    digest.update("\n".join(found.why.tolist()).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# --- comparing the inferred ties with the stored ones, in columns -------------------------


@dataclass(frozen=True, slots=True)
class _Stored:
    code: np.ndarray[Any, Any]  # `pair_code`; kind, source and state as `_codes`
    kind: np.ndarray[Any, Any]
    strength: np.ndarray[Any, Any]
    source: np.ndarray[Any, Any]
    state: np.ndarray[Any, Any]
    why: np.ndarray[Any, Any]


_STATES = tuple(s.value for s in TieState)
_INFERRED_CODE = _STATES.index(TieState.INFERRED.value)
_MANUAL_CODE = SOURCES.index(TieSource.MANUAL)


def _stored(store: Store) -> _Stored:
    """The stored ties, after a first row that matches no pair (code -1, no state): every
    lookup then lands on a row."""
    codes = ties_store.tie_codes(
        store, [k.value for k in KINDS], [s.value for s in SOURCES], _STATES
    )
    numbers = _int_rows(chain([(-1, 0, -1, 0, -1, -1)], codes), 6)
    why = np.empty(len(numbers), dtype=object)
    why[0] = ""
    why[1:] = [w or "" for (w,) in ties_store.tie_reasons(store)]
    code = pair_code(numbers[:, 0], numbers[:, 1])
    code[0] = -1
    order = np.argsort(code, kind="stable")  # pair order, the first row first
    numbers, why, code = numbers[order], why[order], code[order]
    return _Stored(code, numbers[:, 2], numbers[:, 3], numbers[:, 4], numbers[:, 5], why)


def _changes(
    found: InferredColumns, stored: _Stored
) -> tuple[list[ties_store.TieRow], list[tuple[int, int]], int, int]:
    """The rows to write, the pairs to delete, how many ties are new and how many changed.
    Both sides are sorted by pair."""
    code = pair_code(found.a, found.b)
    inside = np.minimum(np.searchsorted(stored.code, code), len(stored.code) - 1)
    matched = stored.code[inside] == code
    new = ~matched
    ours = matched & (stored.state[inside] == _INFERRED_CODE)
    differs = ours & (
        (stored.kind[inside] != found.kind)
        | (stored.strength[inside] != found.strength)
        | (stored.source[inside] != found.source)
        | (stored.why[inside] != found.why)
    )
    write = np.flatnonzero(new | differs)
    put = [
        ties_store.TieRow(a, b, KINDS[kind].value, strength, SOURCES[source].value, "", why)
        for a, b, kind, strength, source, why in zip(
            found.a[write].tolist(), found.b[write].tolist(), found.kind[write].tolist(),
            found.strength[write].tolist(), found.source[write].tolist(),
            found.why[write].tolist(), strict=True,
        )
    ]  # fmt: skip
    back = np.minimum(np.searchsorted(code, stored.code), max(len(code) - 1, 0))
    supported = code[back] == stored.code if len(code) else np.zeros(len(stored.code), bool)
    lost = (stored.state == _INFERRED_CODE) & (stored.source != _MANUAL_CODE) & ~supported
    gone = [(c >> 32, c & 0xFFFFFFFF) for c in stored.code[lost].tolist()]
    return put, gone, int(new.sum()), int(differs.sum())


# --- the evidence ---------------------------------------------------------------------------


def evidence(store: Store) -> Evidence:
    """Everything ties are inferred from, living people only."""
    living = np.fromiter((r[0] for r in ties_store.living_rows(store)), dtype=np.int64)
    alive = set(living.tolist())
    met_rows = ties_store.met_through(store)
    met = tuple((int(r["id"]), int(r["met_through_id"])) for r in met_rows)
    names = {int(r["id"]): str(r["name"]) for r in met_rows} | {
        int(r["met_through_id"]): str(r["through_name"]) for r in met_rows
    }
    states = [s.value for s in INTRODUCED_STATES]
    introduced = tuple(
        (int(r["person_a_id"]), int(r["person_b_id"]))
        for r in ties_store.introductions(store, states)
        if r["person_a_id"] in alive and r["person_b_id"] in alive
    )
    events, tags, threads = _groups(
        chain(ties_store.group_rows(store), _from_interactions(store)), alive
    )
    return Evidence(
        met_through=met,
        introduced=introduced,
        events=events,
        tags=tags,
        threads=threads,
        names=names,
        positions=_positions(store, living),
    )


def _positions(store: Store, living: np.ndarray[Any, Any]) -> Positions:
    organisations = list(ties_store.organization_rows(store))
    index = np.zeros(max((int(r[0]) for r in organisations), default=0) + 1, dtype=np.int64)
    index[[int(r[0]) for r in organisations]] = np.arange(len(organisations))
    rows = _int_rows(ties_store.position_rows(store), 4)
    alive = np.zeros(int(max(living.max(initial=0), rows[:, 0].max(initial=0))) + 1, bool)
    alive[living] = True
    rows = rows[alive[rows[:, 0]]]
    names = [str(r[1]) for r in organisations]
    return Positions(rows[:, 0], index[rows[:, 1]], rows[:, 2], rows[:, 3], names)


def _from_interactions(store: Store) -> Iterator[tuple[str, str, int, int]]:
    """The interactions' groups as `group_rows` gives the others: events and conversations."""
    names = ties_store.event_names(store)
    for event, conversation, person in ties_store.interaction_group_rows(store, LINKEDIN):
        if event is None:
            yield ("m", conversation, 0, person)
        elif event in names:
            yield ("e", names[event], event, person)


def _int_rows(rows: Iterable[tuple[Any, ...]], width: int) -> np.ndarray[Any, Any]:
    """Rows of whole numbers as one array of `width` columns (no Python list between)."""
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64)
    return flat.reshape(-1, width)


def _groups(
    rows: Iterator[tuple[Any, ...]], living: set[int]
) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """Events, tags and conversations as groups of living people, keyed by name (and an
    event's id when two events share a name: two called "Meetup"); a set is made only when
    a second person turns up."""
    first: dict[tuple[str, str, int], int] = {}
    more: dict[tuple[str, str, int], set[int]] = {}
    for kind, name, key, person in rows:
        if person not in living:
            continue
        group = (kind, name, key)
        one = first.setdefault(group, person)
        if one != person:
            more.setdefault(group, {one}).add(person)
    shared: dict[tuple[str, str], int] = {}
    for kind, name, _ in first:
        shared[(kind, name)] = shared.get((kind, name), 0) + 1
    out: dict[str, dict[str, frozenset[int]]] = {"e": {}, "t": {}, "m": {}}
    for (kind, name, key), people in more.items():
        label = name if shared[(kind, name)] == 1 else f"{name} (#{key})"
        out[kind][label] = frozenset(people)
    return out["e"], out["t"], out["m"]
