"""What every Click command shares: the session (`amity.cli.session`: settings, the store,
output), the current one, and the option types."""

from __future__ import annotations

from typing import Any

import click

from amity.cli.session import AppContext, console, emit_json, rich_console
from amity.model.limits import MAX_INTEGER

__all__ = ["NUMBER", "AppContext", "app", "console", "emit_json", "json_option", "rich_console"]


class _Number(click.types.IntParamType):
    """A whole number the database can hold: a larger one is a usage error (exit 2)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        number: int = super().convert(value, param, ctx)
        if abs(number) > MAX_INTEGER:
            self.fail(f"{value} is too large; the largest Amity accepts is {MAX_INTEGER}")
        return number


NUMBER = _Number()


def app() -> AppContext:
    obj = click.get_current_context().find_object(AppContext)
    if obj is None:  # pragma: no cover - the group always sets it
        raise RuntimeError("amity commands run inside the amity group")
    return obj


json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
