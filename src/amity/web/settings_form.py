"""The Settings form: preferences read into a typed form, checked, and written back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from amity.errors import UsageError
from amity.model import Circle
from amity.model.limits import WEEKLY_MAX, WEEKLY_MIN
from amity.service import preferences
from amity.store import Store

TONES = ("casual", "formal")


@dataclass(slots=True)
class SettingsForm:
    daily_budget: str = "5"
    weekly_goal: str = "3"
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
    def load(cls, store: Store) -> SettingsForm:
        smtp = preferences.get(store, "smtp") or {}
        cadences = preferences.circle_cadences(store)
        return cls(
            daily_budget=str(preferences.get(store, "daily_budget")),
            weekly_goal=str(preferences.get(store, "weekly_goal")),
            tone=str(preferences.get(store, "tone")),
            signature=str(preferences.get(store, "signature") or ""),
            **{f"cadence_{c.value}": str(d or "") for c, d in cadences.items()},
            smtp_host=str(smtp.get("host", "")),
            smtp_port=str(smtp.get("port", 25)),
            smtp_username=str(smtp.get("username", "")),
            smtp_from=str(smtp.get("from", "")),
            smtp_to=str(smtp.get("to", "")),
            smtp_starttls=bool(smtp.get("starttls", False)),
        )


def save(store: Store, form: SettingsForm) -> None:
    """Check every value first, then write them all in one transaction."""
    values: dict[str, Any] = {
        "daily_budget": _number(form.daily_budget, "daily budget", 1, 50),
        "weekly_goal": _number(form.weekly_goal, "weekly goal", WEEKLY_MIN, WEEKLY_MAX),
        "tone": _tone(form.tone),
        "signature": form.signature.strip()[:500],
        "cadence": {c.value: _cadence(form, c) for c in Circle},
    }
    old = preferences.get(store, "smtp") or {}
    values["smtp"] = {
        "host": form.smtp_host.strip(),
        "port": _number(form.smtp_port or "25", "SMTP port", 1, 65535),
        "username": form.smtp_username.strip(),
        "password": form.smtp_password or old.get("password", ""),
        "from": form.smtp_from.strip(),
        "to": form.smtp_to.strip(),
        "starttls": form.smtp_starttls,
    }
    with store.db.transaction():
        for key, value in values.items():
            preferences.put(store, key, value)


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
