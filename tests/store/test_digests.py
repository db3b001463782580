from __future__ import annotations

from datetime import timedelta

from amity.store import Store, digests
from tests.conftest import TODAY


def test_the_last_digest_day_is_the_accounts_own(store: Store, other: Store) -> None:
    assert digests.last_digest_day(store) is None
    digests.record_digest(other, TODAY, "2026-11-22T07:00:00+00:00", "Amity: 2 reminders")
    assert digests.last_digest_day(store) is None  # another account's digest is not ours
    yesterday = TODAY - timedelta(days=1)
    digests.record_digest(store, yesterday, "2026-11-21T07:00:00+00:00", "Amity: 1 reminder")
    digests.record_digest(store, yesterday, "2026-11-21T08:00:00+00:00", "again")  # no-op
    assert digests.last_digest_day(store) == yesterday
    assert digests.last_digest_day(other) == TODAY
    sent = store.db.query(
        "SELECT detail FROM reminder_delivery WHERE owner_id = ?", (store.owner_id,)
    )
    assert sent == [{"detail": "Amity: 1 reminder"}]
