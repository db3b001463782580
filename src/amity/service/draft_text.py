"""A small renderer for the subset of Jinja2 the built-in draft templates use.

`amity today` drafts a message for every item, and must start fast (STYLE.md: no Jinja2 on
that path). The built-in templates use only `{{ name }}`, `{% if name %}`,
`{% if name == "text" %}`, `{% else %}`, `{% endif %}` and Jinja2's whitespace marks
(`{%-`, `-%}`, `+%}`), so this renders them exactly as Jinja2 does (a test compares the two
on every template). A user's own templates in `AMITY_HOME/templates/drafts/` may use all
of Jinja2 and are rendered by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_TAG = re.compile(r"(\{\{-?\s*.*?\s*-?\}\}|\{%[-+]?\s*.*?\s*[-+]?%\})", re.S)
_IF = re.compile(r'^if\s+(\w+)(?:\s*(==|!=)\s*"([^"]*)")?$')


class Unsupported(Exception):
    """The template uses more than this renderer knows; render it with Jinja2."""


@dataclass(slots=True)
class _Block:
    parts: list[str | tuple[str, str] | _If] = field(default_factory=list)


@dataclass(slots=True)
class _If:
    branches: list[tuple[tuple[str, str, str] | None, _Block]] = field(default_factory=list)


def render(source: str, values: dict[str, str]) -> str:
    return _render_block(_parse(source), values)


@lru_cache(maxsize=32)
def _parse_file(path: Path, mtime: float) -> _Block:
    return _parse(path.read_text(encoding="utf-8"))


def render_file(path: Path, values: dict[str, str]) -> str:
    return _render_block(_parse_file(path, path.stat().st_mtime), values)


def _parse(source: str) -> _Block:
    if source.endswith("\n"):  # Jinja2 drops one trailing newline (keep_trailing_newline off)
        source = source[:-1]
    pieces = _whitespace(_TAG.split(source))
    root = _Block()
    stack: list[_Block | _If] = [root]
    for piece in pieces:
        if not (piece.startswith("{{") or piece.startswith("{%")):
            _top_block(stack).parts.append(piece)
        elif piece.startswith("{{"):
            name = piece.strip("{}-+ \n\t")
            if not name.isidentifier():
                raise Unsupported(name)
            _top_block(stack).parts.append(("var", name))
        else:
            _statement(piece.strip("{%}-+ \n\t"), stack)
    if len(stack) != 1:
        raise Unsupported("an if without endif")
    return root


def _whitespace(pieces: list[str]) -> list[str]:
    """Apply `{%-`/`{{-` (strip the text before) and `-%}`/`-}}` (strip the text after)."""
    out = list(pieces)
    for i, piece in enumerate(out):
        if not piece.startswith(("{{", "{%")):
            continue
        if piece[2:3] == "-" and i > 0:
            out[i - 1] = out[i - 1].rstrip()
        if piece[-3:-2] == "-" and i + 1 < len(out):
            out[i + 1] = out[i + 1].lstrip()
    return [p for p in out if p]


def _top_block(stack: list[_Block | _If]) -> _Block:
    top = stack[-1]
    if isinstance(top, _If):
        return top.branches[-1][1]
    return top


def _statement(text: str, stack: list[_Block | _If]) -> None:
    match = _IF.match(text)
    if match:
        node = _If([((match.group(1), match.group(2) or "", match.group(3) or ""), _Block())])
        _top_block(stack).parts.append(node)
        stack.append(node)
    elif text == "else" and isinstance(stack[-1], _If):
        stack[-1].branches.append((None, _Block()))
    elif text == "endif" and isinstance(stack[-1], _If):
        stack.pop()
    else:
        raise Unsupported(text)


def _render_block(block: _Block, values: dict[str, str]) -> str:
    out: list[str] = []
    for part in block.parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, tuple):
            out.append(values[part[1]])
        else:
            out.append(_render_if(part, values))
    return "".join(out)


def _render_if(node: _If, values: dict[str, str]) -> str:
    for condition, body in node.branches:
        if condition is None or _holds(condition, values):
            return _render_block(body, values)
    return ""


def _holds(condition: tuple[str, str, str], values: dict[str, str]) -> bool:
    name, op, literal = condition
    value = values[name]
    if op == "==":
        return value == literal
    if op == "!=":
        return value != literal
    return bool(value)
