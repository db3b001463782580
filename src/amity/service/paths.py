"""Warm-intro paths: who to ask, and how, to reach a company, a role or one person.

The store hands over the network as arrays (`amity.store.graph`); the engine
(`amity.engines.warm_paths`) finds the exact strongest chains; this module turns the question
into target people, your relationships and the ties into link strengths, and explains every
link of the few paths found. docs/network.md ("Warm paths") says what each choice means.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import numpy as np

from amity.engines.draft_intro import AskReason, ask_for_intro
from amity.engines.organizations import organization_key
from amity.engines.strength_arrays import scores
from amity.engines.warm_paths import MAX_HOPS, Path, WarmGraph, best_paths, build_graph
from amity.errors import UsageError
from amity.service.path_links import NEVER_IN_TOUCH, PathEnd, PathHop, link_reasons
from amity.service.settings import preferences
from amity.store import Store
from amity.store import graph as graph_store

YOU = 0  # your node in the graph: never a person id (the database's start at 1)
# Anyone in your contacts is someone you could write to, even if you have never been in
# touch or the tie has faded to nothing: at least a faint link, so a path through them
# ranks below almost any real one but is still offered.
FAINT = 5  # of 100
DEFAULT_LIMIT = 5
SUGGEST_LIKENESS = 0.75  # difflib's ratio from which an organisation's name is suggested


class TargetKind(StrEnum):
    COMPANY = "company"
    ROLE = "role"
    PERSON = "person"


@dataclass(frozen=True, slots=True)
class PathQuery:
    """What to reach: a company or a role (as typed), or one person (an id)."""

    kind: TargetKind
    text: str = ""
    person_id: int | None = None


@dataclass(frozen=True, slots=True)
class WarmPath:
    strength: float
    hops: tuple[PathHop, ...]
    target_note: str  # "Engineer at Stripe", "former, at Stripe 2019-2022"
    former: bool  # the target used to work at the company asked about
    ask: PathEnd  # the first person to write to
    draft: str  # the message to them

    def as_dict(self) -> dict[str, Any]:
        return {"strength": self.strength, "hops": [hop.as_dict() for hop in self.hops]}


@dataclass(frozen=True, slots=True)
class PathsView:
    target: str  # the company's name, the role or the person, as shown
    kind: TargetKind
    matched: int  # people the target stands for (at the company, in the role)
    paths: tuple[WarmPath, ...]
    suggestions: tuple[str, ...] = ()  # no organisation has that name: ones with a close one

    def as_dict(self) -> dict[str, Any]:
        return {"target": self.target, "paths": [path.as_dict() for path in self.paths]}


@dataclass(frozen=True, slots=True)
class _Targets:
    label: str
    ids: list[int]
    notes: dict[int, tuple[str, bool]]  # id -> (what they are to the target, former)
    reason: AskReason  # why you ask, for the draft
    suggestions: tuple[str, ...] = ()  # organisations named like the one asked, if none is


def paths_to(store: Store, query: PathQuery, today: date, limit: int = DEFAULT_LIMIT) -> PathsView:
    """The `limit` strongest warm paths (at most three links) to what `query` names."""
    return paths_to_each(store, [query], today, limit)[0]


def paths_to_each(
    store: Store, queries: list[PathQuery], today: date, limit: int = DEFAULT_LIMIT
) -> list[PathsView]:
    """`paths_to` for several targets (an event's companies, roles and people), the
    network loaded once."""
    if limit < 1:
        raise UsageError(f"ask for at least one path, not {limit}")
    graph: WarmGraph | None = None
    views = []
    for query in queries:
        targets = _targets(store, query)
        if targets.ids and graph is None:
            graph = _graph(store, today)
        views.append(_view(store, query, targets, graph, today, limit))
    return views


def _view(
    store: Store,
    query: PathQuery,
    targets: _Targets,
    graph: WarmGraph | None,
    today: date,
    limit: int,
) -> PathsView:
    signature = str(preferences.get(store, "signature") or "")
    found: tuple[Path, ...] = ()
    if targets.ids and graph is not None:
        found = best_paths(graph, targets.ids, max_hops=MAX_HOPS, k=limit)
    return PathsView(
        targets.label,
        query.kind,
        len(targets.ids),
        tuple(_explained(store, path, targets, today, signature) for path in found),
        targets.suggestions,
    )


def _graph(store: Store, today: date) -> WarmGraph:
    """You, tied to each living person by your relationship's strength today (not the
    stored score, which is as of their last change), and the ties between them."""
    net = graph_store.network_arrays(store, today)
    today_scores = scores(net.stats)
    mine = np.maximum(today_scores, FAINT) / 100.0
    return build_graph(
        YOU,
        (net.people, mine),
        (net.tie_a, net.tie_b, net.tie_strength / 100.0),
        excluded=net.excluded,
        blocked=(net.declined_a, net.declined_b),
    )


def _explained(
    store: Store, path: Path, targets: _Targets, today: date, signature: str
) -> WarmPath:
    hops = link_reasons(store, path, today)
    target_id = path.hops[-1].to_id
    note, former = targets.notes.get(target_id, ("", False))
    chain = tuple(hop.end.name for hop in hops)
    return WarmPath(
        round(path.strength, 4),
        hops,
        note,
        former,
        hops[0].end,
        ask_for_intro(
            chain, targets.reason, signature, first_contact=hops[0].why == NEVER_IN_TOUCH
        ),
    )


# -- the targets --------------------------------------------------------------------------


def _targets(store: Store, query: PathQuery) -> _Targets:
    if query.kind is TargetKind.PERSON:
        if query.person_id is None:
            raise UsageError("a person is needed: give a name or an id")
        name = graph_store.names_of(store, [query.person_id]).get(query.person_id)
        label = name[0] if name else f"#{query.person_id}"
        return _Targets(label, [query.person_id], {}, AskReason())
    text = " ".join(query.text.split())
    if not text:
        raise UsageError(f"a {query.kind.value} is needed: say which one")
    if query.kind is TargetKind.COMPANY:
        return _company(store, text)
    return _role(store, text)


def _company(store: Store, text: str) -> _Targets:
    """Everyone who works or worked at the organisations named like `text` (up to case,
    punctuation and legal suffixes) or whose web domain it is."""
    key, domain = organization_key(text), text.lower().removeprefix("www.")
    known = graph_store.organizations(store)
    orgs = [
        (oid, name)
        for oid, name, org_domain in known
        if (key and organization_key(name) == key) or (org_domain and org_domain == domain)
    ]
    if not orgs and key:
        # "Sequoia" for Sequoia Capital: the name's first words. One such organisation is
        # the one meant; several are offered as suggestions.
        starting = [(oid, name) for oid, name, _ in known if _starts_with(name, key)]
        if len({organization_key(name) for _, name in starting}) == 1:
            orgs = starting
        elif starting:
            names = sorted({organization_key(n): n for _, n in starting}.values(), key=str.lower)
            return _Targets(text, [], {}, AskReason(), tuple(names[:3]))
    if not orgs:
        return _Targets(text, [], {}, AskReason(), _close_names(key, [n for _, n, _ in known]))
    label = orgs[0][1]
    notes: dict[int, tuple[str, bool]] = {}
    current: set[int] = set()
    for job in graph_store.employments(store, [oid for oid, _ in orgs]):
        if job.end_year is None:
            current.add(job.person_id)
            title = f"{job.title} at" if job.title else "at"
            notes[job.person_id] = (f"{title} {job.organization}", False)
        elif job.person_id not in current:
            years = _years(job.start_year, job.end_year)
            notes[job.person_id] = (f"former, at {job.organization} {years}", True)
    return _Targets(label, sorted(notes), notes, AskReason(f"someone at {label}", label))


def _starts_with(name: str, key: str) -> bool:
    """Whether an organisation's name begins with the words of `key` ("sequoia")."""
    found = organization_key(name)
    return found.startswith(key + " ")


def _close_names(key: str, names: list[str]) -> tuple[str, ...]:
    """Up to three organisations whose names are close to `key` ("Strpe": Stripe)."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(organization_key(name), name)
    close = difflib.get_close_matches(key, list(by_key), n=3, cutoff=SUGGEST_LIKENESS)
    return tuple(by_key[found] for found in close)


def _years(start: int | None, end: int | None) -> str:
    if start is None or start == end:
        return f"until {end}"
    return f"{start}\u2013{end}"


def _role(store: Store, text: str) -> _Targets:
    """Everyone whose current title holds the role's words, in order, as whole words:
    "data engineer" is a Senior Data Engineer, not a Database Engineer."""
    words = [re.escape(word) for word in text.split()]
    pattern = re.compile(r"\b" + r"\W+".join(words) + r"\b", re.IGNORECASE)
    notes = {
        pid: (title, False)
        for pid, title in graph_store.current_titles(store)
        if pattern.search(title)
    }
    article = "an" if text[:1].lower() in "aeiou" else "a"
    reason = AskReason(f"{article} {text}", f"working as {article} {text}")
    return _Targets(text, sorted(notes), notes, reason)
