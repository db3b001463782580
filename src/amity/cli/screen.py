"""Laying out and printing the human screens: groups of paragraphs, indents, a framed
panel, a table. A small renderer of Amity's own, laid out as Rich lays out the same
things (`show`, `list`, `today` and `report` looked like this when they printed with Rich),
so a read command starts without importing Rich (issue 10: 100 ms at 100,000 people).

Every block answers `measure(width)` (its narrowest and widest useful widths, in cells) and
`render(width)` (its lines). Text inside is `safe_text.Text`: never markup, never an escape
sequence; the only escape sequences printed are the styles set here, on a terminal.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from amity.cli import terminal
from amity.cli.safe_text import Text, cell_len, crop, line_cells, pad_line

if TYPE_CHECKING:  # only for the types: a Protocol costs a read command's start-up time
    from collections.abc import Sequence
    from typing import Protocol, TypeAlias

    from amity.cli.safe_text import Line, Style

    class Block(Protocol):
        def measure(self, width: int) -> tuple[int, int]: ...

        def render(self, width: int) -> list[Line]: ...

    Content: TypeAlias = Block | str


def _block(content: Content) -> Block:
    return Text(content) if isinstance(content, str) else content


class Group:
    """Blocks one under the other."""

    def __init__(self, *blocks: Content) -> None:
        self.blocks = [_block(b) for b in blocks]

    def measure(self, width: int) -> tuple[int, int]:
        sizes = [b.measure(width) for b in self.blocks]
        return max((s[0] for s in sizes), default=0), max((s[1] for s in sizes), default=0)

    def render(self, width: int) -> list[Line]:
        return [line for block in self.blocks for line in block.render(width)]


class Padding:
    """A block with blank space around it, `pad` = (top, right, bottom, left) as in CSS;
    its lines fill the whole width."""

    def __init__(self, block: Content, pad: tuple[int, int, int, int]) -> None:
        self.block = _block(block)
        self.top, self.right, self.bottom, self.left = pad

    def measure(self, width: int) -> tuple[int, int]:
        extra = self.left + self.right
        if width - extra < 1:
            return width, width
        low, high = self.block.measure(width - extra)
        return min(low + extra, width), min(high + extra, width)

    def render(self, width: int) -> list[Line]:
        inner = max(0, width - self.left - self.right)
        blank: Line = [(" " * width, "")]
        body = [
            [(" " * self.left, ""), *pad_line(line, inner), (" " * self.right, "")]
            for line in self.block.render(inner)
        ]
        return [*[blank] * self.top, *body, *[blank] * self.bottom]


# Box-drawing characters: corners, edges and joints (`ascii` where UTF-8 cannot be written).
ROUNDED = {"tl": "╭", "tr": "╮", "bl": "╰", "br": "╯", "h": "─", "v": "│"}
ASCII_ROUNDED = {"tl": "+", "tr": "+", "bl": "+", "br": "+", "h": "-", "v": "|"}
HEAVY_HEAD = ("┏━┳┓", "┃┃┃", "┡━╇┩", "│││", "└─┴┘")  # top, head, head rule, row, bottom
ASCII_TABLE = ("+--+", "|||", "|-+|", "|||", "+--+")


class Panel:
    """A block in a rounded frame, as narrow as its content allows, titled on the top edge."""

    def __init__(self, block: Content, title: Text) -> None:
        self.block = Padding(block, (0, 1, 0, 1))
        self.title = Text.assemble(
            " ", *[(t.replace("\n", " ").expandtabs(8), s) for t, s in title.runs], " "
        )
        self.ascii = False

    def measure(self, width: int) -> tuple[int, int]:
        low, high = self.block.measure(width - 2)
        return low + 2, high + 2

    def render(self, width: int) -> list[Line]:
        box = ASCII_ROUNDED if self.ascii else ROUNDED
        inner = self.block.measure(width - 2)[1]
        title_cells = line_cells(self.title.runs)
        inner = min(width - 2, max(inner, title_cells + 2))
        outer = inner + 2
        if outer <= 4:
            top: Line = [(box["tl"] + box["h"] * inner + box["tr"], "")]
        else:
            top = [(box["tl"] + box["h"], ""), *_centre(self.title, outer - 4, box["h"])]
            top.append((box["h"] + box["tr"], ""))
        lines = [top]
        for line in self.block.render(inner):
            lines.append([(box["v"], ""), *pad_line(line, inner), (box["v"], "")])
        lines.append([(box["bl"] + box["h"] * inner + box["br"], "")])
        return lines


def _centre(title: Text, width: int, fill: str) -> Line:
    line = crop(title.render(10**6)[0] if title.runs else [], width)
    spare = width - line_cells(line)
    left = spare // 2
    return [(fill * left, ""), *line, (fill * (spare - left), "")]


class Table:
    """Rows under a bold header in a heavy-headed frame, columns as wide as their content
    and shrunk (widest first) to fit, cells wrapped; a caption under it, to the right."""

    def __init__(self, caption: str = "") -> None:
        self.caption = caption
        self.header: list[Text] = []
        self.rows: list[list[Text]] = []
        self.ascii = False

    def add_column(self, name: str) -> None:
        self.header.append(Text(name, style="bold"))

    def add_row(self, *cells: Content) -> None:
        self.rows.append([c if isinstance(c, Text) else Text(str(c)) for c in cells])

    def measure(self, width: int) -> tuple[int, int]:
        widths = self.widths(width)
        return sum(widths) + len(widths) + 1, sum(widths) + len(widths) + 1

    def widths(self, width: int) -> list[int]:
        """Each column's width in cells, its one-space padding either side included."""
        room = width - (len(self.header) + 1)
        columns = [
            [self.header[n], *(row[n] for row in self.rows)] for n in range(len(self.header))
        ]
        sizes = [[_padded(cell, room) for cell in column] for column in columns]
        widths = [max(s[1] for s in column) or 1 for column in sizes]
        if sum(widths) > room:
            widths = _collapse(widths, room)
            if sum(widths) > room:
                widths = _reduce(sum(widths) - room, [1] * len(widths), widths, widths)
        return widths

    def render(self, width: int) -> list[Line]:
        top, head, rule, row, bottom = ASCII_TABLE if self.ascii else HEAVY_HEAD
        widths = self.widths(width)
        lines = [_edge(top, widths)]
        lines += _cells_row(self.header, widths, head, bottom=True)
        lines.append(_edge(rule, widths))
        for cells in self.rows:
            lines += _cells_row(cells, widths, row)
        lines.append(_edge(bottom, widths))
        if self.caption:
            total = sum(widths) + len(widths) + 1
            for line in Text(self.caption, style="dim italic").render(total):
                lines.append([(" " * (total - line_cells(line)), ""), *line])
        return lines


