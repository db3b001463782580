"""An imported draft made storable before it is compared or written.

A file may hold anything: NUL bytes, control characters, a 10,000-character name. What an
import stores must fit the limits of `amity.model.limits`, as what a person types does, so
the home can always be backed up, restored (on SQLite or PostgreSQL) and shown. The name is
fitted (spaces collapsed, cut to `NAME_MAX`, never empty); every other text loses only the
characters no store can hold.
"""

from __future__ import annotations

from dataclasses import replace

from amity.model import ContactDraft, PersonDraft
from amity.model.limits import fit_name, storable

_TEXT = ("given_name", "family_name", "nickname", "headline", "location", "how_met", "about")


def fit_draft(draft: PersonDraft) -> PersonDraft:
    """A copy of the draft with every text storable."""
    fallback = next((c.value for c in draft.contacts if c.value.strip()), "")
    fitted = replace(
        draft,
        name=fit_name(draft.name, fallback),
        contacts=[
            ContactDraft(c.kind, storable(c.value), storable(c.label)) for c in draft.contacts
        ],
        positions=[
            replace(p, organization=storable(p.organization), title=storable(p.title))
            for p in draft.positions
        ],
        tags=[storable(t) for t in draft.tags],
        extra=[storable(line) for line in draft.extra],
    )
    for name in _TEXT:
        setattr(fitted, name, storable(getattr(draft, name)))
    return fitted
