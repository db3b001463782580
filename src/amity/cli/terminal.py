"""Stored text on a terminal: shown, never obeyed.

A name, note or company can hold anything an import or a web form let in, including an
escape sequence that would recolour the terminal, retitle its window or move the cursor.
Everything Amity prints for a person passes through `plain`, which drops escape sequences
and control characters (keeping newlines and tabs). `--json` output is left alone: JSON
escapes control characters itself.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from typing import Any, TextIO

_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: colours, cursor moves, screen clears
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC: window titles, hyperlinks
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # the 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit strings
)
_KEEP = {"\n", "\t"}


def plain(text: str) -> str:
    """`text` without escape sequences or control characters: safe on any terminal."""
    if text.isprintable():  # the common case: nothing to strip
        return text
    text = _SEQUENCE.sub("", text)
    return "".join(ch for ch in text if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cs"))


def echo(message: Any = "", *, err: bool = False, nl: bool = True) -> None:
    """`click.echo` for lines that carry stored text."""
    import click  # here: the read commands print without it (`amity.cli.reads`)

    click.echo(plain(str(message)), err=err, nl=nl)


def width() -> int:
    """Columns to lay screens out in: COLUMNS if set, else the terminal's, else 80 (as Rich
    decided it, so output into a pipe keeps the width of the terminal it was started in)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns):
        return int(columns)
    for fd in (0, 1, 2):
        try:
            found = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        return found or 80
    return 80


def styled(stream: TextIO | None = None) -> bool:
    """Whether to colour the output: a terminal that understands it (TTY_COMPATIBLE and
    FORCE_COLOR decide first, TERM=dumb never)."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    forced = os.environ.get("FORCE_COLOR")
    if forced is not None:
        return forced != ""
    if os.environ.get("TERM", "").strip().lower() in ("dumb", "unknown"):
        return False
    isatty = getattr(stream or sys.stdout, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def colours_allowed() -> bool:
    """NO_COLOR (https://no-color.org) keeps bold and dim, drops colours."""
    return not os.environ.get("NO_COLOR")
