"""Build a realistic synthetic Amity home of any size, fast, for the benchmarks.

    python bench/generate.py --home PATH --people 100000 --interactions 2000000 \
        [--seed 1] [--today 2026-11-22]

The schema comes from Amity's own migration (`amity.service.home.open_for_reading`);
everything else is written with `executemany` in one transaction, and the derived person
columns and the search documents are filled the way the store maintains them on write (one
GROUP BY, the strength engine's `score`, the same document text as `reindex_person`). The
same seed gives the same home.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from amity.engines.contact_points import name_key
from amity.engines.promise_dates import PROMISE_AFTER
from amity.engines.strength import DEPTH_WEIGHTS, RelationshipStats, score
from amity.model import DEFAULT_CADENCE_DAYS, Circle
from common import DEFAULT_SEED, DEFAULT_TODAY, RARE_DOCS, RARE_WORD
from vocabulary import (
    BIG_ORGS,
    CITIES,
    FAMILY,
    GIVEN,
    LEARNED,
    NEEDS,
    NICKNAMES,
    NOTE_WEIGHTS,
    NOTE_WORDS,
    OFFERS,
    OPENERS,
    ORG_SUFFIXES,
    ORG_WORDS,
    PLACES,
    PROMISES,
    SUBJECTS,
    TAGS,
    TITLES,
    TOPICS,
)

CHUNK = 100_000
HISTORY_DAYS = 730


CIRCLES = [Circle.INNER, Circle.CLOSE, Circle.ACTIVE, Circle.ACQUAINTANCE, Circle.DORMANT]
CIRCLE_SHARE = [0.001, 0.006, 0.06, 0.78, 0.153]
# Relative number of interactions per person, and the chance of none at all.
CIRCLE_ACTIVITY = {
    Circle.INNER: 120.0,
    Circle.CLOSE: 70.0,
    Circle.ACTIVE: 35.0,
    Circle.ACQUAINTANCE: 18.0,
    Circle.DORMANT: 8.0,
}
CIRCLE_SILENT = {Circle.ACQUAINTANCE: 0.12, Circle.DORMANT: 0.3}
KINDS = ["met", "coffee", "call", "video", "message", "email", "meeting", "event", "intro", "other"]
KIND_WEIGHTS = [1, 8, 8, 7, 35, 25, 10, 4, 1, 1]
KIND_INDEX = {k: i for i, k in enumerate(KINDS)}
FIRST_KINDS = ["met", "message", "email", "event", "intro"]
FIRST_WEIGHTS = [35, 30, 15, 12, 8]
IN_PERSON = {KIND_INDEX[k] for k in ("met", "coffee", "meeting", "event")}
WRITTEN = {KIND_INDEX[k] for k in ("message", "email")}
DIRECTIONS = ["inbound", "outbound", "mutual"]
OUTBOUND = 1
DEPTH_SQL = " ".join(f"WHEN '{k.value}' THEN {w}" for k, w in DEPTH_WEIGHTS.items())

# An interaction is planned as one int, so 2 M of them sort fast and fit in little memory:
# day (ordinal) | person | kind | direction | follow-up (0 none, 1 open, 2 skipped, else the
# ordinal of the day it was closed).
_PID_BITS, _KIND_BITS, _DIR_BITS, _FU_BITS = 21, 4, 2, 22


@dataclass(frozen=True, slots=True)
class Config:
    home: Path
    people: int
    interactions: int
    seed: int
    today: date

    @property
    def t(self) -> int:
        return self.today.toordinal()


@dataclass(slots=True)
class Plan:
    """What later phases need to know about each person (index = person id)."""

    circle: list[Circle] = field(default_factory=list)
    cadence: list[int | None] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    org_of: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Orgs:
    names: list[str]
    cum_weights: list[float]


def pack(day: int, pid: int, kind: int, direction: int, fu: int) -> int:
    value = (day << _PID_BITS) | pid
    value = (value << _KIND_BITS) | kind
    value = (value << _DIR_BITS) | direction
    return (value << _FU_BITS) | fu


def unpack(value: int) -> tuple[int, int, int, int, int]:
    fu = value & ((1 << _FU_BITS) - 1)
    value >>= _FU_BITS
    direction = value & ((1 << _DIR_BITS) - 1)
    value >>= _DIR_BITS
    kind = value & ((1 << _KIND_BITS) - 1)
    value >>= _KIND_BITS
    return value >> _PID_BITS, value & ((1 << _PID_BITS) - 1), kind, direction, fu


@cache
def iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", plain.lower())


class Timer:
    def __init__(self) -> None:
        self.start = self.last = time.perf_counter()

    def lap(self, what: str) -> None:
        now = time.perf_counter()
        print(f"{what:<34} {now - self.last:7.1f} s", flush=True)
        self.last = now

    def total(self) -> float:
        return time.perf_counter() - self.start


# -- setup -------------------------------------------------------------------------------


def init_home(home: Path, today: date) -> int:
    """`amity init`: create the database at head through Amity's migration; the owner id."""
    from amity.service.home import open_for_reading, with_account

    home.mkdir(parents=True, exist_ok=True)
    store = with_account(open_for_reading(f"sqlite:///{(home / 'amity.db').absolute()}"))
    store.close()
    return store.owner_id


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in (
        "journal_mode = OFF",
        "synchronous = OFF",
        "cache_size = -1000000",
        "temp_store = MEMORY",
        "foreign_keys = OFF",
    ):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def insert(conn: sqlite3.Connection, table: str, columns: str, rows: Sequence[Any]) -> None:
    marks = ", ".join("?" * len(columns.split(",")))
    conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


