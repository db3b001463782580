"""docs/cli.md is checked against the Click commands themselves, so it cannot drift.

The rule: every command `amity NAME` has a section headed ``## `amity NAME` `` (a subcommand of a
group has its own ``## `amity GROUP SUB` `` section, or is named in its group's section). A
section runs to the next ``## `` heading, its ``###`` subsections included. In its section:

- every long flag of every option (both halves of `--archive/--unarchive`) appears; an option
  with no long flag shows its short one;
- every argument appears by its metavar as the usage writes it (`PERSON`, `TEXT`,
  `linkedin|vcard|csv`), or, for a choice, as its choices joined by `|`;
- no flag appears that the command does not have (a stale option), except the global
  `--today` and `--db`. A flag written after another command's name inside the same code span
  (`` `dedupe --dismiss` `` in the undo section, `` `amity settings smtp.host ...` ``) is
  checked against that command instead.

Each section is also the heading of a real command: a removed command leaves no stale section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "cli.md"

GLOBAL_FLAGS = {"--today", "--db", "--help", "--version"}
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
HEADING = re.compile(r"^## `amity ([a-z][a-z -]*)`\s*$")
CODE_SPAN = re.compile(r"`([^`]+)`")


def _commands() -> Iterator[tuple[str, click.Command]]:
    """Every command object, loaded through the lazy group as `amity NAME` would load it."""
    from amity.cli import COMMANDS, cli

    ctx = click.Context(cli, info_name="amity")
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None, f"amity {name} does not load"
        yield from _walk(name, command, ctx)


def _walk(
    path: str, command: click.Command, ctx: click.Context
) -> Iterator[tuple[str, click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        sub_ctx = click.Context(command, info_name=path.split()[-1], parent=ctx)
        for sub_name in command.list_commands(sub_ctx):
            sub = command.get_command(sub_ctx, sub_name)
            assert sub is not None, f"amity {path} {sub_name} does not load"
            yield from _walk(f"{path} {sub_name}", sub, sub_ctx)


COMMANDS = dict(_commands())


def _sections() -> dict[str, str]:
    """The text of each ``## `amity NAME` `` section, keyed by NAME."""
    sections: dict[str, str] = {}
    current: str | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            match = HEADING.match(line)
            current = match.group(1) if match else None
            if current is not None:
                assert current not in sections, f"docs/cli.md has two `amity {current}` sections"
                sections[current] = ""
        elif current is not None:
            sections[current] += line + "\n"
    return sections


SECTIONS = _sections()


def _section_of(path: str) -> str:
    if path in SECTIONS:
        return SECTIONS[path]
    group = path.rsplit(" ", 1)[0]
    if " " in path and group in SECTIONS and f"amity {path}" in SECTIONS[group]:
        return SECTIONS[group]
    pytest.fail(f"docs/cli.md has no section for `amity {path}` (## `amity {path}`)")


def _flags(command: click.Command) -> set[str]:
    flags: set[str] = set()
    for param in command.params:
        if isinstance(param, click.Option):
            flags.update(param.opts + param.secondary_opts)
    return flags


def _documented(flag: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text) is not None


def _missing_options(command: click.Command, text: str) -> list[str]:
    missing = []
    for param in command.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        every = param.opts + param.secondary_opts
        wanted = [flag for flag in every if flag.startswith("--")] or every[:1]
        missing += [flag for flag in wanted if not _documented(flag, text)]
    return missing


def _missing_arguments(command: click.Command, text: str) -> list[str]:
    missing = []
    for param in command.params:
        if not isinstance(param, click.Argument):
            continue
        metavar = param.human_readable_name
        shown = [metavar]
        if isinstance(param.type, click.Choice):
            shown.append("|".join(str(choice) for choice in param.type.choices))
        if not any(re.search(rf"(?<![\w|]){re.escape(s)}(?![\w|])", text) for s in shown):
            missing.append(metavar)
    return missing


def _flags_named(path: str, text: str) -> Iterator[tuple[str, str]]:
    """(command, flag) for each flag the section names: in a code span, the command written
    before it in the same span (`amity X ...`, or a span starting `X --flag`), else the
    section's own command."""
    top_level = {name for name in COMMANDS if " " not in name}
    for span in CODE_SPAN.findall(text):
        owner = path
        words = span.split()
        if words and words[0] in top_level and words[0] != path:
            owner = words[0]
        for index, word in enumerate(words):
            if word == "amity" and index + 1 < len(words) and words[index + 1] in top_level:
                owner = words[index + 1]
                if index + 2 < len(words) and f"{owner} {words[index + 2]}" in COMMANDS:
                    owner = f"{owner} {words[index + 2]}"
            for flag in FLAG.findall(word):
                yield owner, flag
    for flag in FLAG.findall(CODE_SPAN.sub("", text)):  # a flag in the prose is the section's
        yield path, flag


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_option_and_argument_is_in_its_section(path: str) -> None:
    command = COMMANDS[path]
    text = _section_of(path)
    missing = _missing_options(command, text) + _missing_arguments(command, text)
    assert not missing, f"docs/cli.md `amity {path}` does not mention {missing}"


@pytest.mark.parametrize("path", sorted(SECTIONS))
def test_no_section_names_a_flag_its_command_lacks(path: str) -> None:
    assert path in COMMANDS, f"docs/cli.md documents `amity {path}`, which is no command"
    stale = sorted(
        f"{owner} {flag}"
        for owner, flag in set(_flags_named(path, SECTIONS[path]))
        if flag not in GLOBAL_FLAGS and flag not in _flags(COMMANDS[owner])
    )
    assert not stale, f"docs/cli.md `amity {path}` names options that do not exist: {stale}"


def test_the_checks_see_a_missing_option() -> None:
    """The rule itself can fail: an option the doc does not name is reported."""
    command = click.Command(
        "x",
        params=[
            click.Option(["--kept"]),
            click.Option(["--shiny-new"]),
            click.Option(["--on/--off"]),
            click.Argument(["who"], metavar="WHO"),
        ],
    )
    text = "`amity x WHO [--kept] [--on]` and `--shiny-newer`\n"
    assert _missing_options(command, text) == ["--shiny-new", "--off"]
    assert _missing_arguments(command, "`amity x [--kept]`") == ["WHO"]
    named = "`amity undo [--force]`, `dedupe --dismiss`, `amity merge A B` and --yes"
    assert list(_flags_named("undo", named)) == [
        ("undo", "--force"),
        ("dedupe", "--dismiss"),
        ("undo", "--yes"),
    ]


def test_a_group_s_subcommands_are_checked_too() -> None:
    group = click.Group("db", commands=[click.Command("upgrade", params=[click.Option(["--to"])])])
    walked = dict(_walk("db", group, click.Context(click.Group("amity"), info_name="amity")))
    assert list(walked) == ["db", "db upgrade"]
    assert _flags(walked["db upgrade"]) == {"--to"}
