"""The layering of DESIGN.md and the fast start of STYLE.md, checked."""

from __future__ import annotations

import ast
import os
import re
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
    from amity.service.settings.environment import EARLIEST_TODAY, LATEST_TODAY

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


# Layer order (README "How it is built", DESIGN.md): each layer imports only the ones before it.
# model -> engines -> store -> io -> service -> the interfaces (cli, web). The interfaces call the
# service (DESIGN.md: "The CLI, the web app and the API call only this layer") and speak its
# types, which are the model's (STYLE.md 17: ids and enums in, frozen dataclasses out).
# `amity.errors` is the one error hierarchy (STYLE.md 4): every layer may raise and catch it, and
# it imports nothing of Amity. The package itself (`amity/__init__.py`, the Python API) sits with
# the interfaces, over the service; `amity/__main__.py` runs the CLI. Lazy imports inside
# functions and `TYPE_CHECKING` imports count as much as the ones at the top.
LAYER_ORDER = ("model", "engines", "store", "io", "service")
SHARED = "errors"
MAY_IMPORT: dict[str, set[str]] = {
    **{layer: set(LAYER_ORDER[: index + 1]) for index, layer in enumerate(LAYER_ORDER)},
    "cli": {"cli", "service", "model"},
    "web": {"web", "service", "model"},
    "package": {"package", "api", "service", "model"},
    "api": {"api", "service", "model"},  # the Python API: an interface, as the CLI is
    "main": {"cli"},
    SHARED: set(),
}

# Permanent: `amity serve` starts the web app, the one place an interface runs the other.
# And `Store` is the handle every service function takes: an interface may hold one (never query
# it), as it holds the account it works on.
BRIDGES: dict[str, set[str]] = {"amity.cli.web": {"web"}}
HANDLES = {"amity.store.Store"}