# -- organisations and tags --------------------------------------------------------------


def organizations(conn: sqlite3.Connection, rng: random.Random, cfg: Config, owner: int) -> Orgs:
    count = max(60, cfg.people // 30)
    names = list(BIG_ORGS)
    seen = {name_key(n) for n in names}
    while len(names) < count:
        name = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_WORDS)} {rng.choice(ORG_SUFFIXES)}"
        if name_key(name) not in seen:
            seen.add(name_key(name))
            names.append(name)
    rows = [
        (i, owner, n, name_key(n), ascii_slug(n.split()[0]) + ".com")
        for i, n in enumerate(names, 1)
    ]
    insert(conn, "organization", "id, owner_id, name, name_key, domain", rows)
    weights = [40.0 if i < len(BIG_ORGS) else 1.0 / (1 + i / 400) for i in range(len(names))]
    return Orgs(names, list(itertools.accumulate(weights)))


def tags(conn: sqlite3.Connection, owner: int) -> None:
    insert(conn, "tag", "id, owner_id, name", [(i, owner, t) for i, t in enumerate(TAGS, 1)])


# -- people ------------------------------------------------------------------------------


@dataclass(slots=True)
class PeopleRows:
    person: list[tuple[Any, ...]] = field(default_factory=list)
    position: list[tuple[Any, ...]] = field(default_factory=list)
    contact: list[tuple[Any, ...]] = field(default_factory=list)
    tag: list[tuple[Any, ...]] = field(default_factory=list)
    doc: list[tuple[Any, ...]] = field(default_factory=list)
    source: list[tuple[Any, ...]] = field(default_factory=list)
    life: list[tuple[Any, ...]] = field(default_factory=list)


def person_name(rng: random.Random, previous: list[str]) -> tuple[str, str, str, str]:
    """(name, given, family, nickname); about 2 % are near-duplicates of an earlier name."""
    if previous and rng.random() < 0.02:
        given, family = rng.choice(previous).split(" ", 1)
        variant = rng.random()
        if given in NICKNAMES and variant < 0.5:
            given = NICKNAMES[given]
        elif variant < 0.75:
            family = family.lower() if rng.random() < 0.5 else family[:-1] + family[-1] * 2
        else:
            given, family = family, given
    else:
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    nickname = NICKNAMES.get(given, "") if rng.random() < 0.3 else ""
    middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.06 else ""
    return f"{given}{middle} {family}", given, family, nickname


