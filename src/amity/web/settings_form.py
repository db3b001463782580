"""The Settings form: preferences read into a typed form, checked, and written back.

Preferences live in the database (they travel with a backup); the SMTP settings live in
the home's config.toml, where `amity settings smtp.*` keeps them and `amity digest --send`
reads them: the password never reaches the database or a backup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amity.errors import UsageError
from amity.model import Circle
from amity.model.limits import FADE_MAX, FADE_MIN, WEEKLY_MAX, WEEKLY_MIN
from amity.service.settings import preferences
from amity.service.settings.config_file import put_smtp
from amity.service.settings.edit import current_smtp, move_legacy_smtp
from amity.store import Store
from amity.web.forms import check_form

TONES = ("casual", "formal")


@dataclass(slots=True)
class SettingsForm:
    daily_budget: str = "5"
    weekly_goal: str = "3"
    follow_up_fade_days: str = "7"
    tone: str = "casual"
    signature: str = ""
    cadence_inner: str = ""
    cadence_close: str = ""
    cadence_active: str = ""
    cadence_acquaintance: str = ""
    cadence_dormant: str = ""
    smtp_host: str = ""
    smtp_port: str = "25"
    smtp_username: str = ""
    smtp_password: str = ""  # never shown back; blank keeps the saved one
    smtp_from: str = ""
    smtp_to: str = ""
    smtp_starttls: bool = False

    @classmethod
    def load(cls, store: Store, home: Path) -> SettingsForm:
        smtp = current_smtp(store, home)
        cadences = preferences.circle_cadences(store)
        return cls(
            daily_budget=str(preferences.get(store, "daily_budget")),
            weekly_goal=str(preferences.get(store, "weekly_goal")),
            follow_up_fade_days=str(preferences.get(store, "follow_up_fade_days")),
            tone=str(preferences.get(store, "tone")),
            signature=str(preferences.get(store, "signature") or ""),
            **{f"cadence_{c.value}": str(d or "") for c, d in cadences.items()},
            smtp_host=smtp.host,
            smtp_port=str(smtp.port),
            smtp_username=smtp.username,
            smtp_from=smtp.sender,
            smtp_to=smtp.to,
            smtp_starttls=smtp.starttls,
        )


def save(store: Store, home: Path, form: SettingsForm) -> None:
    """Check every value first, then write the preferences in one transaction and the
    SMTP settings to config.toml (a blank password keeps the saved one)."""
    check_form(form)
    values: dict[str, Any] = {
        "daily_budget": _number(form.daily_budget, "daily budget", 1, 50),
        "weekly_goal": _number(form.weekly_goal, "weekly goal", WEEKLY_MIN, WEEKLY_MAX),
        "follow_up_fade_days": _number(
            form.follow_up_fade_days, "days a follow-up stays one", FADE_MIN, FADE_MAX
        ),
        "tone": _tone(form.tone),
        "signature": form.signature.strip()[:500],
        "cadence": {c.value: _cadence(form, c) for c in Circle},
    }
    smtp: dict[str, Any] = {
        "host": form.smtp_host.strip(),
        "port": _number(form.smtp_port or "25", "SMTP port", 1, 65535),
        "username": form.smtp_username.strip(),
        "sender": form.smtp_from.strip(),
        "to": form.smtp_to.strip(),
        "starttls": form.smtp_starttls,
    }
    if form.smtp_password:
        smtp["password"] = form.smtp_password
    with store.db.transaction():  # config.toml last: if it cannot be written, nothing is
        for key, value in values.items():
            preferences.put(store, key, value)
        move_legacy_smtp(store, home)
        put_smtp(home, smtp)


def _number(text: str, what: str, low: int, high: int) -> int:
    raw = text.strip()
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise UsageError(f"the {what} must be a whole number from {low} to {high}, not {raw!r}")
    return int(raw)


def _cadence(form: SettingsForm, circle: Circle) -> int | None:
    text = str(getattr(form, f"cadence_{circle.value}", "")).strip()
    return _number(text, f"{circle.value} cadence", 1, 3650) if text else None


def _tone(text: str) -> str:
    if text not in TONES:
        raise UsageError(f"tone must be casual or formal, not {text!r}")
    return text
