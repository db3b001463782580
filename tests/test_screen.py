"""The CLI's own screen renderer (`amity.cli.screen`): laid out as Rich lays out the same
table, panel and paragraphs (Rich is still installed, for the import progress bar), safe
with stored text, and never importing Rich for a read command."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from rich import box
from rich.console import Console
from rich.console import Group as RichGroup
from rich.padding import Padding as RichPadding
from rich.panel import Panel as RichPanel
from rich.table import Table as RichTable
from rich.text import Text as RichText

from amity import open_home, show_person
from amity.cli.render import people_table, person_panel
from amity.cli.screen import Group, Padding, Panel, Screen, Table, Text
from amity.model import Circle
from amity.service.people_views import PersonSummary
from tests.conftest import TODAY, Amity

WIDTHS = (12, 20, 33, 47, 80, 121)
WORDS = [
    "Ada Lovelace",
    "王小明 (Wang Xiaoming)",
    "Zoë Ångström-Łukasiewicz",
    "emoji 😀👍 name",
    "tab\there",
    "two\nlines",
    "[red]x[/red]",
    "https://example.com/a/very/long/address/that/never/breaks/anywhere/at/all",
    "",
    "  spaced  out  ",
]


def rich_text(block: object, width: int) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None, highlight=False)
    console.begin_capture()
    console.print(block)
    return console.end_capture()


def ours(block: Group | Table | Panel, width: int) -> str:
    return Screen(io.StringIO(), width=width, color=False).text(block)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_table_is_laid_out_as_rich_lays_it_out(width: int) -> None:
    theirs = RichTable(caption="3 of 10", caption_justify="right")
    mine = Table(caption="3 of 10")
    for name in ("id", "name", "organization", "circle"):
        theirs.add_column(name, overflow="fold")
        mine.add_column(name)
    for n in range(0, len(WORDS), 2):
        cells = [str(n), WORDS[n], WORDS[n + 1], "close"]
        theirs.add_row(cells[0], *(RichText(c) for c in cells[1:]))
        mine.add_row(*cells)
    assert ours(mine, width) == rich_text(theirs, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_panel_of_paragraphs_is_laid_out_as_rich_lays_it_out(width: int) -> None:
    def paragraphs(text: type, group: type, padding: type) -> list[object]:
        found: list[object] = [text(w) for w in WORDS]
        found.append(padding(text(" ".join(WORDS)), (0, 0, 0, 5)))
        found.append(text.assemble(("bold part ", "bold"), "and the rest " * 6))
        return [group(*found)]

    theirs = RichPanel(
        *paragraphs(RichText, RichGroup, RichPadding),
        title="[bold]Ada[/] #1",
        expand=False,
        box=box.ROUNDED,
    )
    mine = Panel(*paragraphs(Text, Group, Padding), title=Text.assemble(("Ada", "bold"), " #1"))
    assert ours(mine, width) == rich_text(theirs, width)


def test_stored_text_is_neither_markup_nor_escape_sequences() -> None:
    view = PersonSummary(
        id=7,
        name="Eve\x1b[2J [bold]Mallory[/bold]",
        circle=Circle.CLOSE,
        tags=(),
        organization="Evil\x9b6n Corp",
        title="\x1b]0;pwned\x07CTO",
        last_interaction=None,
        strength=3,
    )
    table = ours(people_table([view], 1), 100)
    assert "[bold]Mallory[/bold]" in table and "CTO" in table and "Evil Corp" in table
    assert "\x1b" not in table and "\x9b" not in table and "\x07" not in table
    coloured = Screen(io.StringIO(), width=100, color=True).text(people_table([view], 1))
    assert "\x1b[2J" not in coloured and "\x1b]" not in coloured and "\x1b[1m" in coloured


def test_no_colour_keeps_bold_and_drops_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    block = Group(Text.assemble(("Ada", "bold cyan"), (" follow up", "magenta")))
    assert (
        Screen(width=40, color=True).text(block)
        == "\x1b[1;36mAda\x1b[0m\x1b[35m follow up\x1b[0m\n"
    )
    monkeypatch.setenv("NO_COLOR", "1")
    assert Screen(width=40, color=True).text(block) == "\x1b[1mAda\x1b[0m follow up\n"


def test_a_terminal_without_utf8_gets_ascii_frames() -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
    table = Table(caption="1 of 1")
    table.add_column("id")
    table.add_row("1")
    assert Screen(stream, width=20, color=False).text(table).splitlines()[:3] == [
        "+----+",
        "| id |",
        "|----|",
    ]


def test_the_human_read_commands_do_not_import_rich(amity_sqlite: Amity) -> None:
    amity_sqlite.ok("add", "Ada Lovelace", "--company", "Engines")
    amity_sqlite.ok("met", "Ada Lovelace", "--at", "PyCon")
    probe = (
        "import sys\nfrom amity.cli import main\n"
        "for args in (['show', '1'], ['list'], ['search', 'ada'], ['today'], ['report']):\n"
        "    try:\n        main(args)\n    except SystemExit as exit:\n"
        "        assert not exit.code, (args, exit.code)\n"
        "print('RICH' if 'rich' in sys.modules else 'NO RICH', file=sys.stderr)\n"
    )
    env = {"AMITY_HOME": str(amity_sqlite.home), "AMITY_TODAY": str(amity_sqlite.today)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("NO RICH") and "Ada Lovelace" in done.stdout


def test_show_renders_every_fact_inside_the_frame(amity_sqlite: Amity) -> None:
    amity_sqlite.ok("add", "Ada Lovelace", "--company", "Engines", "--tag", "math")
    with open_home(amity_sqlite.home, today=TODAY) as home:
        view = show_person(home, 1)
    for width in (30, 80):
        lines = ours(person_panel(view), width).splitlines()
        assert lines[0].startswith("╭") and "Ada Lovelace #1" in lines[0]
        assert lines[-1].startswith("╰") and all(line.startswith("│") for line in lines[1:-1])
        assert len({len(line) for line in lines}) == 1