def positions(
    rng: random.Random, cfg: Config, pid: int, orgs: Orgs
) -> list[tuple[int, str, int, int | None, str]]:
    """1 to 3 jobs, oldest first, the last one open: (org index, title, start, end, source)."""
    count = rng.choices([1, 2, 3], weights=[45, 35, 20])[0]
    source = "linkedin" if rng.random() < 0.7 else "manual"
    chosen = rng.choices(range(len(orgs.names)), cum_weights=orgs.cum_weights, k=count)
    jobs: list[tuple[int, str, int, int | None, str]] = []
    start = cfg.t - rng.randint(30, 2500)
    end: int | None = None
    for org in chosen:
        jobs.append((org, rng.choice(TITLES), start, end, source))
        end = start - rng.randint(0, 60)
        start = end - rng.randint(180, 1800)
    return jobs[::-1]


def contact_points(rng: random.Random, pid: int, given: str, family: str, domain: str) -> list[Any]:
    """(kind, value, normalized, label): emails mostly, some phones, LinkedIn URLs."""
    slug = f"{ascii_slug(given)}.{ascii_slug(family)}"
    points: list[tuple[str, str, str, str]] = []
    if rng.random() < 0.9:
        mail = rng.choice(["gmail.com", "outlook.com", "proton.me", "fastmail.com", domain])
        value = f"{slug}{pid % 97 if rng.random() < 0.4 else ''}@{mail}"
        points.append(("email", value if rng.random() < 0.9 else value.title(), value, ""))
    if rng.random() < 0.2:
        points.append(("email", f"{slug}@{domain}", f"{slug}@{domain}", "work"))
    if rng.random() < 0.3:
        points.append(phone(rng, pid))
    if rng.random() < 0.6:
        handle = f"{ascii_slug(given)}-{ascii_slug(family)}-{pid:x}"
        url = f"https://www.linkedin.com/in/{handle}"
        points.append(("social", url + "/", url, "linkedin"))
    return points


def phone(rng: random.Random, pid: int) -> tuple[str, str, str, str]:
    local = f"{pid % 10000:04d}"
    country, shown, e164 = rng.choice(
        [
            ("us", f"(415) 555-{local}", f"+1415555{local}"),
            ("us", f"+1 212 555 {local}", f"+1212555{local}"),
            ("gb", f"+44 20 7946 {local}", f"+44207946{local}"),
            ("de", f"+49 30 9018{local}", f"+49309018{local}"),
            ("fr", f"+33 1 42 68 {local[:2]} {local[2:]}", f"+33142680{local}"[:12]),
        ]
    )
    return ("phone", shown, e164, "mobile" if country != "us" else "")


