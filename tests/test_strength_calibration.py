"""A dozen hand-written relationships, scored as a person would rank them.

The same histories go through the pure engine and through a real store (interactions logged,
`refresh_people`), and docs/strength.md shows the table this file computes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from amity.engines.strength import Contact, Tier, stats_of, strength, tier
from amity.model import Interaction, Person
from amity.model.enums import Direction, InteractionKind
from amity.service import relationships
from amity.service.relationships import refresh_people, relationship_stats
from amity.store import Store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store import people_query as q

TODAY = date(2026, 11, 22)
DOC = Path(__file__).resolve().parent.parent / "docs" / "strength.md"

K = InteractionKind
IN, OUT, BOTH = Direction.INBOUND, Direction.OUTBOUND, Direction.MUTUAL


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def every(
    first: int, last: int, step: int, kinds: list[InteractionKind], ways: list[Direction]
) -> list[Contact]:
    """One contact every `step` days from `first` days ago to `last` days ago, the kinds and
    directions taken in turn."""
    days = range(first, last - 1, -step)
    return [Contact(ago(d), kinds[n % len(kinds)], ways[n % len(ways)]) for n, d in enumerate(days)]


def mentor() -> list[Contact]:
    """Coffee every six months for four years, the last three months ago, with a thank-you
    message the next day."""
    return [
        contact
        for d in range(90 + 7 * 182, 89, -182)
        for contact in (Contact(ago(d), K.COFFEE, BOTH), Contact(ago(d - 1), K.MESSAGE, OUT))
    ]


def three_days() -> list[Contact]:
    """Someone new: twenty messages back and forth over three days."""
    return [
        Contact(ago(d), K.MESSAGE, way) for d in (3, 3, 2, 2, 2, 1, 1, 1, 0, 0) for way in (IN, OUT)
    ]


# (history, its interactions, the tier a person would give it), strongest first.
HISTORIES: list[tuple[str, Callable[[], list[Contact]], Tier]] = [
    (
        "a close friend, weekly for five years",
        lambda: every(
            5 * 365, 2, 7, [K.MESSAGE, K.MESSAGE, K.CALL, K.COFFEE], [IN, OUT, OUT, BOTH]
        ),
        Tier.CORE,
    ),
    (
        "a ten-year friend, every six weeks",
        lambda: every(21 + 42 * 87, 21, 42, [K.COFFEE, K.CALL, K.MESSAGE], [BOTH, IN, OUT]),
        Tier.CORE,
    ),
    (
        "an old friend, a call every quarter",
        lambda: every(8 * 365, 60, 91, [K.CALL], [IN, OUT]),
        Tier.CORE,
    ),
    ("a mentor you see twice a year", mentor, Tier.ACTIVE),
    (
        "a friend from a course, weekly for two months",
        lambda: every(60, 3, 7, [K.COFFEE, K.MESSAGE], [BOTH, IN]),
        Tier.ACTIVE,
    ),
    (
        "a colleague of three years, quiet six months",
        lambda: every(
            3 * 365 + 182, 182, 3, [K.MEETING, K.MESSAGE, K.MESSAGE, K.EMAIL], [BOTH, IN, OUT, IN]
        ),
        Tier.COOLING,
    ),
    ("three days of messages with someone new", three_days, Tier.NEW),
    (
        "yesterday's fair contact, followed up today",
        lambda: [Contact(ago(1), K.MET, BOTH), Contact(ago(0), K.MESSAGE, OUT)],
        Tier.NEW,
    ),
    ("yesterday's fair contact", lambda: [Contact(ago(1), K.MET, BOTH)], Tier.NEW),
    (
        "a one-way barrage of your own messages",
        lambda: every(50, 1, 2, [K.MESSAGE], [OUT]),
        Tier.DORMANT,
    ),
    (
        "a recruiter who wrote twice, never answered",
        lambda: [Contact(ago(130), K.MESSAGE, IN), Contact(ago(120), K.MESSAGE, IN)],
        Tier.DORMANT,
    ),
    (
        "a school friend, out of touch for six years",
        lambda: every(16 * 365, 6 * 365, 60, [K.MEETING, K.MESSAGE], [BOTH, IN, OUT]),
        Tier.DORMANT,
    ),
    ("a LinkedIn connection never spoken to", lambda: [], Tier.DORMANT),
]


def computed_table() -> list[tuple[str, int, str, str]]:
    rows = []
    for name, history, _tier in HISTORIES:
        stats = stats_of(history())
        scored = strength(stats, TODAY)
        rows.append((name, scored.score, tier(scored.score, stats, TODAY).value, scored.summary))
    return rows


def table_markdown() -> str:
    lines = ["| history | score | tier | reasons |", "| --- | --- | --- | --- |"]
    lines += [f"| {n} | {s} | {t} | {r} |" for n, s, t, r in computed_table()]
    return "\n".join(lines)


def test_a_dozen_histories_rank_and_tier_as_a_person_would() -> None:
    table = computed_table()
    # Strongest first, as listed; a tie keeps the list's order.
    scores = [score for _name, score, _tier, _why in table]
    assert scores == sorted(scores, reverse=True), table
    assert [t for _n, _s, t, _w in table] == [expected.value for _n, _h, expected in HISTORIES]


def test_the_tiers_that_the_issue_names() -> None:
    by_name = {name: (score, level) for name, score, level, _why in computed_table()}
    quarterly, _ = by_name["an old friend, a call every quarter"]
    acquaintance, level = by_name["three days of messages with someone new"]
    assert level == "new"  # never core, however many messages this week
    assert quarterly > acquaintance + 20
    followed, _ = by_name["yesterday's fair contact, followed up today"]
    alone, _ = by_name["yesterday's fair contact"]
    assert followed >= alone  # following up never makes a tie weaker
    barrage, _ = by_name["a one-way barrage of your own messages"]
    assert barrage < 10


def test_reasons_read_as_a_person_would_say_them() -> None:
    why = {name: reasons for name, _s, _t, reasons in computed_table()}
    assert why["a ten-year friend, every six weeks"] == (
        "known 10 years; 88 interactions, last 3 weeks ago; both ways; often in person or by call"
    )
    assert "usually every" not in why["a mentor you see twice a year"]  # not fading
    assert "usually every 3 days" in why["a colleague of three years, quiet six months"]
    assert "only you reach out" in why["a one-way barrage of your own messages"]
    assert why["yesterday's fair contact"] == (
        "first contact yesterday; 1 interaction, yesterday; both ways; mostly in person"
    )
    assert why["a LinkedIn connection never spoken to"] == "never in touch"


def test_the_doc_shows_the_computed_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(r"<!-- calibration -->\n(.*?)\n<!-- /calibration -->", text, re.S)
    assert match, "docs/strength.md has no calibration table"
    assert match.group(1).strip() == table_markdown(), (
        "docs/strength.md's calibration table is stale; the computed one:\n" + table_markdown()
    )


def test_the_store_keeps_the_same_scores_and_tiers(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(relationships, "REFRESH_CHUNK", 4)  # several chunks, one uneven
    ids: dict[str, int] = {}
    with store.db.transaction():
        for name, history, _tier in HISTORIES:
            pid = people_store.insert_person(store, Person(name=name.capitalize()), ago(20 * 365))
            ids[name] = pid
            for contact in history():
                interaction_store.insert_interaction(
                    store, Interaction(contact.kind, contact.on, contact.direction, [pid])
                )
        refresh_people(store, ids.values(), TODAY)
    expected = {name: (score, level) for name, score, level, _why in computed_table()}
    for name, pid in ids.items():
        row = store.db.one("SELECT * FROM person WHERE id = ?", (pid,))
        assert row is not None
        stored = int(row["strength"])
        assert (stored, tier(stored, relationship_stats(row), TODAY).value) == expected[name]
    # The list's tier filter (SQL over the stored columns) puts everyone where the engine does.
    for level in Tier:
        where = q.PeopleFilter(tier=level.value, today=TODAY)
        found = set(q.matching_ids(store, where))
        assert found == {ids[n] for n, (_s, t) in expected.items() if t == level.value}, level
