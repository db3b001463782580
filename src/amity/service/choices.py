"""Reading a choice the user typed (a circle, a kind, a tone, a day) into Amity's vocabulary."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from amity.engines.dates import happened_on
from amity.errors import UsageError

Choice = TypeVar("Choice", bound=StrEnum)


def parse_choice(kind: type[Choice], text: str, what: str) -> Choice:
    """`kind(text)`, forgiving case, spaces and dashes; else a message listing the choices."""
    raw = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return kind(raw)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise UsageError(f"unknown {what} {text!r}; expected one of {choices}") from None


def parse_happened_on(text: str | None, today: date) -> date:
    """The day something happened, as typed after `--on` (YYYY-MM-DD, yesterday, monday,
    3 days ago); today when nothing was typed. Never in the future, never before 1900."""
    return happened_on(text, today)
