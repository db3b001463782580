"""What the Person page's buttons do: one click logs an interaction, a promise or a gift,
and the inline editor turns a form into `edit_person` changes. Thin calls of services,
each put in a sentence for the page."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from amity.errors import UsageError
from amity.model import InteractionKind, LedgerDirection
from amity.service import ledger
from amity.service.choices import parse_happened_on
from amity.service.interactions import Happening, log
from amity.service.people_views import PersonView
from amity.service.remind import promise
from amity.store import Store

INTERACTIONS = ("met", "coffee", "call", "video", "message", "email", "meeting")
LEDGER = {
    "gave": LedgerDirection.GAVE,
    "got": LedgerDirection.RECEIVED,
    "asked": LedgerDirection.ASKED,
}
WHATS = (*INTERACTIONS, "promise", *LEDGER)


def log_what(
    store: Store, person_id: int, what: str, note: str, on: str, kind: str, today: date
) -> str:
    """Record `what` happened with this person; return a sentence saying what was kept."""
    day_text = on.strip() or None
    if what in INTERACTIONS:
        logged = log(store, person_id, Happening(InteractionKind(what), day_text, note=note), today)
        due = f"; follow up by {logged.follow_up_due.isoformat()}" if logged.follow_up_due else ""
        return f"Logged a {what} with {logged.person_name}{due}."
    if what == "promise":
        made = promise(store, person_id, note, day_text, today)
        when = f" ({made.when})" if made.when else ""
        return f"Promise kept on your agenda: {note.strip()}{when}"
    if what in LEDGER:
        entry_kind, day = ledger.parse_ledger_kind(kind), parse_happened_on(day_text, today)
        entry = ledger.record(store, person_id, LEDGER[what], entry_kind, note, day, today)
        phrase = entry.balance.phrase
        balance = phrase[:1].upper() + phrase[1:]
        return f"Noted: {what} {entry.kind.value}, “{entry.what}”. {balance}."
    raise UsageError(f"unknown action {what!r}; expected one of {', '.join(WHATS)}")


@dataclass(slots=True)
class ProfileForm:
    """The inline editor's fields, as typed (kept on an error)."""

    name: str = ""
    nickname: str = ""
    headline: str = ""
    location: str = ""
    circle: str = ""
    every: str = ""
    birthday: str = ""
    company: str = ""
    title: str = ""
    tags: str = ""
    how_met: str = ""
    where_met: str = ""
    about: str = ""
    needs: str = ""
    offers: str = ""
    interests: str = ""
    email: str = ""
    phone: str = ""

    @classmethod
    def from_view(cls, view: PersonView) -> ProfileForm:
        form = cls()
        for f in fields(cls):
            value = getattr(view, f.name, None)
            if isinstance(value, str):
                setattr(form, f.name, value)
        form.circle = view.circle.value
        form.company = view.organization
        form.every = str(view.cadence_days or "")
        form.birthday = view.birthday or ""
        form.tags = ", ".join(view.tags)
        return form


def changes(view: PersonView, form: ProfileForm) -> dict[str, Any]:
    """Only what differs from the person now, in `edit_person`'s vocabulary."""
    before = ProfileForm.from_view(view)
    out: dict[str, Any] = {}
    for key in (
        "name",
        "nickname",
        "headline",
        "location",
        "how_met",
        "where_met",
        "about",
        "needs",
        "offers",
        "interests",
        "circle",
        "birthday",
    ):
        if getattr(form, key).strip() != getattr(before, key).strip():
            out[key] = getattr(form, key).strip() or ("none" if key == "birthday" else "")
    if form.every.strip() != before.every:
        if form.every.strip() and not form.every.strip().isdigit():
            raise UsageError(f"keep in touch every N days: {form.every!r} is not a number")
        out["every"] = int(form.every.strip() or 0)
    if form.company.strip() != before.company.strip():
        out["company"] = form.company.strip()
        out["title"] = form.title.strip()
    elif form.title.strip() != before.title.strip():
        out["title"] = form.title.strip()
    old, new = _tags(before.tags), _tags(form.tags)
    out["add_tag"], out["remove_tag"] = sorted(new - old), sorted(old - new)
    out["email"] = [form.email.strip()] if form.email.strip() else []
    out["phone"] = [form.phone.strip()] if form.phone.strip() else []
    return out


def _tags(text: str) -> set[str]:
    return {t.strip().lower() for t in text.split(",") if t.strip()}


def has_changes(change: dict[str, Any]) -> bool:
    return any(v not in ([], None) for v in change.values())
