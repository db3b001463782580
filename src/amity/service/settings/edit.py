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
    FADE_MAX,
    FADE_MIN,
    SIGNATURE_MAX,
    TONES,
    WEEKLY_MAX,
    WEEKLY_MIN,
)
from amity.service.settings import preferences
from amity.service.settings.config_file import (
    SMTP_KEYS,
    SmtpSettings,
    put_smtp,
    set_smtp,
    smtp_settings,
)
from amity.store import Store
from amity.store import derived as derived_store

KEYS = (
    "daily_budget",
    "weekly_goal",
    "follow_up_fade_days",
    "tone",
    "signature",
    "cadence.<circle>",
    "smtp.<key>",
)


# Before this version the web Settings page kept SMTP settings, password included, in the database
# (so in every backup), under these names; they now live only in config.toml.
_LEGACY_SMTP = {"from": "sender", **{k: k for k in SMTP_KEYS}}


def current_smtp(store: Store, home: Path) -> SmtpSettings:
    """The SMTP settings in config.toml, with any the database still holds under them."""
    config = smtp_settings(home)
    legacy = _legacy_smtp(store)
    if not legacy:
        return config
    defaults = SmtpSettings()
    kept = {k: getattr(config, k) for k in SMTP_KEYS if getattr(config, k) != getattr(defaults, k)}
    return SmtpSettings(**{**legacy, **kept})


def move_legacy_smtp(store: Store, home: Path) -> None:
    """Move SMTP settings the database still holds into config.toml (config.toml wins),
    then delete them from the database: called on every settings write and by the digest."""
    if preferences.stored(store, "smtp") is None:
        return
    legacy = _legacy_smtp(store)
    current = smtp_settings(home)
    defaults = SmtpSettings()
    missing = {k: v for k, v in legacy.items() if getattr(current, k) == getattr(defaults, k)}
    if missing:
        put_smtp(home, missing)
    with store.db.transaction():
        preferences.remove(store, "smtp")


def _legacy_smtp(store: Store) -> dict[str, Any]:
    raw = preferences.stored(store, "smtp")
    if not isinstance(raw, dict):
        return {}
    values: dict[str, Any] = {}
    for old, new in _LEGACY_SMTP.items():
        value = raw.get(old)
        if isinstance(value, SMTP_KEYS[new]) and value not in ("", None):
            values[new] = value
    return values


def all_settings(store: Store, home: Path) -> dict[str, Any]:
    smtp = current_smtp(store, home)
    return {
        "daily_budget": preferences.get(store, "daily_budget"),
        "weekly_goal": preferences.get(store, "weekly_goal"),
        "follow_up_fade_days": preferences.get(store, "follow_up_fade_days"),
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
    move_legacy_smtp(store, home)
    if key.startswith("smtp."):
        set_smtp(home, key.removeprefix("smtp."), value)
        return
    with store.db.transaction():
        if key == "daily_budget":
            preferences.put(store, key, _whole(key, value, DAILY_MIN, DAILY_MAX))
        elif key == "weekly_goal":
            preferences.put(store, key, _whole(key, value, WEEKLY_MIN, WEEKLY_MAX))
        elif key == "follow_up_fade_days":
            preferences.put(store, key, _whole(key, value, FADE_MIN, FADE_MAX))
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
    if not value.isdecimal() or not low <= int(value) <= high:
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

    ids = derived_store.ids_on_circle_default(store, which.value)
    refresh_people(store, ids, today)
