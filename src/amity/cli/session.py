"""What every command shares, without Click: settings, the store (opened on first use),
and output. `amity.cli.reads` runs the hot read commands on it before Click is imported;
`amity.cli.context` adds what the Click commands need."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from amity.service.home import HomeStore
from amity.service.settings.environment import Settings
from amity.store import Store

if TYPE_CHECKING:
    from amity.cli.screen import Screen


class AppContext:
    def __init__(self, today: str | None, database_url: str | None) -> None:
        self._today = today
        self._url = database_url
        self._settings: Settings | None = None
        self._opened: HomeStore | None = None
        self._wrote = False  # the command took the store for writing

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            settings = Settings.from_env(today=self._today, database_url=self._url)
            if settings.database_in_home:
                from amity.service.settings.environment import ensure_home

                ensure_home(settings.home)
            self._settings = settings
        return self._settings

    @property
    def _home(self) -> HomeStore:
        if self._opened is None:
            self._opened = HomeStore(self.settings)
        return self._opened

    @property
    def store(self) -> Store:
        """The store for reading: opening it writes nothing."""
        return self._home.store

    @property
    def write_store(self) -> Store:
        """The store for a command that writes (see `amity.service.home`)."""
        self._wrote = True
        return self._home.write_store

    def after_command(self) -> None:
        """Once a command that wrote has finished: the inferred ties follow what it wrote
        (`amity.service.tie_freshness`: a few lookups when it touched no evidence, a refresh
        when it did). A command that only read never took the write store: nothing here."""
        if self._wrote and self._opened is not None:
            from amity.service.tie_freshness import keep_ties_fresh

            keep_ties_fresh(self._opened.store, self.settings.today)

    @property
    def account_store(self) -> Store:
        """The store with an account, nothing purged: for a dry run."""
        return self._home.account_store

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()


def emit_json(document: Any) -> None:
    """One JSON document on stdout, nothing else."""
    encoder = json.JSONEncoder(ensure_ascii=False, default=str, indent=2)
    batch: list[str] = []
    size = 0
    for chunk in encoder.iterencode(document):  # streamed: a large answer is never one string
        batch.append(chunk)
        size += len(chunk)
        if size > 1 << 16:
            sys.stdout.write("".join(batch))
            batch, size = [], 0
    sys.stdout.write("".join(batch) + "\n")


def console() -> Screen:
    """Where a command prints a screen for a person (`cli.screen`, no Rich import)."""
    from amity.cli.screen import Screen

    return Screen()


def rich_console() -> Any:
    """A Rich console, for the progress bar of a long import (Rich imported only then)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)
