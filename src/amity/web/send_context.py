"""What the send buttons and avatars of a page need: the links for each draft, in the
person's order, and the version of each person's photo (initials when there is none)."""

from __future__ import annotations

from collections.abc import Sequence

from amity.service.agenda_types import TodayView
from amity.service.person_facts import Draft
from amity.service.photos import photo_versions
from amity.service.sending import SendLink, reach_of, send_links, subject_for
from amity.store import Store

Sends = dict[int, tuple[SendLink, ...]]


def agenda_sends(store: Store, view: TodayView) -> Sends:
    """The send links of each open item with a draft, by the item's number."""
    drafted = [item for item in view.items if item.draft and item.is_open]
    reach = reach_of(store, [item.person_id for item in drafted])
    return {
        item.number: send_links(
            reach[item.person_id], subject_for(_kind(item.key, item.kind)), item.draft
        )
        for item in drafted
    }


def _kind(key: str, kind: str) -> str:
    return "intro" if key.startswith("intro:") else kind


def person_sends(store: Store, person_id: int, drafts: Sequence[Draft]) -> Sends:
    """The send links of each of the person page's drafts, by its place (from 1)."""
    reach = reach_of(store, [person_id])[person_id]
    return {
        n: send_links(reach, subject_for(draft.kind), draft.text)
        for n, draft in enumerate(drafts, start=1)
        if draft.text
    }


def avatars(store: Store, person_ids: Sequence[int]) -> dict[int, str]:
    return photo_versions(store, person_ids)
