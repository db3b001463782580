"""The service's typed results keep the `--json` documents as they were: the same keys, in
the same order, with the same kinds of values; and the service takes ids, enums and dates,
with the interfaces resolving what the user typed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from amity.engines.drafts import DraftKind, Tone
from amity.errors import NotFound, UsageError
from amity.model import LedgerDirection, LedgerKind, LifeEventKind
from amity.service.drafts import draft
from amity.service.duplicates import dismiss_pair, merge_people, undismiss_pair
from amity.service.ledger import record, record_life_event
from amity.service.people import NewPerson, add_person
from amity.service.reminders import Digest
from amity.store import Store
from tests.conftest import TODAY, Amity

PERSON = "{id: int, name: str}"
BALANCE = "{gave: int, received: int, asked: int, net: int, phrase: str}"
TIERS = "core: int, active: int, cooling: int, dormant: int, new: int"
YIELDS = "[{label: str, meaningful: int, total: int, share: float}]"
REPORT = (
    f"{{date: str, total: int, tiers: {{{TIERS}}}, tiers_over_time: [{{week: str, {TIERS}}}], "
    "growth: {weeks: [{week: str, met: int}], met: int, imported: int, since: str}, "
    "core: [{id: int, name: str, strength: int}], "
    "cooling: [{id: int, name: str, strength: int, was: int}], "
    "follow_up: {on_time: int, due: int, rate: float, window_days: int}, "
    f"balance: {BALANCE}, "
    "habit: {this_week: int, goal: int, streak_weeks: int, weeks_met: int, weeks_total: int}, "
    f"sources: {YIELDS}, communities: {YIELDS}, events: {YIELDS}}}"
)
COACH = (
    f"{{date: str, findings: [{{kind: str, count: int, people: [{PERSON}], advice: str, "
    "evidence: str, severity: str, details: [str]}]}"
)
LEDGER = (
    f"{{id: int, person: {PERSON}, direction: str, kind: str, what: str, date: str, "
    f"balance: {BALANCE}}}"
)
REASONS = "score: float, reasons: [str]"


def _shape(value: Any) -> str:
    """The keys (in order) and the kinds of values of a JSON document; a list by its first."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shape(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + (_shape(value[0]) if value else "") + "]"
    return "null" if value is None else type(value).__name__


def test_every_json_document_keeps_its_keys_in_order(amity_sqlite: Amity) -> None:
    amity = amity_sqlite

    def shape(*args: str) -> str:
        return _shape(amity.ok(*args, "--json").json())

    assert shape("demo") == "{created: bool, people: int, interactions: int}"
    assert amity.ok("demo", "--json").json()["created"] is False
    assert shape("report") == REPORT
    assert shape("coach") == COACH
    assert shape("gave", "#1", "advice", "a tip") == LEDGER
    assert shape("got", "#1", "favor", "a lift", "--on", "yesterday") == LEDGER
    life = shape("life", "#2", "new_job", "--company", "Acme", "--title", "CTO")
    assert life == f"{{id: int, person: {PERSON}, kind: str, date: str, detail: str}}"
    for kind in DraftKind:
        drafted = shape("draft", kind.value, "#3")
        assert drafted == f"{{person: {PERSON}, kind: str, tone: str, text: str}}"
    assert shape("digest") == "{sent: bool, preview: str, days: [str]}"
    for name in ("Grace Hopper", "Grace B. Hopper", "Alan Turing", "Alan M. Turing"):
        amity.ok("add", name, "--email", f"{name.split()[0].lower()}@example.org")
    pairs = f"{{pairs: [{{a: int, b: int, a_name: str, b_name: str, {REASONS}}}], total: int}}"
    assert shape("dedupe") == pairs
    dismissed = shape("dedupe", "--dismiss", "Grace Hopper", "Grace B. Hopper")
    assert dismissed == f"{{a: {PERSON}, b: {PERSON}, new: bool}}"
    undismissed = shape("dedupe", "--undismiss", "Grace Hopper", "Grace B. Hopper")
    assert undismissed == f"{{a: {PERSON}, b: {PERSON}, removed: bool}}"
    merged = shape("merge", "Alan Turing", "Alan M. Turing", "--yes")
    assert merged == f"{{kept: {PERSON}, merged: {PERSON}}}"
    applied = "{merged: [{kept: int, merged: int, " + REASONS + "}], "
    assert shape("dedupe", "--apply") == applied + "count: int, left_for_review: int}"


