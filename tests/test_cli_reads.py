"""`amity.cli.reads` runs show, list, search and today without Click: it must read exactly
what Click reads, and leave everything else (help, mistakes, odd forms) to Click."""

from __future__ import annotations

import itertools
import random
from typing import Any

import click
import pytest

from amity.cli import reads
from amity.cli.context import NUMBER
from amity.cli.group import cli
from tests.conftest import Amity


def _command(name: str) -> click.Command:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    return command


@pytest.mark.parametrize("name", sorted(reads.OPTIONS))
def test_the_options_are_the_click_commands_options(name: str) -> None:
    command = _command(name)
    given = ["x"] if name in reads.ARGUMENTS else []
    defaults = command.make_context(name, given, parent=click.Context(cli)).params
    options: dict[str, tuple[str, Any, Any]] = {}
    arguments = []
    for param in command.params:
        if isinstance(param, click.Argument):
            arguments.append((param.name, param.nargs))
            continue
        assert isinstance(param, click.Option)
        assert len(param.opts) == 1 and not param.secondary_opts, param.opts
        if param.is_flag:
            kind: Any = reads.FLAG
        elif param.multiple:
            kind = reads.MANY
        elif isinstance(param.type, click.Choice):
            kind = tuple(param.type.choices)
        elif param.type is NUMBER:
            kind = reads.NUMBER
        else:
            assert param.type is click.STRING, param.type
            kind = reads.TEXT
        assert param.name is not None
        options[param.opts[0]] = (param.name, kind, defaults[param.name])
    assert options == reads.OPTIONS[name]
    expected = reads.ARGUMENTS.get(name)
    assert arguments == ([expected] if expected else [])


def _click_parse(args: list[str]) -> tuple[dict[str, str], str, dict[str, Any]] | None:
    """What Click makes of `args`: (the group's options, the command, its parameters), or
    None when it refuses them."""
    try:
        group = cli.make_context("amity", list(args))
        name, command, rest = cli.resolve_command(group, [*group._protected_args, *group.args])
        assert name is not None and command is not None
        sub = command.make_context(name, rest, parent=group)
    except (click.ClickException, click.exceptions.Exit):
        return None
    options = {k: v for k, v in group.params.items() if v is not None}
    return options, name, sub.params


TOKENS = [
    "45110",
    "ada",
    "--json",
    "--limit",
    "--limit=5",
    "7",
    "0",
    "-3",
    "12x",
    "99999999999999999999",
    "--budget",
    "--budget=2",
    "--no-drafts",
    "--sort",
    "last",
    "Last",
    "--sort=strength",
    "--tag",
    "mentor",
    "--tag=climbing",
    "--circle",
    "inner",
    "--company=",
    "--tier",
    "cooling",
    "--source",
    "vcard",
    "--archived",
    "--help",
    "-h",
    "--",
    "",
    "--jso",
    "--json=1",
]
HEADS = [[], ["--today", "2026-11-20"], ["--today=2026-11-20", "--db", "sqlite:///x.db"]]


def _cases() -> list[list[str]]:
    chosen = random.Random(10)
    cases = []
    for head, name in itertools.product(HEADS, sorted(reads.OPTIONS)):
        cases.append([*head, name])
        for size in (1, 2, 3, 4):
            for _ in range(60):
                cases.append([*head, name, *chosen.choices(TOKENS, k=size)])
    return cases


def test_what_it_reads_click_reads_the_same() -> None:
    read = 0
    for args in _cases():
        found = reads.parse(args)
        if found is None:
            continue  # Click reads it, with its own errors
        read += 1
        assert found == _click_parse(args), args
    assert read > 200  # the plain forms are read here, not all left to Click


@pytest.mark.parametrize(
    "args",
    [
        ["show"],
        ["show", "1", "2"],
        ["show", "--help"],
        ["--help", "today"],
        ["--version"],
        ["today", "extra"],
        ["today", "--json", "--json"],
        ["search"],
        ["search", "--limit", "-1", "x"],
        ["list", "--sort", "Last"],
        ["list", "--limit", "99999999999999999999"],
        ["list", "--circle="],
        ["--today", "2026-11-20", "--today", "2026-11-21", "today"],
        ["show", "1", "--today", "2026-11-20"],
        ["add", "Ada"],
        [],
    ],
)
def test_anything_else_is_left_to_click(args: list[str]) -> None:
    assert reads.parse(args) is None


def test_shell_completion_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_AMITY_COMPLETE", "bash_complete")
    assert reads.parse(["today"]) is None


def test_a_read_prints_what_click_prints(
    amity_sqlite: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    amity_sqlite.ok("demo")
    reads_these = [
        ["today"],
        ["today", "--json", "--budget", "3"],
        ["--today", "2026-11-25", "today", "--no-drafts"],
        ["list", "--sort", "last", "--limit", "5"],
        ["list", "--tag", "mentor", "--json"],
        ["search", "coffee"],
        ["search", "coffee", "--limit=3", "--json"],
        ["show", "1"],
        ["show", "1", "--json", "--limit", "2"],
        ["show", "nobody-at-all"],
        ["--today", "not-a-day", "today"],
    ]
    fast = [amity_sqlite(*args) for args in reads_these]
    monkeypatch.setattr(reads, "run", lambda args: False)  # every command through Click
    slow = [amity_sqlite(*args) for args in reads_these]
    for args, one, other in zip(reads_these, fast, slow, strict=True):
        assert (one.code, one.out, one.err) == (other.code, other.out, other.err), args
