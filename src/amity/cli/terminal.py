"""Stored text on a terminal: shown, never obeyed.

A name, note or company can hold anything an import or a web form let in, including an
escape sequence that would recolour the terminal, retitle its window or move the cursor.
Everything Amity prints for a person passes through `plain`, which drops escape sequences
and control characters (keeping newlines and tabs). `--json` output is left alone: JSON
escapes control characters itself.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import click

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
    click.echo(plain(str(message)), err=err, nl=nl)
