"""The settings a user reads and changes: one reader (`read_settings`) and one writer
(`change_settings`), used by `amity settings`, the web Settings page and the digest.

`SETTINGS` is the one place that says where each setting lives and how its text is read:
the preferences in the database (they travel with a backup, `preferences`), the SMTP
settings in the home's config.toml (the password never reaches the database or a backup,
`config_file`). A value is checked the same way whichever interface it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
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
    smtp_settings,
    smtp_value,
)
from amity.store import Store
from amity.store import derived as derived_store


class Place(StrEnum):
    DATABASE = "database"  # backed up with the network
    CONFIG_FILE = "config.toml"  # the home's own file, never in a backup


class _Refused(Exception):
    """What a value must be; `Setting.read` names the setting and the text in the message."""


@dataclass(frozen=True, slots=True)
class Setting:
    key: str  # as `amity settings` names it; `<...>`: a family, one key per circle or SMTP key
    place: Place
    label: str  # what the web's Settings page calls it
    parse: Callable[[str, str], Any]  # (key, text typed) -> the value kept

    def names(self, key: str) -> bool:
        family, _, member = self.key.partition(".<")
        return key == self.key or (bool(member) and key.startswith(family + "."))

    def read(self, key: str, text: str) -> Any:
        try:
            return self.parse(key, text)
        except _Refused as exc:
            raise UsageError(f"{key} ({self.label}) must be {exc}, not {text.strip()!r}") from None


def _whole(low: int, high: int) -> Callable[[str, str], int]:
    def parse(key: str, text: str) -> int:
        value = text.strip()
        if not value.isdecimal() or not low <= int(value) <= high:
            raise _Refused(f"a whole number from {low} to {high}")
        return int(value)

    return parse


def _tone(key: str, text: str) -> str:
    if text.strip() not in TONES:
        raise _Refused(" or ".join(TONES))
    return text.strip()


def _signature(key: str, text: str) -> str:
    """`\\n` typed in a shell is a new line."""
    return text.replace("\\n", "\n").strip()[:SIGNATURE_MAX]


def _cadence(key: str, text: str) -> int | None:
    """Days between check-ins for a circle: blank, `none` or 0 for never."""
    _circle(key)
    if text.strip().lower() in ("none", "0", ""):
        return None
    return _whole(CADENCE_MIN_DAYS, CADENCE_MAX_DAYS)(key, text)


def _smtp(key: str, text: str) -> Any:
    return smtp_value(key.removeprefix("smtp."), text)


_DB, _FILE = Place.DATABASE, Place.CONFIG_FILE
SETTINGS = (
    Setting("daily_budget", _DB, "the daily budget", _whole(DAILY_MIN, DAILY_MAX)),
    Setting("weekly_goal", _DB, "the weekly goal", _whole(WEEKLY_MIN, WEEKLY_MAX)),
    Setting(
        "follow_up_fade_days", _DB, "the days a follow-up stays one", _whole(FADE_MIN, FADE_MAX)
    ),
    Setting("tone", _DB, "the tone of drafts", _tone),
    Setting("signature", _DB, "the signature", _signature),
    Setting("cadence.<circle>", _DB, "the days between check-ins", _cadence),
    Setting("smtp.<key>", _FILE, "the SMTP settings", _smtp),  # smtp_value names the key
)
KEYS = tuple(s.key for s in SETTINGS)


def setting(key: str) -> Setting:
    found = next((s for s in SETTINGS if s.names(key)), None)
    if found is None:
        raise UsageError(f"unknown setting {key!r}; expected one of {', '.join(KEYS)}")
    return found


def _circle(key: str) -> Circle:
    name = key.removeprefix("cadence.")
    try:
        return Circle(name)
    except ValueError:
        names = ", ".join(c.value for c in Circle)
        raise UsageError(f"unknown circle {name!r}; expected one of {names}") from None


# --- the reader --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UserSettings:
    daily_budget: int
    weekly_goal: int
    follow_up_fade_days: int
    tone: str
    signature: str
    cadence: Mapping[Circle, int | None]
    smtp: SmtpSettings

    def as_dict(self) -> dict[str, Any]:
        """As `amity settings --json` shows them: the SMTP password masked."""
        smtp = {k: getattr(self.smtp, k) for k in SMTP_KEYS}
        return {
            "daily_budget": self.daily_budget,
            "weekly_goal": self.weekly_goal,
            "follow_up_fade_days": self.follow_up_fade_days,
            "tone": self.tone,
            "signature": self.signature,
            "cadence": {c.value: d for c, d in self.cadence.items()},
            "smtp": {**smtp, "password": "********" if self.smtp.password else ""},
        }


def read_settings(store: Store, home: Path) -> UserSettings:
    return UserSettings(
        int(preferences.get(store, "daily_budget")),
        int(preferences.get(store, "weekly_goal")),
        int(preferences.get(store, "follow_up_fade_days")),
        str(preferences.get(store, "tone")),
        str(preferences.get(store, "signature") or ""),
        preferences.circle_cadences(store),
        current_smtp(store, home),
    )


# --- the writer --------------------------------------------------------------------------


def change(store: Store, home: Path, key: str, value: str, today: date) -> None:
    """`amity settings KEY VALUE`."""
    change_settings(store, home, {key: value}, today)


def change_settings(store: Store, home: Path, texts: Mapping[str, str], today: date) -> None:
    """Read and check every value first, then write them all: the database's in one
    transaction, config.toml's last inside it (if config.toml cannot be written, nothing is).
    A circle whose cadence changed has its people's next check-ins planned again."""
    values = {key: setting(key).read(key, text) for key, text in texts.items()}
    smtp: dict[str, Any] = {}
    cadences: dict[Circle, int | None] = {}
    stored: dict[str, Any] = {}
    for key, value in values.items():
        if setting(key).place is Place.CONFIG_FILE:
            smtp[key.removeprefix("smtp.")] = value
        elif key.startswith("cadence."):
            cadences[_circle(key)] = value
        else:
            stored[key] = value
    move_legacy_smtp(store, home)
    with store.db.transaction():
        for key, value in stored.items():
            preferences.put(store, key, value)
        if cadences:
            _put_cadences(store, cadences, today)
        if smtp:
            put_smtp(home, smtp)


def _put_cadences(store: Store, cadences: Mapping[Circle, int | None], today: date) -> None:
    current = preferences.circle_cadences(store)
    changed = [c for c, days in cadences.items() if current[c] != days]
    if not changed:
        return
    merged = {c.value: d for c, d in {**current, **cadences}.items()}
    preferences.put(store, "cadence", merged)
    from amity.service.relationships import refresh_people

    for circle in changed:
        refresh_people(store, derived_store.ids_on_circle_default(store, circle.value), today)


# --- SMTP settings an older Amity kept in the database ----------------------------------

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
