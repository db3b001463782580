"""Styled text for the terminal that never carries an escape sequence or markup.

What the renderers build with: a `Text` is runs of (text, style), each run passed through
`terminal.plain` as it comes in (no ESC, no control characters), and nothing in it is ever
read as markup (a name like "[red]x" prints as typed). It wraps the way Rich wraps a
paragraph (words first, a word wider than the line folded), so the screens look as they did
when Amity printed with Rich, without the cost of importing it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import pairwise

from amity.cli.terminal import plain

Style = str  # space-separated words: "bold", "dim", "bold cyan", "" for none
Run = tuple[str, Style]
Line = list[Run]  # one line on the screen, at most the width it was laid out for

_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")
TAB_SIZE = 8


@cache
def char_cells(ch: str) -> int:
    """Terminal cells one character takes: 2 for wide East Asian ones, 0 for combining
    and control characters (a tab is expanded before it is laid out)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_len(text: str) -> int:
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(char_cells, text))


def chop_cells(text: str, width: int) -> list[str]:
    """`text` cut into pieces of at most `width` cells (a wide character is never split)."""
    if text.isascii() and text.isprintable():
        return [text[i : i + width] for i in range(0, len(text), width)]
    pieces, start, size = [], 0, 0
    for index, ch in enumerate(text):
        cells = char_cells(ch)
        if size + cells > width and index > start:
            pieces.append(text[start:index])
            start, size = index, 0
        size += cells
    if size or start < len(text):
        pieces.append(text[start:])
    return pieces


def crop_cells(text: str, width: int) -> str:
    """The first `width` cells of `text` (a wide character that would straddle the edge
    becomes a space)."""
    if text.isascii() and text.isprintable():
        return text[:width]
    size = 0
    for index, ch in enumerate(text):
        cells = char_cells(ch)
        if size + cells > width:
            return text[:index] + " " * (width - size)
        size += cells
    return text


def line_breaks(text: str, width: int) -> list[int]:
    """Where to break `text` (one line, no newline) to fit `width` cells: between words,
    and inside a word only when it is wider than a whole line (as Rich's `divide_line`)."""
    breaks: list[int] = []
    offset = 0  # cells used on the current line
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            pieces = chop_cells(word, width)
            for n, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if n == len(pieces) - 1:
                    offset = cell_len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


class Text:
    """A paragraph of styled runs; `style` applies under every run's own style."""

    __slots__ = ("runs", "style")

    def __init__(self, text: str = "", style: Style = "") -> None:
        self.runs: list[Run] = []
        self.style = style
        if text:
            self.append(text)

    @classmethod
    def assemble(cls, *parts: str | tuple[str, Style], style: Style = "") -> Text:
        assembled = cls(style=style)
        for part in parts:
            if isinstance(part, str):
                assembled.append(part)
            else:
                assembled.append(*part)
        return assembled

    def append(self, text: str, style: Style = "") -> Text:
        if text:
            self.runs.append((plain(text), style))
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.runs)

    def measure(self, width: int) -> tuple[int, int]:
        """(widest word, widest line) in cells, neither more than `width`."""
        text = self.plain
        lines = text.splitlines()
        widest = max((cell_len(line) for line in lines), default=0)
        words = text.split()
        longest = max((cell_len(word) for word in words), default=widest)
        return min(longest, width), min(widest, width)

    def render(self, width: int) -> list[Line]:
        """The paragraph wrapped to `width` cells (lines are not padded)."""
        if width < 1:
            return [[]]
        lines: list[Line] = []
        for runs in self._paragraph_lines():
            text = "".join(t for t, _ in runs)
            edges = [0, *line_breaks(text, width), len(text)]
            for start, end in pairwise(edges):
                stop = _strip_end(text, start, end, width)
                lines.append(crop(_slice(runs, start, stop), width))
        return lines

    def _paragraph_lines(self) -> list[list[Run]]:
        """The runs split at newlines (every line kept, blank ones too), tabs expanded."""
        lines: list[list[Run]] = [[]]
        for text, style in self.runs:
            effective = f"{self.style} {style}".strip()
            for n, part in enumerate(text.split("\n")):
                if n:
                    lines.append([])
                if part:
                    lines[-1].append((part, effective))
        return [_expand_tabs(runs) for runs in lines]


def _strip_end(text: str, start: int, end: int, width: int) -> int:
    """Drop the whitespace that runs past `width` at the end of a line (Rich's `rstrip_end`)."""
    excess = (end - start) - width
    if excess > 0 and (space := _TRAILING_SPACE.search(text, start, end)):
        return end - min(len(space.group(0)), excess)
    return end


def _slice(runs: list[Run], start: int, end: int) -> Line:
    line: Line = []
    position = 0
    for text, style in runs:
        low, high = max(start, position), min(end, position + len(text))
        if low < high:
            line.append((text[low - position : high - position], style))
        position += len(text)
    return line


def crop(line: Line, width: int) -> Line:
    """`line` cut to at most `width` cells."""
    if line_cells(line) <= width:
        return line
    cropped: Line = []
    room = width
    for text, style in line:
        piece = crop_cells(text, room)
        if piece:
            cropped.append((piece, style))
        room -= cell_len(piece)
        if room <= 0:
            break
    return cropped


def _expand_tabs(runs: list[Run]) -> list[Run]:
    if not any("\t" in text for text, _ in runs):
        return runs
    column, expanded = 0, []
    for text, style in runs:
        out = []
        for ch in text:
            if ch == "\t":
                spaces = TAB_SIZE - column % TAB_SIZE
                out.append(" " * spaces)
                column += spaces
            else:
                out.append(ch)
                column += char_cells(ch)
        expanded.append(("".join(out), style))
    return expanded


def line_cells(line: Line) -> int:
    return sum(cell_len(text) for text, _ in line)


def pad_line(line: Line, width: int) -> Line:
    """`line` filled with spaces to `width` cells."""
    missing = width - line_cells(line)
    return [*line, (" " * missing, "")] if missing > 0 else line
