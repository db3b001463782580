"""Every CLI command has a section in docs/cli.md, and the README names the two commands."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_is_documented() -> None:
    from amity.cli import COMMANDS

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [name for name in COMMANDS if f"## `amity {name}" not in doc]
    assert not missing, f"docs/cli.md lacks sections for {missing}"


def test_readme_quickstart_has_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme
    assert "make test" in readme


def test_changelog_has_unreleased_on_top() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    first_heading = next(line for line in changelog.splitlines() if line.startswith("## "))
    assert first_heading.startswith("## Unreleased")
