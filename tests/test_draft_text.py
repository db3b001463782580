"""The built-in drafts render the same through Amity's small renderer as through Jinja2."""

from __future__ import annotations

import itertools
from dataclasses import fields
from pathlib import Path

import jinja2
import pytest

from amity.engines.drafts import DraftContext
from amity.service.draft_text import Unsupported, render

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "amity" / "templates" / "drafts"
FIELDS = tuple(f.name for f in fields(DraftContext) if f.name not in ("kind", "tone", "event_kind"))
OPTIONAL = ("met", "topic", "signature", "gave", "closing_line", "sign_off")


def _contexts() -> list[dict[str, str]]:
    """Every combination of empty and filled fields the templates branch on."""
    out = []
    for tone, kind, filled in itertools.product(
        ("casual", "formal"), ("birthday", "new_job", ""), range(1 << len(OPTIONAL))
    ):
        values = {f: f"<{f}>" for f in FIELDS}
        for bit, name in enumerate(OPTIONAL):
            if not filled & (1 << bit):
                values[name] = ""
        values.update(tone=tone, event_kind=kind, kind="x")
        out.append(values)
    return out


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.j2")), ids=lambda p: p.name)
def test_builtin_templates_render_exactly_as_jinja2_does(template: Path) -> None:
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False)  # noqa: S701
    source = template.read_text(encoding="utf-8")
    compiled = env.from_string(source)
    for values in _contexts():
        assert render(source, values) == compiled.render(**values)


def test_whitespace_marks_and_branches() -> None:
    source = 'A {%- if x == "1" %} one{% else %} other{% endif -%}  \n B{{ y }}\n'
    assert render(source, {"x": "1", "y": "!"}) == "A oneB!"
    assert render(source, {"x": "2", "y": ""}) == "A otherB"


@pytest.mark.parametrize(
    "source", ["{% for x in y %}{% endfor %}", "{{ a|upper }}", "{% if a %}unclosed"]
)
def test_anything_else_is_left_to_jinja2(source: str) -> None:
    with pytest.raises(Unsupported):
        render(source, {"a": "", "y": ""})


def test_a_missing_value_is_an_error_not_a_blank() -> None:
    with pytest.raises(KeyError):
        render("Hi {{ nobody }}", {})
