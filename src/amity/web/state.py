"""What the app holds between requests: settings, the clock and a small pool of stores."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from amity.errors import StoreError
from amity.service import agenda
from amity.service.agenda_ready import forget_ready, templates_state
from amity.service.agenda_types import TodayView
from amity.service.home import data_revision, open_for_reading, prepare_for_write, refresh_account
from amity.service.settings.environment import Settings
from amity.store import Store

if TYPE_CHECKING:
    from amity.service.duplicates import Pair


class StorePool:
    """Open stores handed to one request at a time (SQLite and psycopg connections are not
    shared between threads mid-request). Stores open lazily: nothing connects at import or
    at `create_app`, only on the first request. They open as the CLI opens its store
    (`amity.service.home`): opening writes nothing; a request that writes borrows with
    `write=True` (the account exists, the trash is purged by the real clock, never by the
    app's what-if day, and the CLI's Today view kept ready in `home` is removed)."""

    def __init__(self, url: str, size: int = 8, *, home: Path | None = None) -> None:
        self._url = url
        self._home = home
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(size)
        self._closed = False

    @contextmanager
    def borrow(self, *, write: bool = False) -> Iterator[Store]:
        with self._slots:
            store = self._take()
            try:
                refresh_account(store)  # on a new home, someone may have written since
                if write:
                    if self._home is not None:
                        forget_ready(self._home)
                    _prepare_writes(store)
                yield store
            except BaseException:
                store.close()  # a failed request may leave the connection mid-transaction
                raise
            self._give_back(store)

    def _take(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return open_for_reading(self._url)

    def _give_back(self, store: Store) -> None:
        _end_read(store)
        with self._lock:
            if not self._closed:
                self._idle.append(store)
                return
        store.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


def _prepare_writes(store: Store) -> None:
    """Housekeeping before a write. If the database stays busy past the wait, the request's
    own write meets the same error inside its handler, which gives back the form as typed;
    failing here would throw the typed text away."""
    try:
        prepare_for_write(store, date.today())
    except StoreError:
        store.db.end_read()


def _end_read(store: Store) -> None:
    store.db.end_read()


def cache_key(store: Store) -> tuple[int, int]:
    """What a cached view of the database is valid for: the database's revision (bumped by
    every committed write, from any connection or process, on SQLite and PostgreSQL; see
    `amity.store.revision`) and the account it was computed for. Taken before computing:
    a write made meanwhile leaves the view under the older key, so the next request redoes
    it."""
    return (data_revision(store), store.owner_id)


class TodayViews:
    """The last Today view, kept while nothing it was computed from changed: the data (the
    revision), the account, the day, the home and the user's templates (the agenda is a pure
    function of them). A busy Today page costs two small lookups, not a plan."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[object, ...] | None = None
        self._view: TodayView | None = None

    def get(self, store: Store, today: date, home: Path) -> TodayView:
        key = (*cache_key(store), today, str(home), templates_state(home))
        with self._lock:
            if key == self._key and self._view is not None:
                return self._view
        view = agenda.today_view(store, today, home)
        with self._lock:
            self._key, self._view = key, view
        return view


class PairsCache:
    """The duplicate pairs, kept while the data and the account are unchanged: finding them
    reads every person (seconds at 100,000 people), reviewing them should not pay that on
    every click."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[object, ...] | None = None
        self._pairs: list[Pair] = []

    def get(self, store: Store, min_score: float) -> list[Pair]:
        from amity.service.duplicates import find_pairs

        key = (*cache_key(store), min_score)
        with self._lock:
            if key == self._key:
                return self._pairs
        pairs = find_pairs(store, min_score)
        with self._lock:
            self._key, self._pairs = key, pairs
        return pairs


@dataclass(slots=True)
class WebState:
    settings: Settings
    clock: Callable[[], date]
    pool: StorePool
    upload_limit: int
    today_views: TodayViews = field(default_factory=TodayViews)
    duplicate_pairs: PairsCache = field(default_factory=PairsCache)

    def today(self) -> date:
        return self.clock()
