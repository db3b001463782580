"""An imported draft made storable before it is compared or written.

A file may hold anything: NUL bytes, control characters, a 10,000-character name. What an
import stores must fit the limits of `amity.model.limits`, as what a person types does, so
the home can always be backed up, restored (on SQLite or PostgreSQL) and shown. The name is
fitted (spaces collapsed, cut to `NAME_MAX`, never empty), an organisation or a tag is cut to
`INDEXED_MAX` (PostgreSQL indexes them); every other text loses only the characters no store
can hold. A contact point keeps its whole value; what it is matched by is cut (see
`amity.engines.contact_points.normalize`).
"""

from __future__ import annotations

from dataclasses import replace

from amity.model import ContactDraft, PersonDraft
from amity.model.limits import (
    INDEXED_MAX,
    NAME_MAX,
    fit_indexed,
    fit_name,
    is_storable,
    storable,
)

_TEXT = ("given_name", "family_name", "nickname", "headline", "location", "how_met", "about")


def fit_draft(draft: PersonDraft) -> PersonDraft:
    """The draft with every text storable: itself when it already is (the common case,
    checked in one pass), else a fitted copy."""
    return draft if _fits(draft) else _fitted(draft)


def _fits(draft: PersonDraft) -> bool:
    name = draft.name
    if not name or len(name) > NAME_MAX or name != " ".join(name.split()):
        return False
    indexed = [p.organization for p in draft.positions] + draft.tags
    if any(len(value) > INDEXED_MAX for value in indexed):
        return False
    texts = [name, *indexed, *(getattr(draft, f) for f in _TEXT), *draft.extra]
    texts += [p.title for p in draft.positions]
    texts += [part for c in draft.contacts for part in (c.value, c.label)]
    return is_storable("\n".join(texts))


def _fitted(draft: PersonDraft) -> PersonDraft:
    fallback = next((c.value for c in draft.contacts if c.value.strip()), "")
    fitted = replace(
        draft,
        name=fit_name(draft.name, fallback),
        contacts=[
            ContactDraft(c.kind, storable(c.value), storable(c.label)) for c in draft.contacts
        ],
        positions=[
            replace(p, organization=fit_indexed(p.organization), title=storable(p.title))
            for p in draft.positions
        ],
        tags=[fit_indexed(t) for t in draft.tags],
        extra=[storable(line) for line in draft.extra],
    )
    for name in _TEXT:
        setattr(fitted, name, storable(getattr(draft, name)))
    return fitted
