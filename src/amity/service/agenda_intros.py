"""The agenda's introductions: a step that is yours (ask A, ask B, write the introduction),
a nudge when an answer has been out a week, and asking how it went two weeks after.

Only introductions between two living people (neither archived nor in the trash) count.
Each item is keyed `intro:ID:STATE` (`amity.engines.introductions.agenda_item`), so `amity
done` and `amity snooze` act on that step alone; recording the step itself (`amity intro
asked ID`, ...) moves the introduction on, and the next step is a new item.
"""

from __future__ import annotations

from datetime import date

from amity.engines.agenda import AgendaItem
from amity.engines.introductions import Pair, agenda_item
from amity.store import Store
from amity.store import introductions as intro_store


def introduction_items(store: Store, today: date) -> list[AgendaItem]:
    """Today's items of the open introductions (one indexed read)."""
    items = []
    for row in intro_store.waiting(store):
        item = agenda_item(
            intro_store.to_introduction(row),
            Pair(str(row["a_name"]), str(row["b_name"])),
            today,
            strength_a=int(row["a_strength"] or 0),
            strength_b=int(row["b_strength"] or 0),
        )
        if item is not None:
            items.append(item)
    return items


def introduction_draft(store: Store, key: str, today: date) -> str | None:
    """The draft an introduction's agenda item needs (the ask, the nudge, the introduction,
    the thank-you), for a key `intro:ID:STATE` whose introduction still stands at STATE;
    None for any other key. For the agenda's drafts: `today_view` drafts a check-in for an
    item it does not know, and can ask this first."""
    prefix, _, rest = key.partition(":")
    number, _, state = rest.partition(":")
    if prefix != "intro" or not number.isdecimal():
        return None
    from amity.errors import NotFound
    from amity.service.introductions import draft_for, get

    try:
        if get(store, int(number), today=today).state.value != state:
            return None
        return draft_for(store, int(number), today).text
    except NotFound:
        return None
