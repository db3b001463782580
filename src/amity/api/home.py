"""An open Amity home for a script: its settings and its store, prepared for writes as
the CLI prepares them (`amity.cli.context.AppContext`)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from types import TracebackType

from amity.service.home import HomeStore
from amity.service.settings.environment import Settings, home_database_url


class Home(HomeStore):
    """An open Amity home: its settings (folder, database, today) and its store, prepared
    for writes as the CLI prepares them. Use it as a context manager, or call `close()`."""

    @property
    def today(self) -> date:
        return self.settings.today

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
        from amity.service.settings.environment import ensure_home

        ensure_home(settings.home)
    return Home(settings)
