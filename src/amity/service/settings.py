"""Where Amity's data lives and what day it is, from the environment and the command line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from amity.engines.dates import parse_iso
from amity.errors import UsageError


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    database_url: str
    today: date

    @classmethod
    def from_env(
        cls, *, today: str | None = None, database_url: str | None = None, home: str | None = None
    ) -> Settings:
        home_path = (
            Path(home or os.environ.get("AMITY_HOME") or _default_home()).expanduser().absolute()
        )
        url = database_url or os.environ.get("AMITY_DATABASE_URL") or ""
        if not url:
            url = f"sqlite:///{home_path / 'amity.db'}"
        day_text = today or os.environ.get("AMITY_TODAY")
        if day_text:
            try:
                day = parse_iso(day_text)
            except UsageError as exc:
                raise UsageError(f"AMITY_TODAY/--today: {exc}") from None
        else:
            day = date.today()
        return cls(home_path, url, day)


def _default_home() -> str:
    import platformdirs

    return platformdirs.user_data_dir("amity", appauthor=False)
