"""The Settings form: the settings read into a typed form of text fields, and written back
through the one writer (`amity.service.settings.edit`), which checks each value as
`amity settings` does and knows where it lives (the database, or config.toml for SMTP)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from amity.model import Circle
from amity.service.settings.config_file import SmtpSettings
from amity.service.settings.edit import change_settings, read_settings
from amity.service.settings.preferences import DEFAULTS
from amity.store import Store
from amity.web.forms import check_form


@dataclass(slots=True)
class SettingsForm:
    daily_budget: str = str(DEFAULTS["daily_budget"])
    weekly_goal: str = str(DEFAULTS["weekly_goal"])
    follow_up_fade_days: str = str(DEFAULTS["follow_up_fade_days"])
    tone: str = str(DEFAULTS["tone"])
    signature: str = ""
    cadence_inner: str = ""
    cadence_close: str = ""
    cadence_active: str = ""
    cadence_acquaintance: str = ""
    cadence_dormant: str = ""
    smtp_host: str = ""
    smtp_port: str = str(SmtpSettings().port)
    smtp_username: str = ""
    smtp_password: str = ""  # never shown back; blank keeps the saved one
    smtp_from: str = ""
    smtp_to: str = ""
    smtp_starttls: bool = False

    @classmethod
    def load(cls, store: Store, home: Path) -> SettingsForm:
        now = read_settings(store, home)
        smtp = now.smtp
        return cls(
            daily_budget=str(now.daily_budget),
            weekly_goal=str(now.weekly_goal),
            follow_up_fade_days=str(now.follow_up_fade_days),
            tone=now.tone,
            signature=now.signature,
            **{f"cadence_{c.value}": str(d or "") for c, d in now.cadence.items()},
            smtp_host=smtp.host,
            smtp_port=str(smtp.port),
            smtp_username=smtp.username,
            smtp_from=smtp.sender,
            smtp_to=smtp.to,
            smtp_starttls=smtp.starttls,
        )

    def changes(self) -> dict[str, str]:
        """The form as `amity settings` keys; a blank password keeps the saved one."""
        texts = {
            "daily_budget": self.daily_budget,
            "weekly_goal": self.weekly_goal,
            "follow_up_fade_days": self.follow_up_fade_days,
            "tone": self.tone,
            "signature": self.signature,
            **{f"cadence.{c.value}": str(getattr(self, f"cadence_{c.value}")) for c in Circle},
            "smtp.host": self.smtp_host,
            "smtp.port": self.smtp_port,
            "smtp.username": self.smtp_username,
            "smtp.sender": self.smtp_from,
            "smtp.to": self.smtp_to,
            "smtp.starttls": "true" if self.smtp_starttls else "false",
        }
        if self.smtp_password:
            texts["smtp.password"] = self.smtp_password
        return texts


def save(store: Store, home: Path, form: SettingsForm, today: date) -> None:
    check_form(form)
    change_settings(store, home, form.changes(), today)