def test_the_digest_says_sent_not_sent_or_shows_the_preview() -> None:
    days = (TODAY - timedelta(days=1), TODAY)
    sent = Digest(True, days, to="me@example.org", subject="Amity: 2 reminders")
    assert sent.as_dict() == {
        "sent": True,
        "to": "me@example.org",
        "subject": "Amity: 2 reminders",
        "days": ["2026-11-21", "2026-11-22"],
    }
    already = Digest(False, (), reason="the digest for 2026-11-22 was already sent")
    assert list(already.as_dict()) == ["sent", "reason", "days"]
    assert list(Digest(False, days, preview="").as_dict()) == ["sent", "preview", "days"]


def _two(store: Store) -> tuple[int, int]:
    ada, _ = add_person(store, NewPerson(name="Ada Lovelace"), TODAY)
    bob, _ = add_person(store, NewPerson(name="Bob Kahn"), TODAY)
    return ada, bob


def test_the_service_takes_ids_and_says_which_one_it_does_not_know(
    store: Store, tmp_path: Path
) -> None:
    ada, bob = _two(store)
    with pytest.raises(NotFound, match="no person has id 999"):
        merge_people(store, ada, 999, TODAY)
    with pytest.raises(NotFound, match="no person has id 999"):
        record(store, 999, LedgerDirection.GAVE, LedgerKind.ADVICE, "a tip", TODAY, TODAY)
    with pytest.raises(UsageError, match="is one person: name two different people"):
        dismiss_pair(store, ada, ada, TODAY)
    dismissed = dismiss_pair(store, ada, bob, TODAY)
    assert (dismissed.a.name, dismissed.b.name, dismissed.new) == ("Ada Lovelace", "Bob Kahn", True)
    assert undismiss_pair(store, bob, ada).removed is True
    merged = merge_people(store, ada, bob, TODAY)
    assert (merged.kept.id, merged.merged.id) == (ada, bob)
    with pytest.raises(NotFound, match=f"no person has id {bob}"):
        draft(store, tmp_path, bob, DraftKind.THANKS, TODAY)  # merged away


def test_gifts_and_life_events_take_a_date_and_check_it(store: Store, tmp_path: Path) -> None:
    ada, _ = _two(store)
    tomorrow = TODAY + timedelta(days=1)
    with pytest.raises(UsageError, match="is in the future"):
        record(store, ada, LedgerDirection.GAVE, LedgerKind.ADVICE, "a tip", tomorrow, TODAY)
    with pytest.raises(UsageError, match="too long ago"):
        record_life_event(store, ada, LifeEventKind.MOVED, date(1899, 12, 31), TODAY)
    gift = record(store, ada, LedgerDirection.GAVE, LedgerKind.ADVICE, " a tip ", TODAY, TODAY)
    assert (gift.what, gift.on, gift.balance.gave) == ("a tip", TODAY, 1)
    assert gift.as_dict()["kind"] == "advice" and gift.as_dict()["date"] == "2026-11-22"
    moved = record_life_event(store, ada, LifeEventKind.MOVED, TODAY, TODAY, detail="to Lisbon")
    assert moved.as_dict() == {
        "id": moved.id,
        "person": {"id": ada, "name": "Ada Lovelace"},
        "kind": "moved",
        "date": "2026-11-22",
        "detail": "to Lisbon",
    }
    thanks = draft(store, tmp_path, ada, DraftKind.THANKS, TODAY, Tone.FORMAL)
    assert (thanks.person.name, thanks.kind, thanks.tone) == ("Ada Lovelace", "thanks", "formal")
