"""An open Amity home for a script: its settings and its store, prepared for writes as
the CLI prepares them (`amity.cli.context.AppContext`)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from types import TracebackType

from amity.service.settings import Settings, home_database_url
from amity.store import Store


class Home:
    """An open Amity home: its settings (folder, database, today) and its store. Use it as
    a context manager, or call `close()`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: Store | None = None

    @property
    def today(self) -> date:
        return self.settings.today

    @property
    def store(self) -> Store:
        """The store for reading: opening it writes nothing."""
        if self._store is None:
            from amity.store import open_store

            self._store = open_store(self.settings.database_url)
        return self._store

    @property
    def write_store(self) -> Store:
        """The store for a write, prepared as the CLI prepares it (`amity.cli.context`)."""
        from amity.service.relationships import rescore_if_outdated
        from amity.store.session import prepare_writes

        store = prepare_writes(self.store)
        rescore_if_outdated(store, self.today)
        return store

    @property
    def account_store(self) -> Store:
        """The store with an account and nothing purged: for a dry run, rolled back."""
        from amity.store.session import NO_ACCOUNT, ensure_account

        store = self.store
        if store.owner_id == NO_ACCOUNT:
            store.owner_id = ensure_account(store.db)
        return store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Home:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Home({str(self.settings.home)!r}, today={self.today.isoformat()})"


def open_home(
    path: str | Path | None = None, *, database_url: str | None = None, today: date | None = None
) -> Home:
    """Open the home at `path` (created if new), or the one the CLI uses (`AMITY_HOME`).

    A `path` without `database_url` uses the home's own SQLite file; without `path`,
    `AMITY_DATABASE_URL` applies as for the CLI. `today` is the day Amity plans around
    (default `AMITY_TODAY`, else the clock's)."""
    if isinstance(today, datetime):
        today = today.date()
    url = database_url
    home = str(Path(path).expanduser().absolute()) if path is not None else None
    if url is None and home is not None:
        url = home_database_url(Path(home))
    settings = Settings.from_env(
        today=today.isoformat() if today is not None else None, database_url=url, home=home
    )
    if settings.database_in_home:
        from amity.service.settings import ensure_home

        ensure_home(settings.home)
    return Home(settings)
