"""Reading a choice the user typed (a circle, a kind, a tone) into Amity's vocabulary."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

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
