"""A home's store as every interface opens it, in named steps over `amity.store`.

- For reading (`open_for_reading`): connect; a schema that is behind is brought up to date
  first (as `amity db upgrade` would); find the home's account (`NO_ACCOUNT` on a new home,
  whose reads find nothing). Nothing else is written: a read never creates or deletes a row.
- For a write (`prepare_for_write`): the account exists (created on a new home), the trash
  is emptied by the real clock once per real day (never by a what-if `today`), and an older
  strength model is rescored.
- For a dry run (`with_account`): the account exists, nothing is purged; the run's own
  writes are rolled back.
"""

from __future__ import annotations

from datetime import date

from amity.service.settings.environment import Settings
from amity.store import Store, open_store
from amity.store import migrate as migrations
from amity.store.accounts import NO_ACCOUNT, create_account, find_account


def open_for_reading(url: str) -> Store:
    """The store at `url` for reading, its schema brought up to date, scoped to the home's
    account (`NO_ACCOUNT` on a new home). Writes nothing but a migration."""
    store = open_store(url, account_id=NO_ACCOUNT)
    if not migrations.schema_is_current(store):
        from amity.service.schema import upgrade_schema  # rare: loaded only when behind

        store.close()
        upgrade_schema(url)
        store = open_store(url, account_id=NO_ACCOUNT)
    return refresh_account(store)


def refresh_account(store: Store) -> Store:
    """A store opened on a new home finds the account a write has created since (a
    long-lived store, as the web's pooled ones); one with its account keeps it."""
    if store.owner_id == NO_ACCOUNT:
        store.owner_id = find_account(store)
    return store


def with_account(store: Store) -> Store:
    """The store with its account, created on a new home (`amity init`, a dry run)."""
    if store.owner_id == NO_ACCOUNT:
        store.owner_id = create_account(store)
    return store


def prepare_for_write(store: Store, today: date) -> Store:
    """Before a write: the account exists, the trash is emptied by the real clock (once per
    real day on a long-lived store; a what-if `today` never deletes anything), and an older
    strength model is rescored for `today`."""
    from amity.service.relationships import rescore_if_outdated
    from amity.store.trash import purge_trash

    with_account(store)
    real_today = date.today()
    if store.trash_purged_on != real_today:
        purge_trash(store, real_today)
        store.trash_purged_on = real_today
    rescore_if_outdated(store, today)
    return store


def data_revision(store: Store) -> int:
    """The account's data revision, bumped by every committed write (from any connection or
    process): what a cached view of the data is valid for (`amity.store.revision`)."""
    from amity.store.revision import revision

    return revision(store)


class HomeStore:
    """The store of the home `settings` names, opened on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The store for reading: opening it writes nothing (but a migration)."""
        if self._store is None:
            self._store = open_for_reading(self.settings.database_url)
        return self._store

    @property
    def write_store(self) -> Store:
        """The store for a write (see `prepare_for_write`): a read, or a what-if `today`,
        never deletes anything. Today's view kept ready is removed first: the write makes
        it stale, and nothing the write deletes should linger in it."""
        from amity.service.agenda_ready import forget_ready

        forget_ready(self.settings.home)
        return prepare_for_write(self.store, self.settings.today)

    @property
    def account_store(self) -> Store:
        """The store with an account (created on a new home), nothing purged: for a dry
        run, whose writes are rolled back, and for `amity init`."""
        return with_account(self.store)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
