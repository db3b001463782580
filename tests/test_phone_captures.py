"""`met` with a phone's client id, on SQLite and PostgreSQL: stored once however the second
copy arrives, including when it lands between the check and the insert."""

from __future__ import annotations

from datetime import timedelta

import pytest

from amity.errors import UsageError
from amity.model import InteractionKind
from amity.service import interactions as service
from amity.service.interactions import Happening, check_typed_on, met
from amity.store import Store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from tests.conftest import TODAY

PHONE_ID = "9a4e2c1b-7d3f-4b8a-a6e5-0c1d2e3f4a5b"


def test_a_copy_that_arrives_while_the_first_is_stored_rolls_back_and_says_already(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = met(
        store, "Maya Chen", Happening(InteractionKind.MET, place="Fair"), TODAY, client_id=PHONE_ID
    )
    people_before = people_store.count_people(store)
    # The second request checked before the first committed: it saw no earlier capture.
    real, calls = interaction_store.captured, []

    def late(s: Store, client_id: str) -> tuple[int, int, str] | None:
        calls.append(client_id)
        return None if len(calls) == 1 else real(s, client_id)

    monkeypatch.setattr(interaction_store, "captured", late)
    again = met(store, "Someone Else", Happening(InteractionKind.MET), TODAY, client_id=PHONE_ID)
    assert again.already and again.interaction_id == first.interaction_id
    assert again.person_name == "Maya Chen"
    assert people_store.count_people(store) == people_before  # "Someone Else" was rolled back
    assert interaction_store.count_for_person(store, first.person_id) == 1
    assert len(calls) == 2  # checked, conflicted on insert, found the first


def test_the_day_typed_is_checked(store: Store) -> None:
    assert check_typed_on(TODAY.isoformat(), TODAY) == TODAY.isoformat()
    year_ago = TODAY - timedelta(days=service.CAPTURE_KEPT_DAYS)
    assert check_typed_on(year_ago.isoformat(), TODAY) == year_ago.isoformat()
    # A phone a time zone ahead is on tomorrow already: that is today here.
    assert check_typed_on((TODAY + timedelta(days=1)).isoformat(), TODAY) == TODAY.isoformat()
    with pytest.raises(UsageError, match="in the future"):
        check_typed_on((TODAY + timedelta(days=2)).isoformat(), TODAY)
    with pytest.raises(UsageError, match="more than a year ago"):
        check_typed_on((year_ago - timedelta(days=1)).isoformat(), TODAY)
    with pytest.raises(UsageError, match="client id"):
        met(store, "Maya", Happening(InteractionKind.MET), TODAY, client_id="x")
