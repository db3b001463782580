"""`amity settings`: read and change preferences, one validated key at a time."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from amity.errors import UsageError
from amity.model import Circle
from amity.model.limits import (
    CADENCE_MAX_DAYS,
    CADENCE_MIN_DAYS,
    DAILY_MAX,
    DAILY_MIN,
    SIGNATURE_MAX,
    TONES,
    WEEKLY_MAX,
    WEEKLY_MIN,
)
from amity.service import preferences
from amity.service.config import set_smtp, smtp_settings
from amity.store import Store

KEYS = ("daily_budget", "weekly_goal", "tone", "signature", "cadence.<circle>", "smtp.<key>")


def all_settings(store: Store, home: Path) -> dict[str, Any]:
    smtp = smtp_settings(home)
    return {
        "daily_budget": preferences.get(store, "daily_budget"),
        "weekly_goal": preferences.get(store, "weekly_goal"),
        "tone": preferences.get(store, "tone"),
        "signature": preferences.get(store, "signature"),
        "cadence": {c.value: d for c, d in preferences.circle_cadences(store).items()},
        "smtp": {
            "host": smtp.host,
            "port": smtp.port,
            "username": smtp.username,
            "password": "********" if smtp.password else "",
            "sender": smtp.sender,
            "to": smtp.to,
            "starttls": smtp.starttls,
            "ssl": smtp.ssl,
        },
    }


def change(store: Store, home: Path, key: str, value: str, today: date) -> None:
    if key.startswith("smtp."):
        set_smtp(home, key.removeprefix("smtp."), value)
        return
    with store.db.transaction():
        if key == "daily_budget":
            preferences.put(store, key, _whole(key, value, DAILY_MIN, DAILY_MAX))
        elif key == "weekly_goal":
            preferences.put(store, key, _whole(key, value, WEEKLY_MIN, WEEKLY_MAX))
        elif key == "tone":
            if value not in TONES:
                raise UsageError("tone is " + " or ".join(TONES))
            preferences.put(store, key, value)
        elif key == "signature":
            preferences.put(store, key, value.replace("\\n", "\n")[:SIGNATURE_MAX])
        elif key.startswith("cadence."):
            _set_cadence(store, key.removeprefix("cadence."), value, today)
        else:
            raise UsageError(f"unknown setting {key!r}; expected one of {', '.join(KEYS)}")


def _whole(key: str, value: str, low: int, high: int) -> int:
    if not value.isdigit() or not low <= int(value) <= high:
        raise UsageError(f"{key} must be a whole number from {low} to {high}, not {value!r}")
    return int(value)


def _set_cadence(store: Store, circle: str, value: str, today: date) -> None:
    try:
        which = Circle(circle)
    except ValueError:
        names = ", ".join(c.value for c in Circle)
        raise UsageError(f"unknown circle {circle!r}; expected one of {names}") from None
    low, high = CADENCE_MIN_DAYS, CADENCE_MAX_DAYS
    days = (
        None
        if value.lower() in ("none", "0", "")
        else _whole(f"cadence.{circle}", value, low, high)
    )
    current = {c.value: d for c, d in preferences.circle_cadences(store).items()}
    current[which.value] = days
    preferences.put(store, "cadence", current)
    from amity.service.relationships import refresh_people

    ids = [
        int(r["id"])
        for r in store.db.query(
            "SELECT id FROM person WHERE owner_id = ? AND circle = ? AND cadence_days IS NULL",
            (store.owner_id, which.value),
        )
    ]
    refresh_people(store, ids, today)
