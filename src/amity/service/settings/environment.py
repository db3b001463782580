"""Where Amity's data lives and what day it is, from the environment and the command line."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from amity.errors import StoreError, UsageError

# The days Amity can plan around: `amity.model.limits.EARLIEST_DAY` and `LATEST_DAY`, spelled
# out here because every command reads its arguments through this module before anything
# else, and importing the model would cost `amity --help` 40 ms (a test keeps them equal).
EARLIEST_TODAY = date(1900, 1, 1)
LATEST_TODAY = date(9000, 12, 31)
# The environment variables whose values Amity stores or opens.
STORED_ENV = ("AMITY_HOME", "AMITY_DATABASE_URL", "AMITY_TODAY")


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    database_url: str
    today: date

    @classmethod
    def from_env(
        cls, *, today: str | None = None, database_url: str | None = None, home: str | None = None
    ) -> Settings:
        check_environment()
        home_path = (
            Path(home or os.environ.get("AMITY_HOME") or _default_home()).expanduser().absolute()
        )
        url = database_url or os.environ.get("AMITY_DATABASE_URL") or ""
        if not url:
            url = home_database_url(home_path)
        day_text = today if today is not None else (os.environ.get("AMITY_TODAY") or None)
        day = parse_today(day_text) if day_text is not None else date.today()
        return cls(home_path, url, day)

    @property
    def database_in_home(self) -> bool:
        """Whether the database is the home's own SQLite file (created with the home)."""
        return self.database_url == home_database_url(self.home)


def home_database_url(home: Path) -> str:
    return f"sqlite:///{home / 'amity.db'}"


def parse_today(text: str) -> date:
    """`--today`/`AMITY_TODAY`: an ISO date Amity can plan around."""
    from amity.engines.dates import parse_iso  # here: `amity --help` stays light

    try:
        day = parse_iso(text)
    except UsageError as exc:
        raise UsageError(f"AMITY_TODAY/--today: {exc}") from None
    if not EARLIEST_TODAY <= day <= LATEST_TODAY:
        raise UsageError(
            f"AMITY_TODAY/--today: {day.isoformat()} is out of range; "
            f"expected a day from {EARLIEST_TODAY} to {LATEST_TODAY}"
        )
    return day


def check_environment() -> None:
    """Refuse an Amity variable that is not valid text (bytes that are not UTF-8 arrive as
    lone surrogates, which no database or file can store)."""
    for name in STORED_ENV:
        value = os.environ.get(name)
        if value is not None and has_surrogates(value):
            raise UsageError(f"{name} is not valid UTF-8 text; set it again in UTF-8")


def has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def ensure_home(home: Path) -> None:
    """Create the home private (0700). An existing home the user owns that others can read
    is tightened to the owner alone; a read-only or foreign home, or the user's own home
    directory used as the Amity home, is left as it is (its files are still 0600)."""
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data directory {home}: {exc.strerror}") from None
    if home == Path.home():  # AMITY_HOME=~ : the user's own home keeps its permissions
        return
    try:
        st = home.stat()
        if st.st_mode & 0o077 and st.st_uid == os.getuid():
            home.chmod(st.st_mode & 0o700)
    except OSError:
        pass  # a read-only home can still be read; a write then says it is read-only


def _default_home() -> str:
    import platformdirs

    return platformdirs.user_data_dir("amity", appauthor=False)
