"""The store handle: a database and the account every query on it is scoped to.

`open_store` connects and does nothing else: it neither migrates, nor looks up or creates
an account, nor deletes a row. Those are separate, named steps (`amity.store.migrate`,
`amity.store.accounts`, `amity.store.trash`) that `amity.service.home` composes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from amity.store.database import Database


@dataclass(slots=True)
class Store:
    """A database and the account whose rows every query is scoped to."""

    db: Database
    owner_id: int
    trash_purged_on: date | None = None  # the real day the trash was last emptied through it

    def close(self) -> None:
        self.db.close()


def open_store(url: str, *, account_id: int) -> Store:
    """Connect to the database at `url`, for the account `account_id`; write nothing."""
    return Store(Database.open(url), account_id)
