"""The user's preferences, kept in the database so they travel with a backup."""

from __future__ import annotations

import json
from typing import Any

from amity.engines.follow_ups import DEFAULT_FADE_DAYS
from amity.model import DEFAULT_CADENCE_DAYS, Circle
from amity.store import Store
from amity.store import settings as settings_store

DEFAULTS: dict[str, Any] = {
    "daily_budget": 5,
    "weekly_goal": 3,
    "follow_up_fade_days": DEFAULT_FADE_DAYS,
    "tone": "casual",
    "signature": "",
    "cadence": {c.value: d for c, d in DEFAULT_CADENCE_DAYS.items()},
}


def get(store: Store, key: str) -> Any:
    raw = settings_store.setting_value(store, key)
    if raw is None:
        return DEFAULTS.get(key)
    return json.loads(raw)


def stored(store: Store, key: str) -> Any:
    """The saved value, or None when the home never saved one (no default)."""
    raw = settings_store.setting_value(store, key)
    return None if raw is None else json.loads(raw)


def remove(store: Store, key: str) -> None:
    settings_store.delete_setting(store, key)


def put(store: Store, key: str, value: Any) -> None:
    settings_store.put_setting(store, key, json.dumps(value, sort_keys=True))


def circle_cadences(store: Store) -> dict[Circle, int | None]:
    stored = get(store, "cadence") or {}
    merged: dict[Circle, int | None] = dict(DEFAULT_CADENCE_DAYS)
    for name, days in stored.items():
        if name in Circle.__members__.values():
            merged[Circle(name)] = int(days) if days else None
    return merged
