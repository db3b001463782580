"""What the app holds between requests: settings, the clock and a small pool of stores."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from amity.service.settings import Settings
from amity.store import Store, open_store


class StorePool:
    """Open stores handed to one request at a time (SQLite and psycopg connections are not
    shared between threads mid-request). Stores open lazily: nothing connects at import or
    at `create_app`, only on the first request."""

    def __init__(self, url: str, clock: Callable[[], date], size: int = 8) -> None:
        self._url = url
        self._clock = clock
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(size)
        self._closed = False

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        with self._slots:
            store = self._take()
            try:
                yield store
            except BaseException:
                store.close()  # a failed request may leave the connection mid-transaction
                raise
            self._give_back(store)

    def _take(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return open_store(self._url, self._clock())

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


def _end_read(store: Store) -> None:
    store.db.end_read()


@dataclass(slots=True)
class WebState:
    settings: Settings
    clock: Callable[[], date]
    pool: StorePool
    upload_limit: int

    def today(self) -> date:
        return self.clock()
