"""The layering of DESIGN.md and the fast start of STYLE.md, checked."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "amity"
FRAMEWORKS = {"click", "rich", "fastapi", "jinja2", "starlette", "uvicorn"}
CORE = ("model", "engines", "store", "io")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", CORE)
def test_core_layers_import_no_framework(layer: str) -> None:
    for path in (SRC / layer).rglob("*.py"):
        bad = _imports(path) & FRAMEWORKS
        assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


def test_engines_do_not_read_the_clock() -> None:
    for path in (SRC / "engines").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "date.today()" not in text and "datetime.now(" not in text, path.name


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_help_does_not_import_heavy_modules() -> None:
    loaded = _modules_after(
        "import sys\nfrom amity.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    for heavy in ("sqlalchemy", "fastapi", "jinja2", "rich", "alembic", "uvicorn", "psycopg"):
        assert heavy not in loaded, f"amity --help imported {heavy}"


def test_help_through_the_entry_point_loads_no_model() -> None:
    """`main` checks the arguments before Click runs; that check must stay light (the model's
    dataclasses cost `amity --help` about 40 ms)."""
    loaded = _modules_after(
        "from amity.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert "amity.model" not in loaded and "rich" not in loaded


def test_the_days_amity_plans_around_are_one_rule() -> None:
    from amity.model.limits import EARLIEST_DAY, LATEST_DAY
    from amity.service.settings import EARLIEST_TODAY, LATEST_TODAY

    assert (EARLIEST_TODAY, LATEST_TODAY) == (EARLIEST_DAY, LATEST_DAY)


def test_help_lists_every_command_with_help() -> None:
    from amity.cli import COMMANDS, LazyGroup, cli

    assert isinstance(cli, LazyGroup)
    for name, (_module, short) in COMMANDS.items():
        command = cli.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None, name
        assert command.help, f"{name} has no help text"
        assert short


def test_today_does_not_import_jinja2_fastapi_or_uvicorn(tmp_path: Path) -> None:
    """STYLE.md: `amity today` starts fast; drafts use the small built-in renderer."""
    env = {**os.environ, "AMITY_HOME": str(tmp_path), "AMITY_TODAY": "2026-11-22"}
    env.pop("AMITY_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "amity", "demo"], env=env, check=True, capture_output=True
    )
    code = (
        "import os, sys, contextlib, io\n"
        f"os.environ.update(AMITY_HOME={str(tmp_path)!r}, AMITY_TODAY='2026-11-22')\n"
        "from amity.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main(['today', '--json'])\n    except SystemExit:\n        pass\n"
    )
    loaded = _modules_after(code)
    for heavy in ("jinja2", "fastapi", "uvicorn", "sqlalchemy"):
        assert heavy not in loaded, f"amity today imported {heavy}"
