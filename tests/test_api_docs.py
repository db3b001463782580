"""Every example in docs/api.md runs, and prints exactly what the page says it prints.

A ```python block is run on its own (a fresh namespace, in an empty temporary AMITY_HOME
with AMITY_TODAY fixed); the ```output block right after it, if any, is what it must print,
character for character. A block with no output block must print nothing.
"""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
_BLOCK = re.compile(
    r"^```python\n(?P<code>.*?)^```\n(?:\n*^```output\n(?P<output>.*?)^```\n)?",
    re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class Example:
    line: int
    code: str
    output: str


def examples(text: str) -> list[Example]:
    return [
        Example(
            text.count("\n", 0, match.start()) + 1,
            match.group("code"),
            match.group("output") or "",
        )
        for match in _BLOCK.finditer(text)
    ]


EXAMPLES = examples(DOC.read_text(encoding="utf-8"))


def test_the_page_has_examples_and_every_python_block_is_run() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert len(EXAMPLES) >= 3
    assert text.count("```python\n") == len(EXAMPLES)  # no block the pattern missed
    assert text.count("```output\n") == sum(1 for e in EXAMPLES if e.output)


def test_the_first_example_is_the_ten_line_script() -> None:
    script = EXAMPLES[0].code
    lines = [line for line in script.splitlines() if line.strip()]
    assert len(lines) <= 12, "the first script is meant to be short enough to read at once"
    for name in ("open_home", "add_person", "met", "today", "search"):
        assert f"amity.{name}(" in script


def test_the_extractor_sees_an_output_block_only_right_after_its_code() -> None:
    page = "```python\nprint(1)\n```\n\n```output\n1\n```\n\ntext\n\n```python\npass\n```\n"
    assert [(e.code, e.output) for e in examples(page)] == [("print(1)\n", "1\n"), ("pass\n", "")]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"line-{e.line}")
def test_example_runs_and_prints_what_the_page_says(
    example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AMITY_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("AMITY_TODAY", "2026-11-23")
    monkeypatch.delenv("AMITY_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = compile(example.code, f"{DOC.name}:{example.line}", "exec")
        exec(code, {"__name__": "__doc__"})  # noqa: S102 - running the page's own examples
    assert printed.getvalue() == example.output


def test_every_function_the_api_exports_is_on_the_page() -> None:
    import inspect

    from amity import api

    text = DOC.read_text(encoding="utf-8")
    functions = [n for n in api.__all__ if inspect.isfunction(getattr(api, n))]
    missing = [name for name in functions if f"`{name}(" not in text]
    assert not missing, f"docs/api.md does not describe {missing}"
    results = [n for n in api.__all__ if inspect.isclass(getattr(api, n))]
    unnamed = [name for name in results if not re.search(rf"\b{name}\b", text)]
    assert not unnamed, f"docs/api.md never names {unnamed}"
