"""Today's agenda kept ready: the last view computed, kept in the home and shown again for
as long as nothing it was computed from has changed.

A Today view is a pure function of the data (the database's revision, bumped by every
committed write from any process: `amity.store.revision`), the database and the account,
the day, the budget, whether drafts are written, the user's own draft templates and
Amity's own code. The first `amity today` on a day, or after a write, plans the agenda and
keeps the view in `AMITY_HOME/cache/today.json` under that key; the next one with the same
key shows it without planning or drafting again.

The file holds what the database holds (names, drafted messages), so it is private like it
(mode 0600, in a folder only the user can read), written whole or not at all, and removed
when a command writes (nothing deleted from the database lingers in it). Deleting it loses
nothing; a file that cannot be read or written is ignored and the view is computed."""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from datetime import date
from pathlib import Path
from typing import Any

from amity.errors import StoreError
from amity.service.agenda_types import TodayView, check_budget
from amity.store import Store

# What a kept view's file looks like; a change of it (or of Amity) starts afresh.
FORMAT = 1
CACHE_DIR = "cache"
READY_FILE = "today.json"
# Amity's own code the view is computed by: a change here (an upgrade, an edit in a
# working copy) is a different view.
_CODE_PARTS = ("engines", "model", "service", "store", "templates")


def ready_path(home: Path) -> Path:
    return home / CACHE_DIR / READY_FILE


def today_ready(
    store: Store,
    today: date,
    home: Path,
    database_url: str,
    *,
    budget: int | None = None,
    with_drafts: bool = True,
) -> TodayView:
    """Today's view: the one kept ready when its key still holds, else computed and kept.
    The key is taken before computing: a write made meanwhile leaves the view under the
    older revision, so the next look computes it again."""
    check_budget(budget)
    key = view_key(store, today, home, database_url, budget=budget, with_drafts=with_drafts)
    view = _read(home, key)
    if view is not None:
        return view
    from amity.service.agenda import today_view

    view = today_view(store, today, home, budget=budget, with_drafts=with_drafts)
    _keep(home, key, view)
    return view


def view_key(
    store: Store,
    today: date,
    home: Path,
    database_url: str,
    *,
    budget: int | None = None,
    with_drafts: bool = True,
) -> dict[str, Any]:
    """Everything a Today view is computed from, as a JSON object."""
    from amity.store.revision import revision

    return {
        "format": FORMAT,
        "code": list(code_state()),
        # A checksum, never the address itself: a PostgreSQL URL may hold a password.
        "database": zlib.crc32(database_url.encode("utf-8", "replace")),
        "account": store.owner_id,
        "revision": revision(store),
        "day": today.isoformat(),
        "budget": budget,
        "drafts": with_drafts,
        "templates": [list(entry) for entry in templates_state(home)],
    }


def forget_ready(home: Path) -> None:
    """Remove the kept view (a command is about to write)."""
    with contextlib.suppress(OSError):  # a read-only home kept nothing new either
        ready_path(home).unlink(missing_ok=True)


def templates_state(home: Path) -> tuple[tuple[str, int, int], ...]:
    """The user's own draft templates (`AMITY_HOME/templates/drafts/`) as names, sizes and
    modification times: a view kept ready holds drafts written from them."""
    return _files_state(home / "templates" / "drafts")


def code_state() -> tuple[int, int]:
    """Amity's code a view is computed by, as (newest modification time, number of files)."""
    root = Path(__file__).parent.parent  # the `amity` package
    newest, count = 0, 0
    for part in _CODE_PARTS:
        for _, _, modified in _files_state(root / part, recursive=True):
            newest, count = max(newest, modified), count + 1
    return newest, count


def _files_state(folder: Path, *, recursive: bool = False) -> tuple[tuple[str, int, int], ...]:
    state = []
    pending = [folder]
    while pending:
        here = pending.pop()
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if recursive and entry.name != "__pycache__":
                        pending.append(Path(entry.path))
                    continue
                stat = entry.stat()
            except OSError:
                continue
            state.append((entry.path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(state))


def _read(home: Path, key: dict[str, Any]) -> TodayView | None:
    try:
        raw = json.loads(ready_path(home).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("key") != key:
        return None
    try:
        return TodayView.from_dict(raw["view"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _keep(home: Path, key: dict[str, Any], view: TodayView) -> None:
    """Write the view whole (a temporary file, then a rename) or not at all."""
    from amity.service.settings.environment import ensure_home

    folder = home / CACHE_DIR
    # ASCII, so any text a name holds (even a lone surrogate) is written and read back.
    text = json.dumps({"key": key, "view": view.as_dict()}, ensure_ascii=True)
    temporary = folder / f".{READY_FILE}.{os.getpid()}"
    try:
        ensure_home(home)  # a home on PostgreSQL is made on first use, as any command makes it
        folder.mkdir(mode=0o700, exist_ok=True)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("ascii"))
        temporary.replace(ready_path(home))
    except (OSError, StoreError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