def add_person(
    rows: PeopleRows, rng: random.Random, cfg: Config, pid: int, owner: int, ctx: dict[str, Any]
) -> tuple[Circle, int | None, int]:
    orgs: Orgs = ctx["orgs"]
    name, given, family, nickname = person_name(rng, ctx["names"])
    ctx["names"].append(f"{given} {family}")
    circle = rng.choices(CIRCLES, weights=CIRCLE_SHARE)[0]
    cadence = rng.choice([7, 21, 45, 60, 120]) if rng.random() < 0.02 else None
    jobs = positions(rng, cfg, pid, orgs)
    current_org, current_title = orgs.names[jobs[-1][0]], jobs[-1][1]
    points = contact_points(rng, pid, given, family, ascii_slug(current_org) + ".com")
    tag_ids = sorted(set(rng.choices(range(1, len(TAGS) + 1), k=rng.choice([1, 1, 2, 3]))))
    if rng.random() >= 0.4:
        tag_ids = []
    place = rng.choice(PLACES)
    how_met = rng.choice(["LinkedIn", "met at " + place, "introduced", "former colleague", ""])
    fields = {
        "headline": f"{current_title} at {current_org}" if rng.random() < 0.5 else "",
        "location": rng.choice(CITIES) if rng.random() < 0.7 else "",
        "about": "",
        "needs": NEEDS[(pid * 2654435761) % len(NEEDS)] if rng.random() < 0.03 else "",
        "offers": OFFERS[(pid * 40503) % len(OFFERS)] if rng.random() < 0.03 else "",
        "interests": rng.choice(TOPICS) if rng.random() < 0.2 else "",
        "how_met": how_met,
        "where_met": place if how_met.startswith("met at") else "",
    }
    # Most of a large network comes from LinkedIn, which exports no birthdays.
    bday = (rng.randint(1, 12), rng.randint(1, 28)) if rng.random() < 0.3 else (None, None)
    year = rng.randint(1960, 2004) if bday[0] and rng.random() < 0.4 else None
    met_through = rng.randint(1, pid - 1) if pid > 1 and rng.random() < 0.05 else None
    rows.person.append(
        (pid, owner, name, name_key(name), given, family, nickname, fields["headline"],
         fields["location"], bday[0], bday[1], year, fields["how_met"], fields["where_met"],
         met_through, circle.value, cadence, fields["about"], fields["needs"], fields["offers"],
         fields["interests"], rng.random() < 0.005, iso(cfg.t - HISTORY_DAYS - rng.randint(0, 900)),
         current_org, current_title)
    )  # fmt: skip
    for org, title, start, end, source in jobs:
        rows.position.append(
            (owner, pid, org + 1, title, iso(start), iso(end) if end else None, source)
        )
    for kind, value, normalized, label in points:
        rows.contact.append((owner, pid, kind, value, normalized, label))
    rows.tag += [(owner, pid, t) for t in tag_ids]
    add_provenance(rows, rng, cfg, pid, owner, jobs, points, orgs)
    body = [name, nickname, *fields.values(), " ".join(sorted(TAGS[t - 1] for t in tag_ids))]
    body.append(" ".join(f"{orgs.names[o]} {t}" for o, t, *_ in jobs))
    body.append(" ".join(p[1] for p in points))
    rows.doc.append((pid * 2, "\n".join(b for b in body if b), owner, pid))
    return circle, cadence, jobs[-1][0]


def add_provenance(
    rows: PeopleRows,
    rng: random.Random,
    cfg: Config,
    pid: int,
    owner: int,
    jobs: list[tuple[int, str, int, int | None, str]],
    points: list[tuple[str, str, str, str]],
    orgs: Orgs,
) -> None:
    """A LinkedIn source record for imported people; a new-job event for some job changes."""
    org, title, start, _, source = jobs[-1]
    if source == "linkedin":
        url = next((p[2] for p in points if p[0] == "social"), f"linkedin:{pid}")
        payload = json.dumps({"company": orgs.names[org], "position": title}, sort_keys=True)
        digest = hashlib.sha256(payload.encode()).hexdigest()[:16]
        seen = iso(min(start, cfg.t - 30))
        rows.source.append((owner, pid, "linkedin", url, digest, payload, seen, iso(cfg.t - 30)))
    if len(jobs) > 1 and cfg.t - start <= HISTORY_DAYS and rng.random() < 0.3:
        detail = f"{title} at {orgs.names[org]}"
        rows.life.append((owner, pid, "new_job", iso(start), detail, source))


PERSON_COLUMNS = (
    "id, owner_id, name, name_key, given_name, family_name, nickname, headline, location, "
    "birthday_month, birthday_day, birthday_year, how_met, where_met, met_through_id, circle, "
    "cadence_days, about, needs, offers, interests, archived, created_on, organization, title"
)


def people(
    conn: sqlite3.Connection, rng: random.Random, cfg: Config, owner: int, orgs: Orgs
) -> Plan:
    rows, plan = PeopleRows(), Plan()
    ctx: dict[str, Any] = {"orgs": orgs, "names": []}
    plan.circle.append(Circle.DORMANT)  # index 0 is unused: person ids start at 1
    plan.cadence.append(None)
    plan.org_of.append(0)
    for pid in range(1, cfg.people + 1):
        circle, cadence, org = add_person(rows, rng, cfg, pid, owner, ctx)
        plan.circle.append(circle)
        plan.cadence.append(cadence)
        plan.org_of.append(org)
    insert(conn, "person", PERSON_COLUMNS, rows.person)
    insert(
        conn,
        "position",
        "owner_id, person_id, organization_id, title, start_on, end_on, source",
        rows.position,
    )
    insert(
        conn, "contact_point", "owner_id, person_id, kind, value, normalized, label", rows.contact
    )
    insert(conn, "person_tag", "owner_id, person_id, tag_id", rows.tag)
    insert(conn, "search_doc", "rowid, body, owner_id, person_id", rows.doc)
    insert(
        conn,
        "source_record",
        "owner_id, person_id, source, source_key, fingerprint, payload, first_seen_on, "
        "last_seen_on",
        rows.source,
    )
    insert(conn, "life_event", "owner_id, person_id, kind, occurred_on, detail, source", rows.life)
    return plan


