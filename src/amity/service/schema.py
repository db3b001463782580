"""Where a database's schema stands and bringing it up to date: `amity db status|upgrade`,
`init`, and a read that finds the schema behind (`amity.service.home`)."""

from __future__ import annotations

from dataclasses import dataclass

from amity.store import migrate as migrations
from amity.store import open_store
from amity.store.accounts import NO_ACCOUNT


@dataclass(frozen=True, slots=True)
class SchemaStatus:
    """The database's migration (None for a database Amity has not created yet) and the
    newest one this Amity knows."""

    current: str | None
    head: str

    @property
    def behind(self) -> bool:
        return self.current != self.head


@dataclass(frozen=True, slots=True)
class SchemaUpgrade:
    """What `upgrade_schema` did: from which migration (None: a new database) to which."""

    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def schema_status(url: str) -> SchemaStatus:
    """Where the database's schema stands; reads only (nothing is migrated)."""
    store = open_store(url, account_id=NO_ACCOUNT)
    try:
        return SchemaStatus(migrations.current_version(store), migrations.HEAD)
    finally:
        store.close()


def upgrade_schema(url: str) -> SchemaUpgrade:
    """Run every pending migration on the database at `url` (none when it is current)."""
    before = schema_status(url).current
    if before != migrations.HEAD:
        migrations.upgrade(url)
    return SchemaUpgrade(before, migrations.HEAD)
