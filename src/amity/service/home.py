"""A home's store as every interface opens it: for reading (opening writes nothing), for
a write (the account exists, the trash is purged by the real clock, an older strength
model is rescored), or for a dry run (an account, nothing purged, rolled back)."""

from __future__ import annotations

from amity.service.settings.environment import Settings
from amity.store import Store


class HomeStore:
    """The store of the home `settings` names, opened on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The store for reading: opening it writes nothing."""
        if self._store is None:
            from amity.store import open_store

            self._store = open_store(self.settings.database_url)
        return self._store

    @property
    def write_store(self) -> Store:
        """The store for a write: the account exists and the trash is purged by the real
        clock (a read, or a what-if `today`, never deletes anything)."""
        from amity.service.relationships import rescore_if_outdated
        from amity.store.session import prepare_writes

        store = prepare_writes(self.store)
        rescore_if_outdated(store, self.settings.today)
        return store

    @property
    def account_store(self) -> Store:
        """The store with an account (created on a new home), nothing purged: for a dry
        run, whose writes are rolled back."""
        from amity.store.session import NO_ACCOUNT, ensure_account

        store = self.store
        if store.owner_id == NO_ACCOUNT:
            store.owner_id = ensure_account(store.db)
        return store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
