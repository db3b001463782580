"""The database's revision: a counter every committed write bumps, for caches of derived views.

A cache of something computed from the database (the web's Today view, the duplicate pairs)
is valid while the revision it was computed at is still the current one. The counter is an
ordinary row of the `setting` table (key `revision`, one per account), so it works the same
on SQLite and PostgreSQL, needs no schema change, and is bumped in the very transaction that
writes: a reader sees the new rows and the new revision together, never one without the
other. `Database.transaction` bumps it once at commit when the transaction changed
something; a read, or a transaction that changed nothing, leaves it alone. Reading it is
one primary-key lookup.

A write does not yet say which account it was for, so a commit bumps every account's
revision: a cache may be recomputed for nothing, never kept past a write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amity.store.handle import Store

REVISION_KEY = "revision"
"""The `setting` key of the counter. Internal: never exported in a backup nor restored."""

# One statement on both engines: every account gets its row, or has it incremented. In
# account order, so two PostgreSQL writers lock the rows in the same order (no deadlock);
# it runs last in its transaction, so nothing waits on it but another commit. (SQLite's
# upsert after INSERT ... SELECT needs a WHERE clause to parse unambiguously.)
BUMP = (
    "INSERT INTO setting (owner_id, key, value) "
    f"SELECT id, '{REVISION_KEY}', '1' FROM account WHERE id IS NOT NULL ORDER BY id "
    "ON CONFLICT (owner_id, key) DO UPDATE "
    "SET value = CAST(CAST(setting.value AS BIGINT) + 1 AS TEXT)"
)


def revision(store: Store) -> int:
    """The account's current revision: 0 before the first write, then one more per commit
    that changed anything (through this connection or any other, in any process)."""
    raw = store.db.scalar(
        "SELECT value FROM setting WHERE owner_id = ? AND key = ?",
        (store.owner_id, REVISION_KEY),
    )
    return 0 if raw is None else int(raw)