# -- interactions: plan ------------------------------------------------------------------


def interaction_counts(rng: random.Random, cfg: Config, plan: Plan) -> list[int]:
    """How many interactions each person is the main participant of; they sum to M."""
    weights = [0.0]
    for circle in plan.circle[1:]:
        silent = rng.random() < CIRCLE_SILENT.get(circle, 0.0)
        weights.append(0.0 if silent else CIRCLE_ACTIVITY[circle] * rng.lognormvariate(0, 0.6))
    scale = cfg.interactions / (sum(weights) or 1.0)
    counts = [int(w * scale) for w in weights]
    short = cfg.interactions - sum(counts)
    if short > 0:
        for pid in rng.choices(range(len(weights)), weights=weights, k=short):
            counts[pid] += 1
    return counts


def window(rng: random.Random, t: int, circle: Circle) -> tuple[int, int]:
    """The first and last day of contact, by circle: inner is recent, dormant long ago."""
    if circle is Circle.INNER:
        return t - rng.randint(300, HISTORY_DAYS), t - rng.randint(0, 10)
    if circle is Circle.CLOSE:
        return t - rng.randint(200, HISTORY_DAYS), t - rng.randint(0, 30)
    if circle is Circle.ACTIVE:
        start = t - rng.randint(60, HISTORY_DAYS)
        return start, max(start, t - rng.randint(0, 120))
    if circle is Circle.DORMANT:
        start = t - rng.randint(400, HISTORY_DAYS)
        return start, min(start + rng.randint(0, 200), t - 366)
    start = t - int(HISTORY_DAYS * rng.random() ** 0.5)  # new acquaintances are rarer
    return start, rng.randint(start, t)


def person_timeline(rng: random.Random, start: int, end: int, count: int) -> list[list[int]]:
    """[day, kind, direction] for one person, sorted; the first is how you met."""
    first = KIND_INDEX[rng.choices(FIRST_KINDS, weights=FIRST_WEIGHTS)[0]]
    items = [[start, first, direction_for(rng, first)]]
    rest = count - 1
    if rest > 0 and rng.random() < 0.55:  # a prompt follow-up message after meeting
        items.append([min(start + rng.randint(0, 3), end), KIND_INDEX["message"], OUTBOUND])
        rest -= 1
    kinds = rng.choices(range(len(KINDS)), weights=KIND_WEIGHTS, k=rest)
    for kind in kinds:
        items.append([rng.randint(start, end), kind, direction_for(rng, kind)])
    items.sort()
    return items


def direction_for(rng: random.Random, kind: int) -> int:
    if kind in WRITTEN:
        return 1 if rng.random() < 0.55 else 0
    if kind == KIND_INDEX["call"] and rng.random() < 0.5:
        return rng.randint(0, 1)
    return 2


def follow_up_states(items: list[list[int]], t: int) -> list[int]:
    """For each meeting: the day an outbound contact closed its follow-up, or open/skipped."""
    states = [0] * len(items)
    next_out = 0
    for i in range(len(items) - 1, -1, -1):
        day, kind, direction = items[i]
        if kind == KIND_INDEX["met"]:
            if next_out:
                states[i] = next_out
            else:
                states[i] = 1 if t - day <= 30 else 2
        if direction == OUTBOUND:
            next_out = day
    return states