def _padded(cell: Text, width: int) -> tuple[int, int]:
    return Padding(cell, (0, 1, 0, 1)).measure(width)


def _edge(chars: str, widths: list[int]) -> Line:
    left, fill, joint, right = chars[0], chars[1], chars[2], chars[3]
    return [(left + joint.join(fill * w for w in widths) + right, "")]


def _cells_row(
    cells: Sequence[Text], widths: list[int], chars: str, *, bottom: bool = False
) -> list[Line]:
    """One row, each cell's lines at the top of the row (a header's at the bottom)."""
    edge, joint, right = chars[0], chars[1], chars[2]
    rendered = [Padding(c, (0, 1, 0, 1)).render(w) for c, w in zip(cells, widths, strict=True)]
    height = max(len(r) for r in rendered)
    lines = []
    for n in range(height):
        line: Line = [(edge, "")]
        for column, (cell, w) in enumerate(zip(rendered, widths, strict=True)):
            at = n - (height - len(cell)) if bottom else n
            if not 0 <= at < len(cell):
                line.append((" " * w, ""))
            else:  # a padded cell line is `w` wide, unless `w` leaves no room for the padding
                line += cell[at] if w >= 2 else pad_line(crop(cell[at], w), w)
            line.append((joint if column < len(widths) - 1 else right, ""))
        lines.append(line)
    return lines


def _collapse(widths: list[int], room: int) -> list[int]:
    """Shrink the widest columns first, towards the next widest, until the table fits."""
    excess = sum(widths) - room
    while sum(widths) and excess > 0:
        widest = max(widths)
        second = max((w for w in widths if w != widest), default=0)
        ratios = [1 if w == widest else 0 for w in widths]
        if not widest - second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """Take `total` away from `values` in proportion to `ratios`, at most `maximums` each."""
    ratios = [r if m else 0 for r, m in zip(ratios, maximums, strict=True)]
    ratio_sum = sum(ratios)
    if not ratio_sum:
        return values[:]
    remaining, result = total, []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and ratio_sum > 0:
            taken = min(most, round(ratio * remaining / ratio_sum))
            result.append(value - taken)
            remaining -= taken
            ratio_sum -= ratio
        else:
            result.append(value)
    return result


# SGR codes: attributes first, in this order, then the colour.
_ATTRIBUTES = {"bold": 1, "dim": 2, "italic": 3, "underline": 4}
_COLOURS = {
    name: 30 + n
    for n, name in enumerate(("black", "red", "green", "yellow", "blue", "magenta", "cyan"))
}
_COLOURS["white"] = 37


def sgr(style: Style, *, colours: bool = True) -> str:
    """The escape sequence that turns `style` on ("" for none)."""
    words = style.split()
    codes = sorted({_ATTRIBUTES[w] for w in words if w in _ATTRIBUTES})
    colour = [_COLOURS[w] for w in words if w in _COLOURS][-1:] if colours else []
    found = [*codes, *colour]
    return f"\x1b[{';'.join(map(str, found))}m" if found else ""


class Screen:
    """Where blocks are printed: stdout by default, its width and colours as the
    terminal allows (plain text into a pipe or a file)."""

    def __init__(
        self, file: TextIO | None = None, *, width: int | None = None, color: bool | None = None
    ) -> None:
        self.file = file
        self.width = width or terminal.width()
        self.color = terminal.styled(file) if color is None else color

    def text(self, block: Content) -> str:
        """The block as it would be printed, with a newline after each line."""
        block = _block(block)
        self._use_ascii(block)
        colours = terminal.colours_allowed()
        out = []
        for line in block.render(self.width):
            for text, style in line:
                code = sgr(style, colours=colours) if self.color and text else ""
                out.append(f"{code}{text}\x1b[0m" if code else text)
            out.append("\n")
        return "".join(out)

    def print(self, block: Content) -> None:
        stream = self.file or sys.stdout
        stream.write(self.text(block))
        stream.flush()

    def _use_ascii(self, block: Block) -> None:
        encoding = (getattr(self.file or sys.stdout, "encoding", None) or "utf-8").lower()
        if not encoding.startswith("utf"):
            for found in _frames(block):
                found.ascii = True


def _frames(block: Block) -> list[Panel | Table]:
    if isinstance(block, Panel | Table):
        return [block, *(_frames(block.block) if isinstance(block, Panel) else [])]
    if isinstance(block, Group):
        return [f for b in block.blocks for f in _frames(b)]
    if isinstance(block, Padding):
        return _frames(block.block)
    return []


__all__ = ["Group", "Padding", "Panel", "Screen", "Table", "Text", "cell_len"]
