"""numpy is for the path code only: the fast commands never load it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_architecture import _modules_after


def test_help_does_not_import_numpy() -> None:
    loaded = _modules_after(
        "from amity.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass"
    )
    assert "numpy" not in loaded


def test_today_does_not_import_numpy(tmp_path: Path) -> None:
    env = {**os.environ, "AMITY_HOME": str(tmp_path), "AMITY_TODAY": "2026-11-22"}
    env.pop("AMITY_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "amity", "demo"], env=env, check=True, capture_output=True
    )
    code = (
        "import os, contextlib, io\n"
        f"os.environ.update(AMITY_HOME={str(tmp_path)!r}, AMITY_TODAY='2026-11-22')\n"
        "os.environ.pop('AMITY_DATABASE_URL', None)\n"
        "from amity.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n        main(['today', '--json'])\n    except SystemExit:\n        pass\n"
        "assert out.getvalue().lstrip().startswith('{'), out.getvalue()\n"
    )
    assert "numpy" not in _modules_after(code)


def test_the_engines_package_does_not_import_numpy() -> None:
    assert "numpy" not in _modules_after("import amity.engines, amity.engines.strength")


def test_the_path_engine_does() -> None:
    assert "numpy" in _modules_after("import amity.engines.warm_paths")