# Today's exceptions: interfaces that reach below the service. This list can only shrink: a new
# entry needs a reason here, and an entry nothing imports any more fails the test below.
BELOW_THE_SERVICE: dict[str, set[str]] = {
    # The Python API bounds a typed id by the database's integer, as the CLI does.
    "amity.api": {"amity.store.database.MAX_INTEGER"},
    # A database password is never printed: the redaction lives with the URL handling.
    "amity.cli": {"amity.store.database.redact"},
    "amity.cli.crash": {"amity.store.database.redact"},
    "amity.cli.setup": {"amity.store.database.redact"},
    # MAX_INTEGER bounds a typed id and belongs in `amity.model.limits`.
    "amity.cli.context": {"amity.store.database.MAX_INTEGER"},
    # export/restore parse and write the backup format in the CLI: belongs in `service.backup`.
    "amity.cli.transfer": {
        "amity.io.json_backup.Backup",
        "amity.io.json_backup.dumps",
        "amity.io.json_backup.parse",
    },
    # The web app opens its home itself, as the CLI does: the same service `open_home`.
    "amity.web.state": {
        "amity.store.open_store",
        "amity.store.revision.revision",
        "amity.store.session.NO_ACCOUNT",
        "amity.store.session.find_account",
        "amity.store.session.prepare_writes",
    },
    # The web's promise writer (STYLE.md: "a use case and a write inside the web layer").
    "amity.web.person_actions": {
        "amity.engines.dates.parse_day",
        "amity.engines.promise_dates.due_words",
        "amity.store.reminders",
    },
    # Person facts computed in the web: a service result for the person page.
    "amity.web.person_facts": {
        "amity.engines.drafts.DraftKind",
        "amity.engines.health.balance",
        "amity.engines.strength.Strength",
    },
    # The person form's id bound: belongs in `amity.model.limits` as the other limits do.
    "amity.web.routes.person": {"amity.store.database.MAX_INTEGER"},
    # The report page names the tiers: `Tier` belongs with the service's report types.
    "amity.web.routes.report": {"amity.engines.strength.Tier"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _amity_imports(module: str, source: str) -> list[tuple[int, str]]:
    """(line, name) for every import of Amity in `source`: `amity.x.y` for a module, and
    `amity.x.y.Name` for each name taken `from` one; relative imports are resolved."""
    is_package = module.count(".") == 0 or (SRC.parent / module.replace(".", "/")).is_dir()
    package = module if is_package else module.rsplit(".", 1)[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return [(line, name) for line, name in found if name == "amity" or name.startswith("amity.")]


def _layer(name: str) -> str:
    """The layer of a module or of a name imported from one."""
    parts = name.split(".")
    if len(parts) == 1:
        return "package"
    top = parts[1]
    if top in MAY_IMPORT and top not in ("package", "main"):
        return top
    if top == "__main__":
        return "main"
    if (SRC / top).is_dir() or (SRC / f"{top}.py").exists():
        return f"unplaced {top}"  # a new top-level module: give it a layer above
    return "package"  # a name that `amity/__init__.py` exports


def _upward_imports(module: str, source: str) -> list[str]:
    own = _layer(module)
    allowed = set() if own == SHARED else MAY_IMPORT.get(own, set()) | {SHARED}
    bad = []
    for line, name in _amity_imports(module, source):
        layer = _layer(name)
        if layer in allowed or layer in BRIDGES.get(module, set()):
            continue
        if own in ("cli", "web", "api") and (
            name in HANDLES or name in BELOW_THE_SERVICE.get(module, ())
        ):
            continue
        bad.append(f"{module}:{line} ({own}) imports {name} ({layer})")
    return bad


def _package_modules() -> list[tuple[str, str]]:
    return [
        (_module_name(path), path.read_text(encoding="utf-8")) for path in sorted(SRC.rglob("*.py"))
    ]


def test_layers_import_only_the_layers_before_them() -> None:
    unplaced = [module for module, _ in _package_modules() if _layer(module) not in MAY_IMPORT]
    assert not unplaced, f"give these modules a layer in MAY_IMPORT: {unplaced}"
    bad = [
        line for module, source in _package_modules() for line in _upward_imports(module, source)
    ]
    assert not bad, "imports against the layer order:\n" + "\n".join(bad)


def test_the_allow_list_only_shrinks() -> None:
    """An exception nothing uses any more is removed from BELOW_THE_SERVICE."""
    imported = {
        (module, name)
        for module, source in _package_modules()
        for _line, name in _amity_imports(module, source)
    }
    unused = sorted(
        f"{module}: {name}"
        for module, names in BELOW_THE_SERVICE.items()
        for name in names
        if (module, name) not in imported
    )
    assert not unused, "remove from BELOW_THE_SERVICE, no longer imported: " + ", ".join(unused)


def test_the_layer_check_sees_an_upward_import() -> None:
    """The rule itself can fail: lazy, relative and cross-interface imports are all caught."""
    lazy = "def f():\n    from amity.store import people\n"
    assert _upward_imports("amity.engines.x", lazy) == [
        "amity.engines.x:2 (engines) imports amity.store.people (store)"
    ]
    assert _upward_imports("amity.model.x", "from ..engines import agenda\n") == [
        "amity.model.x:1 (model) imports amity.engines.agenda (engines)"
    ]
    assert _upward_imports("amity.web.x", "import amity.cli.render\n") == [
        "amity.web.x:1 (web) imports amity.cli.render (cli)"
    ]
    assert _upward_imports("amity.cli.x", "from amity.store import people\n") == [
        "amity.cli.x:1 (cli) imports amity.store.people (store)"
    ]
    assert _upward_imports("amity.errors", "from amity.model import Person\n")
    allowed = "from amity.errors import UsageError\nfrom amity.model import Circle\n"
    assert _upward_imports("amity.store.x", allowed) == []
    assert _upward_imports("amity.cli.x", allowed + "from amity.store import Store\n") == []


_SQL = re.compile(
    r"^\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WITH\s+\w+\s+AS)\b", re.I
)
# What an interface or the service may call on `store.db`: transactions and read boundaries,
# never a statement.
_DB_CALLS_OUTSIDE_THE_STORE = {"transaction", "end_read"}


def _sql_outside_the_store(module: str, source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _SQL.match(node.value):
                found.append(f"{module}:{node.lineno} SQL {node.value[:40]!r}")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "db"
            and node.attr not in _DB_CALLS_OUTSIDE_THE_STORE
        ):
            found.append(f"{module}:{node.lineno} calls .db.{node.attr}")
    return found


def test_every_sql_statement_lives_in_the_store() -> None:
    found = [
        line
        for module, source in _package_modules()
        if not module.startswith("amity.store")
        for line in _sql_outside_the_store(module, source)
    ]
    assert not found, "SQL belongs in amity.store:\n" + "\n".join(found)


def test_the_sql_check_sees_a_statement_and_a_query_call() -> None:
    source = 'def f(store):\n    return store.db.query(f"SELECT id FROM person WHERE x = {1}")\n'
    found = _sql_outside_the_store("amity.service.example", source)
    assert any(".db.query" in line for line in found)
    assert any("SQL" in line for line in found)
