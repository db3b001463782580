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
    # A database password is never printed: the redaction lives with the URL handling.
    "amity.cli": {"amity.store.database.redact"},
    "amity.cli.crash": {"amity.store.database.redact"},
    "amity.cli.setup": {"amity.store.database.redact"},
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


def _runtime_imports(module: str, source: str, modules: set[str]) -> set[str]:
    """Which of `modules` `module` imports when it runs (at the top or inside a function):
    `from amity.store.handle import Store` is `amity.store.handle`; an import under
    `if TYPE_CHECKING:` never runs and is left out."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = [ast.Pass()]
    found = set()
    for _line, name in _amity_imports(module, ast.unparse(tree)):
        while name not in modules and "." in name:
            name = name.rsplit(".", 1)[0]
        if name in modules and name != module:
            found.add(name)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle of `graph` once, as the modules along it from its smallest name."""
    found = []
    for start in sorted(graph):
        paths = [[start]]
        while paths:
            path = paths.pop()
            for following in sorted(graph.get(path[-1], set())):
                if following == start:
                    found.append([*path, start])
                elif following > start and following not in path:
                    paths.append([*path, following])
    return found


def test_no_import_cycle_between_store_modules() -> None:
    """Each store module can be read (and imported) on its own: none needs, even lazily, a
    module that needs it back. `Store` has its own module for that (`amity.store.handle`)."""
    sources = {
        module: source for module, source in _package_modules() if module.startswith("amity.store.")
    }
    graph = {
        module: _runtime_imports(module, source, set(sources)) for module, source in sources.items()
    }
    cycles = [" -> ".join(cycle) for cycle in _cycles(graph)]
    assert not cycles, "import cycles in amity.store:\n" + "\n".join(cycles)


def test_the_cycle_check_sees_a_lazy_cycle() -> None:
    """The old cycle: people imported `Store` from the module whose trash purge imported
    people's `delete_person` inside a function. A `TYPE_CHECKING` import is no cycle."""
    people = "from amity.store.session import Store\n"
    session = "def purge(store):\n    from amity.store.people import delete_person\n"
    hinted = "if TYPE_CHECKING:\n    from amity.store.people import delete_person\n"
    names = {"amity.store.people", "amity.store.session"}
    graph = {
        "amity.store.people": _runtime_imports("amity.store.people", people, names),
        "amity.store.session": _runtime_imports("amity.store.session", session, names),
    }
    assert _cycles(graph) == [["amity.store.people", "amity.store.session", "amity.store.people"]]
    assert _runtime_imports("amity.store.session", hinted, names) == set()


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


# -- Every store statement is scoped to its account (STYLE.md 16) ----------------------------
# A statement names `owner_id` where it picks or writes rows: in a WHERE or a JOIN, in an
# INSERT's columns, or through a row that does (`... IN (SELECT id FROM person WHERE
# owner_id = ?)`); a column of the SELECT list, or an UPDATE's SET, does not count.
# `+owner_id = ?` counts: it keeps the predicate and only stops SQLite from picking the
# owner's index over a better one. A statement is read as the module spells it: a string, a
# multi-line or f-string (its `{...}` parts left out) or strings joined with `+`.
_STATEMENT = re.compile(
    r"^\s*(SELECT|INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|WITH\s+(RECURSIVE\s+)?\w+)\b",
    re.I,
)
_OWNER = re.compile(r"\bowner_id\b")
Allowed = str | tuple[str, str]

# What cannot name an account, each with its reason: a pattern of the statement (true
# wherever the statement moves in the store) or the (module, function) that runs it. An
# entry nothing needs any more fails `test_the_account_allow_list_only_shrinks`.
UNSCOPED: dict[Allowed, str] = {
    # The account table itself: its id is the owner id (`WHERE id = ?` with it), and opening
    # a home finds or creates the account before there is one to name.
    r"\b(FROM|INTO|UPDATE)\s+account\b": "the account table",
    # Schema metadata: one per database, whoever's rows the tables hold.
    r"\bFROM\s+(sqlite_master|pg_tables|alembic_version)\b": "schema metadata",
    # FTS5's vocabulary (fts5vocab) counts the documents of every account and has no owner
    # column; it only picks how the search ranks, and the search itself names the account.
    r"\bFROM\s+search_vocab\b": "the search vocabulary",
    # The same count for a word the index keeps as it is, up to COMMON_DOCS + 1 documents
    # of every account (fts5vocab's would read all of them); and the stemmer's own private
    # in-memory table, which holds one query word and no account's rows.
    ("amity.store.search", "common"): "the search vocabulary",
    ("amity.store.search", "stems"): "the stemmer's in-memory table",
    # Ids are shared by every account: after a restore a PostgreSQL sequence moves past every
    # account's highest id, and an undo's high-water mark is the largest id of all (the
    # primary key answers it at once, and a later row of this account is above it too).
    ("amity.store.backup", "move_id_sequences"): "id sequences",
    ("amity.store.snapshots", "high_water_marks"): "largest ids",
    # A migration changes the schema of every account at once: 0007 puts every tie in pair
    # order before the unique index on (owner_id, person_a_id, person_b_id) is built; 0008
    # renames the introduction state `accepted` to `b_agreed` (and back, going down).
    ("amity.store.migrations.versions.0007_tie_state", "upgrade"): "a schema migration",
    ("amity.store.migrations.versions.0008_introductions_and_opportunities", "upgrade"): (
        "a schema migration"
    ),
    ("amity.store.migrations.versions.0008_introductions_and_opportunities", "downgrade"): (
        "a schema migration"
    ),
    # 0009 makes each goal's one target organisation its first company target (and back).
    ("amity.store.migrations.versions.0009_events_goals_phone", "upgrade"): "a schema migration",
    ("amity.store.migrations.versions.0009_events_goals_phone", "downgrade"): (
        "a schema migration"
    ),
    # 0010 copies each interaction's day onto its participant rows.
    ("amity.store.migrations.versions.0010_participant_days", "upgrade"): "a schema migration",
}


