"""Typed forms: a dataclass of text fields becomes a FastAPI dependency reading the form.

FastAPI reads form models only from pydantic; the pages use plain dataclasses (the same
object is the template's context when a form comes back with an error), so `form_of`
builds the dependency's signature from the dataclass's fields.

Lengths are checked by the handler (`check_lengths`, `check_form`), not by FastAPI: a field
that is too long then brings the form back with everything typed, instead of a bare 422
page. (The app's front door caps a whole body at 1 MB.)
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import MISSING, fields
from typing import Any, TypeVar

from fastapi import Form

from amity.errors import UsageError

T = TypeVar("T")
MAX_FIELD = 5000


def form_of(cls: type[T]) -> Callable[..., T]:
    """A dependency building `cls` from the posted form; str and bool fields only."""
    params = []
    for f in fields(cls):  # type: ignore[arg-type]
        kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", "")
        if kind not in ("str", "bool"):
            continue
        default = f.default if f.default is not MISSING else ""
        annotation = str if kind == "str" else bool
        params.append(
            inspect.Parameter(
                f.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=Form(default),
                annotation=annotation,
            )
        )

    def build(**values: Any) -> T:
        return cls(**values)

    build.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    build.__name__ = f"{cls.__name__}_form"
    return build


def check_lengths(limit: int = MAX_FIELD, /, **values: str) -> None:
    """A UsageError naming the first field longer than `limit` characters."""
    for name, value in values.items():
        if len(value) > limit:
            shown = name.replace("_", " ")
            raise UsageError(f"the {shown} is longer than {limit} characters; shorten it")


def check_form(form: Any) -> None:
    """`check_lengths` over every text field of a form dataclass."""
    check_lengths(
        **{f.name: v for f in fields(form) if isinstance(v := getattr(form, f.name), str)}
    )
