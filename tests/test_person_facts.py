"""The person page's facts as one typed service result (`amity.service.person_facts`)."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date
from pathlib import Path

import pytest

from amity.model import InteractionKind, LedgerDirection, LedgerKind, Person
from amity.service.interactions import Happening, log
from amity.service.ledger import record
from amity.service.person_facts import (
    Draft,
    GiveAndTake,
    LifeEventLine,
    TieLine,
    person_facts,
)
from amity.store import Store
from amity.store import ledger as ledger_store
from amity.store import people as people_store
from tests.conftest import TODAY


def test_facts_gather_strength_give_and_take_life_events_ties_and_drafts(
    store: Store, tmp_path: Path
) -> None:
    with store.db.transaction():
        ada = people_store.insert_person(store, Person(name="Ada Lovelace"), TODAY)
        grace = people_store.insert_person(store, Person(name="Grace Hopper"), TODAY)
        ledger_store.add_life_event(store, ada, "new_job", TODAY, "CTO at Acme")
        store.db.execute(
            "INSERT INTO tie (owner_id, person_a_id, person_b_id, strength) VALUES (?, ?, ?, 70)",
            (store.owner_id, ada, grace),
        )
    log(store, ada, Happening(InteractionKind.COFFEE, "2026-11-20"), TODAY)
    record(
        store, ada, LedgerDirection.GAVE, LedgerKind.ADVICE, "the deck", date(2026, 11, 20), TODAY
    )
    record(store, ada, LedgerDirection.RECEIVED, LedgerKind.INTRODUCTION, "to Bo", TODAY, TODAY)

    facts = person_facts(store, ada, TODAY, tmp_path)
    assert facts.tier == "new" and facts.strength.score > 0 and facts.strength.reasons
    assert facts.ledger == (
        GiveAndTake("received", "introduction", "to Bo", TODAY),
        GiveAndTake("gave", "advice", "the deck", date(2026, 11, 20)),
    )
    assert facts.balance == "give and take is even"
    assert facts.life_events == (LifeEventLine("new_job", TODAY, "CTO at Acme"),)
    assert facts.ties == (TieLine(grace, "Grace Hopper", "knows", 70, "manual", "confirmed", ""),)
    assert [d.label for d in facts.drafts] == ["Check in", "Follow up", "Thank you"]
    assert all(isinstance(d, Draft) and "Ada" in d.text for d in facts.drafts)
    with pytest.raises(FrozenInstanceError):
        facts.tier = "core"  # type: ignore[misc]