def _operands(node: ast.expr) -> list[ast.expr]:
    """The parts of `a + b + c`; an expression that is no sum is its own one part."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _operands(node.left) + _operands(node.right)
    return [node]


def _string_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(p.value if isinstance(p, ast.Constant) else "{}" for p in node.values)
    return None


def _store_statements(source: str) -> list[tuple[int, str, str]]:
    """(line, function, statement) for every SQL statement in a module's source."""
    found: list[tuple[int, str, str]] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        parts = _operands(node) if isinstance(node, ast.expr) else []
        texts = [_string_text(part) for part in parts]
        text = "".join("{}" if t is None else t for t in texts)
        if any(t is not None for t in texts) and _STATEMENT.match(text):
            found.append((getattr(node, "lineno", 0), function, text))
            for part, part_text in zip(parts, texts, strict=True):
                inner = part.values if isinstance(part, ast.JoinedStr) else [part]
                for value in inner:  # what is formatted or added in may hold a statement
                    if part_text is None or isinstance(value, ast.FormattedValue):
                        visit(value, function)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(ast.parse(source), "<module>")
    return found


def _names_the_account(statement: str) -> bool:
    text = " ".join(statement.split())
    if re.match(r"SELECT\b", text, re.I):
        text = re.sub(r"^SELECT\b.*?\bFROM\b", "FROM", text, count=1, flags=re.I)
    elif re.match(r"UPDATE\b", text, re.I):
        where = re.search(r"\bWHERE\b", text, re.I)
        text = text[where.start() :] if where else ""
    return bool(_OWNER.search(text))


def _allowed_by(module: str, function: str, statement: str) -> Allowed | None:
    for key in UNSCOPED:
        if key == (module, function) or (isinstance(key, str) and re.search(key, statement)):
            return key
    return None


def _unscoped_statements(module: str, source: str) -> list[tuple[str, Allowed | None]]:
    """Each statement that names no account: where it is, and the UNSCOPED entry that lets
    it pass (None: it fails)."""
    return [
        (
            f"{module}:{line} {function}: {' '.join(text.split())[:70]!r}",
            _allowed_by(module, function, text),
        )
        for line, function, text in _store_statements(source)
        if not _names_the_account(text)
    ]


def _store_modules() -> list[tuple[str, str]]:
    return [(m, s) for m, s in _package_modules() if m.split(".")[:2] == ["amity", "store"]]


def test_every_store_statement_names_its_account() -> None:
    found = [
        where
        for module, source in _store_modules()
        for where, allowed in _unscoped_statements(module, source)
        if allowed is None
    ]
    assert not found, "name owner_id (or add to UNSCOPED, with a reason):\n" + "\n".join(found)


def test_the_account_allow_list_only_shrinks() -> None:
    used = {
        allowed
        for module, source in _store_modules()
        for _where, allowed in _unscoped_statements(module, source)
    }
    unused = [str(key) for key in UNSCOPED if key not in used]
    assert not unused, "remove from UNSCOPED, no statement needs it: " + ", ".join(unused)


_UNSCOPED_EXAMPLE = '''
def f(store, table, ids):
    store.db.query("SELECT id FROM person WHERE id = ?", (1,))
    store.db.query("""
        SELECT owner_id, name
        FROM person
        WHERE id = ?""")
    store.db.execute(f"DELETE FROM {table} WHERE id IN ({ids})")
    store.db.execute("UPDATE person SET owner_id = ? " + "WHERE id = ?")
    store.db.query("SELECT p.id FROM person p WHERE p.id = ? AND +p.owner_id = ?")
    store.db.query(f"SELECT {table}.id FROM {table} WHERE owner_id = ?")
    store.db.execute("INSERT INTO tag (owner_id, name) VALUES (?, ?)")
    store.db.execute("DELETE FROM person_tag WHERE person_id IN "
                     "(SELECT id FROM person WHERE owner_id = ?)")
    store.db.query("SELECT id FROM person WHERE owner_id = ? AND id IN " + marks("SELECT 1"))
    store.db.scalar("SELECT min(id) FROM account")

def high_water_marks(store):
    store.db.scalar("SELECT max(id) FROM person")
'''


def test_the_account_check_sees_an_unscoped_statement() -> None:
    """The rule itself can fail: plain, multi-line, f- and joined strings are all read, and
    owner_id only in a SELECT list or an UPDATE's SET does not scope a statement."""
    found = _unscoped_statements("amity.store.snapshots", _UNSCOPED_EXAMPLE)
    assert [(where.split()[0].split(":")[1], allowed) for where, allowed in found] == [
        ("3", None),
        ("4", None),
        ("8", None),
        ("9", None),
        ("15", None),  # a statement inside a part that is added in
        ("16", r"\b(FROM|INTO|UPDATE)\s+account\b"),
        ("19", ("amity.store.snapshots", "high_water_marks")),
    ]
