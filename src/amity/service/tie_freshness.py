"""Are the inferred ties up to date? The check that runs after every write (no numpy, no
engine: a write command pays a few lookups, not the import of the inference).

`keep_ties_fresh` is the one call the command line, the web app and the Python API make
after a write. Its marker (a `setting` row, never exported) holds the revision it last
looked at, the day the ties were inferred for, the highest interaction id the last refresh
had read, a digest of the ties it inferred, and a fingerprint of the rest of the evidence
(`ties_store.signature_parts`: aggregates over narrow tables and indexes). After a write, a
check reads only the parts of the fingerprint the write's statements could have changed
(`amity.store.touched`: a meeting logged touches none) and the interactions added since
the last refresh (a meeting at an event, or an imported LinkedIn message, is evidence).
Only when the evidence changed, or the day did, does it run
`amity.service.tie_refresh.refresh_ties`. Interactions are only ever removed with a person
(a purge, an undone import or merge), which the fingerprint of the people sees. Each
writer checks its own writes; the marker is only ever replaced over the one a check read,
so a refresh committed meanwhile is never overwritten by an older fingerprint.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.errors import AmityError
from amity.store import Store
from amity.store import settings as settings_store
from amity.store import ties as ties_store
from amity.store.revision import revision
from amity.store.touched import take_touched

FRESH_KEY = ties_store.FRESH_KEY
LINKEDIN = "linkedin"


@dataclass(frozen=True, slots=True)
class Refresh:
    """What a refresh of the inferred ties changed."""

    inferred: int  # ties the evidence supports now
    added: int
    changed: int
    removed: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "inferred": self.inferred,
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
        }


@dataclass(frozen=True, slots=True)
class Marker:
    """Where the last refresh left the evidence: the revision a check last looked at, the
    highest interaction id the refresh had read and the fingerprint of the rest."""

    at: int
    day: str  # the day the ties were inferred for (ISO): overlaps run to today
    last: int
    found: str  # a digest of the ties that refresh inferred
    parts: tuple[str, ...]  # `ties_store.signature_parts`

    def text(self) -> str:
        return f"{self.at} {self.day} {self.last} {self.found} {'|'.join(self.parts)}"

    @staticmethod
    def parse(raw: str | None) -> Marker | None:
        try:
            at, day, last, found, parts = (raw or "").split(" ", 4)
            day = date.fromisoformat(day).isoformat()
            return Marker(int(at), day, int(last), found, tuple(parts.split("|")))
        except ValueError:  # none yet, or an older Amity's: refresh once
            return None


def keep_ties_fresh(store: Store, today: date) -> None:
    """After this store's writes: bring the inferred ties up to date if they changed the
    evidence. Only the parts of the fingerprint the writes could have changed are read
    (`amity.store.touched`). A failure here (the database busy past the wait) never undoes
    the write that was made: the next write, or `amity knows --refresh`, catches up."""
    try:
        fresh_ties(store, today, take_touched(store))
    except AmityError:
        store.db.end_read()


def fresh_ties(store: Store, today: date, touched: frozenset[str] | None = None) -> Refresh | None:
    """Refresh the inferred ties if their evidence changed since the last refresh, or it was
    for another day (a current job's overlap runs to today); None when not.

    Without `touched` (a listing, which did not write): nothing written since the last look
    is two lookups, else the whole fingerprint is read. With `touched` (after this
    connection's own writes, which it names): only the parts of the fingerprint those
    writes could change, and the interactions added since the last refresh (a meeting logged
    is one row and no evidence). Other writers check their own writes the same way."""
    raw = settings_store.setting_value(store, FRESH_KEY)
    marker = Marker.parse(raw)
    if marker is None or marker.day != today.isoformat():  # a new day: overlaps grew
        return _refresh(store, today)
    now = revision(store)
    if (marker.at == now and touched is None) or touched == frozenset():
        return None  # nothing written since the last look; or nothing by this connection
    evidence_rows, last = ties_store.interactions_after(store, marker.last, LINKEDIN)
    if evidence_rows:
        return _refresh(store, today)
    names = ties_store.SIGNATURE_PARTS
    stored = dict(zip(names, marker.parts, strict=False))
    wanted = names if touched is None else _parts_touched(touched)
    if any(stored.get(k) != v for k, v in ties_store.signature_parts(store, wanted).items()):
        return _refresh(store, today)
    with store.db.transaction():  # the commit bumps the revision: the marker names it
        # Only over the marker read: a refresh committed meanwhile keeps its own.
        seen = Marker(now + 1, marker.day, last, marker.found, marker.parts)
        ties_store.replace_marker(store, raw or "", seen.text())
    take_touched(store)  # the marker is no evidence
    return None


def _parts_touched(touched: frozenset[str]) -> tuple[str, ...]:
    """The parts of the fingerprint a write that touched these could have changed."""
    if "*" in touched:
        return ties_store.SIGNATURE_PARTS
    updated = {t.partition(".")[0] for t in touched if "." in t}

    def hit(mark: str) -> bool:
        if "." in mark or mark in touched:
            return mark in touched
        return mark != "person" and mark in updated  # any update but a person's own columns

    return tuple(part for part, marks in ties_store.PART_TABLES.items() if any(map(hit, marks)))


def _refresh(store: Store, today: date) -> Refresh:
    from amity.service.tie_refresh import refresh_ties

    return refresh_ties(store, today)
