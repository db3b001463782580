"""Which source record an imported draft is.

A record's identity is what its source says about who it is: a vCard's UID, else an email
or a profile URL (the readers in `amity.io` put that in `source_key`). A record that says
nothing of the kind (a name, an organisation, notes) is known by its whole content, so two
strangers called Ana Lima stay two people, in one file and across files, and "unchanged"
means the same content, never the same name.

The price of content identity: such a record, edited in its source, looks new on the next
import. The importer's sure match (same phone, LinkedIn profile or birthday, with the same
name) then puts it back on the same person; without any of those, `amity dedupe` shows the
pair for review. That is chosen over guessing from a name.

Within one file, a second record under a key already taken is kept too: with other
content, under the key plus a digest of its content (so the order of the rows does not
matter); with the very same content, as the same record when the key is an identity, and as
a second person when it is only content (an export of two indistinguishable people must
come back as two).
"""

from __future__ import annotations

import hashlib

from amity.engines.contact_points import name_key, normalize_phone
from amity.model import ContactKind, PersonDraft
from amity.model.limits import indexable_key

CONTENT = "content:"


def content_key(digest: str) -> str:
    return f"{CONTENT}{digest}"


class RecordKeys:
    """The keys one import has given out, and what each was given to."""

    def __init__(self) -> None:
        self._digests: dict[str, str] = {}
        self._people: dict[str, int | None] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._digests

    def claim(self, draft: PersonDraft, digest: str) -> str | None:
        """The key to store this record under; None when this very record came earlier."""
        key = indexable_key(draft.source_key) or content_key(digest)
        if key in self._digests:
            if draft.source_key and self._digests[key] == digest:
                return None
            base = key if self._digests[key] == digest else f"{key}#{digest[:16]}"
            key, n = base, 1
            while key in self._digests:
                n += 1
                key = f"{base}#{n}"
        self._digests[key] = digest
        return key

    def landed(self, key: str, person_id: int | None) -> None:
        self._people[key] = person_id

    def person_of(self, draft: PersonDraft, digest: str) -> int | None:
        """The person an earlier copy of this very record landed on."""
        return self._people.get(indexable_key(draft.source_key) or content_key(digest))


def legacy_key(draft: PersonDraft) -> str | None:
    """The key Amity gave this record before identity was UID, email, URL or content.

    A home imported with an older Amity finds its records again through it, so importing
    the same file after an upgrade still changes nothing."""
    if draft.source == "vcard":  # was: the UID, else a hash of the name and first contact
        first = _first(draft, ContactKind.EMAIL, ContactKind.PHONE)
        digest = hashlib.sha256(f"{draft.name}\x1f{first}".encode()).hexdigest()[:20]
        return f"sha256:{digest}"
    if draft.source in ("google", "outlook"):  # was: the email, else the phone, else the name
        if _first(draft, ContactKind.EMAIL):
            return None
        phone = normalize_phone(_first(draft, ContactKind.PHONE))
        return phone or f"name:{name_key(draft.name)}"
    if draft.source == "linkedin" and not draft.source_key:  # was: name and company
        company = draft.positions[0].organization if draft.positions else ""
        return f"name:{name_key(draft.name)}|{name_key(company)}"
    return None


def _first(draft: PersonDraft, *kinds: ContactKind) -> str:
    return next((c.value for c in draft.contacts if c.kind in kinds), "")