def plan_interactions(rng: random.Random, cfg: Config, plan: Plan) -> list[int]:
    counts = interaction_counts(rng, cfg, plan)
    packed: list[int] = []
    plan.start.append(0)
    plan.end.append(0)
    for pid in range(1, cfg.people + 1):
        start, end = window(rng, cfg.t, plan.circle[pid])
        plan.start.append(start)
        plan.end.append(end)
        if not counts[pid]:
            continue
        items = person_timeline(rng, start, end, counts[pid])
        states = follow_up_states(items, cfg.t)
        packed += [pack(d, pid, k, r, s) for (d, k, r), s in zip(items, states, strict=True)]
    packed.sort()
    return packed


# -- interactions: write -----------------------------------------------------------------


@dataclass(slots=True)
class Batch:
    interaction: list[tuple[Any, ...]] = field(default_factory=list)
    participant: list[tuple[int, int, int, str]] = field(default_factory=list)
    doc: list[tuple[Any, ...]] = field(default_factory=list)
    reminder: list[tuple[Any, ...]] = field(default_factory=list)


def note_text(rng: random.Random, kind: int) -> tuple[str, str]:
    """(summary, notes) for one interaction."""
    if kind in WRITTEN:
        summary = rng.choice(SUBJECTS)
        if rng.random() < 0.5:
            return summary, ""
    else:
        summary = rng.choice(TOPICS)
    words = rng.choices(NOTE_WORDS, cum_weights=NOTE_CUM, k=rng.randint(6, 18))
    return summary, f"{rng.choice(OPENERS)} {' '.join(words)}."


NOTE_CUM = [sum(NOTE_WEIGHTS[: i + 1]) for i in range(len(NOTE_WEIGHTS))]


def interaction_row(
    batch: Batch, rng: random.Random, cfg: Config, iid: int, value: int, owner: int
) -> None:
    day, pid, kind, direction, fu = unpack(value)
    summary, notes = note_text(rng, kind)
    if rng.random() < RARE_DOCS / cfg.interactions:
        notes += f" Someone mentioned the {RARE_WORD} museum."
    learned = rng.choice(LEARNED) if rng.random() < 0.04 else ""
    promise = rng.choice(PROMISES) if kind in IN_PERSON and rng.random() < 0.02 else ""
    place = rng.choice(PLACES) if kind in IN_PERSON and rng.random() < 0.6 else ""
    source, key = ("linkedin", f"msg-{iid}") if kind in WRITTEN and iid % 3 == 0 else ("", "")
    when = iso(day)
    batch.interaction.append(
        (iid, owner, KINDS[kind], DIRECTIONS[direction], when, summary, notes, learned, promise,
         place, source, key, f"{when}T12:00:00+00:00")
    )  # fmt: skip
    batch.participant.append((iid, owner, pid, when))
    if kind in IN_PERSON and rng.random() < 0.12:
        others = {rng.randint(1, cfg.people) for _ in range(rng.randint(1, 3))} - {pid}
        batch.participant += [(iid, owner, other, when) for other in sorted(others)]
    body = "\n".join(p for p in (summary, notes, learned, promise, place) if p)
    batch.doc.append((iid * 2 + 1, body, owner, pid))
    if fu:
        batch.reminder.append(follow_up(owner, pid, iid, day, fu, place, summary))
    if promise:
        batch.reminder.append(promise_reminder(rng, cfg, owner, pid, iid, day, promise))


def follow_up(
    owner: int, pid: int, iid: int, day: int, fu: int, place: str, summary: str
) -> tuple[Any, ...]:
    state = {1: "open", 2: "skipped"}.get(fu, "done")
    closed = None if fu == 1 else iso(day + 30 if fu == 2 else fu)
    return (owner, pid, "follow_up", f"follow_up:interaction:{iid}", place, summary,
            iso(day + 1), state, closed, iid)  # fmt: skip


def promise_reminder(
    rng: random.Random, cfg: Config, owner: int, pid: int, iid: int, day: int, promise: str
) -> tuple[Any, ...]:
    due = day + PROMISE_AFTER.days
    recent = cfg.t - day <= 14
    closed = None if recent else iso(min(day + rng.randint(1, 10), cfg.t))
    return (owner, pid, "promise", f"promise:interaction:{iid}:0", promise, "", iso(due),
            "open" if recent else "done", closed, iid)  # fmt: skip


INTERACTION_COLUMNS = (
    "id, owner_id, kind, direction, occurred_on, summary, notes, learned, promises, place, "
    "source, source_key, created_at"
)
REMINDER_COLUMNS = (
    "owner_id, person_id, kind, key, reason, detail, due_on, state, closed_on, interaction_id"
)


def write_interactions(
    conn: sqlite3.Connection, rng: random.Random, cfg: Config, owner: int, packed: list[int]
) -> None:
    for offset in range(0, len(packed), CHUNK):
        batch = Batch()
        for iid, value in enumerate(packed[offset : offset + CHUNK], offset + 1):
            interaction_row(batch, rng, cfg, iid, value, owner)
        insert(conn, "interaction", INTERACTION_COLUMNS, batch.interaction)
        insert(conn, "interaction_participant",
               "interaction_id, owner_id, person_id, occurred_on", batch.participant)  # fmt: skip
        insert(conn, "search_doc", "rowid, body, owner_id, person_id", batch.doc)
        insert(conn, "reminder", REMINDER_COLUMNS, batch.reminder)


# -- the rest of the network -------------------------------------------------------------


def network_extras(
    conn: sqlite3.Connection, rng: random.Random, cfg: Config, owner: int, plan: Plan
) -> None:
    """Ledger entries, ties, events with attendance, goals."""
    n = cfg.people
    ledger = []
    for _ in range(max(20, n // 40)):
        pid = rng.randint(1, n)
        what = rng.choice(["CV review", "intro to a hiring manager", "a book recommendation",
                           "advice on a job offer", "referral for a backend role"])  # fmt: skip
        day = iso(cfg.t - rng.randint(1, HISTORY_DAYS))
        direction = rng.choices(["gave", "received", "asked"], weights=[5, 3, 2])[0]
        kind = rng.choice(["advice", "introduction", "referral", "resource", "favour"])
        ledger.append((owner, pid, direction, kind, what, day))
    insert(conn, "ledger_entry", "owner_id, person_id, direction, kind, what, occurred_on", ledger)
    ties, paired = [], set()
    for _ in range(n // 2):
        a, b = rng.randint(1, n), rng.randint(1, n)
        if a != b:
            kind = rng.choice(["colleague", "friend", "knows", "classmate", "introduced"])
            since = iso(cfg.t - rng.randint(0, 3000))
            tie = (owner, min(a, b), max(a, b), kind, rng.randint(10, 95), "bench", since)
            if tie[1:3] not in paired:  # one tie per pair (migration 0007)
                paired.add(tie[1:3])
                ties.append(tie)
    insert(conn, "tie", "owner_id, person_a_id, person_b_id, kind, strength, source, since", ties)
    events(conn, rng, cfg, owner)


def events(conn: sqlite3.Connection, rng: random.Random, cfg: Config, owner: int) -> None:
    rows, attendance = [], []
    for eid in range(1, 41):
        offset = rng.randint(-HISTORY_DAYS, 60)
        status = "attended" if offset < 0 else "planned"
        name = f"{PLACES[eid % len(PLACES)].removeprefix('a ').removeprefix('the ')} {eid}"
        rows.append((eid, owner, name, iso(cfg.t + offset), rng.choice(CITIES),
                     "meet people", "talk to three hiring managers", status))  # fmt: skip
        people_met = rng.sample(range(1, cfg.people + 1), min(cfg.people, rng.randint(10, 80)))
        role = "met" if offset < 0 else "target"
        attendance += [(owner, eid, pid, role) for pid in sorted(people_met)]
    insert(conn, "event", "id, owner_id, name, starts_on, place, purpose, goals, status", rows)
    insert(conn, "event_attendance", "owner_id, event_id, person_id, role", attendance)
    goal = (owner, "Backend role at a fintech", "warm intros to two hiring managers", "Plaid",
            iso(cfg.t + 90))  # fmt: skip
    insert(conn, "goal", "owner_id, title, detail, target_organization, due_on", [goal])


# -- derived columns ---------------------------------------------------------------------


def derived_columns(conn: sqlite3.Connection, cfg: Config, plan: Plan) -> None:
    """What `refresh_person` maintains on write, for everyone at once."""
    rows = conn.execute(
        "SELECT ip.person_id, min(i.occurred_on), max(i.occurred_on), count(*), "
        "sum(i.direction = 'inbound'), sum(i.direction = 'outbound'), "
        "max(CASE WHEN i.direction = 'outbound' THEN i.occurred_on END), "
        f"sum(CASE i.kind {DEPTH_SQL} ELSE 1.0 END) "
        "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
        "GROUP BY ip.person_id"
    ).fetchall()
    conn.executemany(
        "UPDATE person SET first_contact_on = ?, last_contact_on = ?, last_outbound_on = ?, "
        "interaction_count = ?, inbound_count = ?, outbound_count = ?, depth_total = ?, "
        "next_due_on = ?, strength = ? WHERE id = ?",
        (derived_row(row, cfg, plan) for row in rows),
    )


def derived_row(row: tuple[Any, ...], cfg: Config, plan: Plan) -> tuple[Any, ...]:
    pid, first, last, n, inbound, outbound, last_out, depth = row
    stats = RelationshipStats(
        first_contact_on=date.fromisoformat(first),
        last_contact_on=date.fromisoformat(last),
        last_outbound_on=date.fromisoformat(last_out) if last_out else None,
        interaction_count=n,
        inbound_count=inbound,
        outbound_count=outbound,
        depth_total=float(depth),
    )
    cadence = plan.cadence[pid] or DEFAULT_CADENCE_DAYS.get(plan.circle[pid])
    due = (date.fromisoformat(last) + timedelta(days=cadence)).isoformat() if cadence else None
    points = score(stats, cfg.today)
    return (first, last, last_out, n, inbound, outbound, float(depth), due, points, pid)


def finish(conn: sqlite3.Connection) -> None:
    conn.execute("ANALYZE")
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA journal_mode = WAL")


# -- main --------------------------------------------------------------------------------


def build(cfg: Config) -> None:
    db = cfg.home / "amity.db"
    if db.exists():
        sys.exit(f"{db} exists; remove it or choose another --home")
    timer = Timer()
    owner = init_home(cfg.home, cfg.today)
    timer.lap("migrate (amity init)")
    rng, text_rng = random.Random(cfg.seed), random.Random(cfg.seed + 1)
    conn = connect(db)
    conn.execute("BEGIN")
    orgs = organizations(conn, rng, cfg, owner)
    tags(conn, owner)
    plan = people(conn, rng, cfg, owner, orgs)
    timer.lap(f"people ({cfg.people:,})")
    packed = plan_interactions(rng, cfg, plan)
    timer.lap("plan interactions")
    write_interactions(conn, text_rng, cfg, owner, packed)
    del packed
    timer.lap(f"interactions ({cfg.interactions:,}) + docs")
    network_extras(conn, rng, cfg, owner, plan)
    timer.lap("ledger, ties, events")
    derived_columns(conn, cfg, plan)
    timer.lap("derived person columns")
    conn.execute("COMMIT")
    timer.lap("commit")
    finish(conn)
    conn.close()
    timer.lap("ANALYZE + optimize")
    size = sum(f.stat().st_size for f in cfg.home.glob("amity.db*")) / 1e6
    print(f"{'total':<34} {timer.total():7.1f} s   {db} ({size:,.0f} MB)")


def parse_args(argv: list[str] | None = None) -> Config:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", required=True, type=Path, help="the Amity home to create")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--interactions", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--today", default=DEFAULT_TODAY, help="YYYY-MM-DD (AMITY_TODAY)")
    args = parser.parse_args(argv)
    if not 1 <= args.people < 1 << _PID_BITS:
        parser.error(f"--people must be between 1 and {(1 << _PID_BITS) - 1}")
    if args.interactions < 0:
        parser.error("--interactions must be at least 0")
    return Config(
        args.home.absolute(), args.people, args.interactions, args.seed,
        date.fromisoformat(args.today),
    )  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    build(parse_args(argv))


if __name__ == "__main__":
    main()
