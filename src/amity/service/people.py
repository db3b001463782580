"""Adding, editing, finding, forgetting people."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from amity.engines.dates import parse_birthday
from amity.errors import NotFound, UsageError
from amity.model import Circle, ContactKind, ContactPoint, Person, Position
from amity.model.limits import cadence_problem, indexed_problem, is_storable, name_problem
from amity.service.choices import parse_choice
from amity.service.relationships import refresh_people
from amity.service.resolve import resolve_person, similar_names
from amity.store import Store
from amity.store import people as people_store
from amity.store import tags as tags_store

CIRCLES = ", ".join(c.value for c in Circle)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(slots=True)
class NewPerson:
    name: str
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    company: str = ""
    title: str = ""
    tags: list[str] = field(default_factory=list)
    circle: str | None = None
    every: int | None = None
    how_met: str = ""
    where_met: str = ""
    met_through: str | None = None
    birthday: str | None = None


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if problem := name_problem(cleaned):
        raise UsageError(problem)
    return cleaned


def parse_circle(text: str) -> Circle:
    return parse_choice(Circle, text, "circle")


def parse_cadence(days: int) -> int:
    if problem := cadence_problem(days):
        raise UsageError(f"--every {problem}")
    return days


def check_email(value: str) -> str:
    if not _EMAIL.match(value.strip()):
        raise UsageError(f"{value!r:.80} is not an email address; expected name@example.org")
    return _short(value.strip(), "an email address")


def check_phone(value: str) -> str:
    if sum(ch.isdigit() for ch in value) < 3:
        raise UsageError(f"{value!r:.80} is not a phone number")
    return _short(value.strip(), "a phone number")


def _text(value: str, what: str) -> str:
    """Free text as typed, without what no store can hold (refused, not silently dropped)."""
    if not is_storable(value):
        raise UsageError(f"{what} cannot hold control characters or invalid text")
    return value.strip()


def _short(value: str, what: str) -> str:
    """A value stored in an indexed column, within `amity.model.limits`."""
    if problem := indexed_problem(value, what):
        raise UsageError(problem)
    return _text(value, what)


def build_person(store: Store, new: NewPerson) -> Person:
    """Validate everything the user typed before anything is written."""
    person = Person(
        name=clean_name(new.name),
        how_met=_text(new.how_met, "--how-met"),
        where_met=_text(new.where_met, "--where-met"),
    )
    if new.circle:
        person.circle = parse_circle(new.circle)
    if new.every is not None:
        person.cadence_days = parse_cadence(new.every)
    if new.birthday:
        person.birthday = parse_birthday(new.birthday)
    if new.met_through:
        person.met_through_id = resolve_person(store, new.met_through)[0]
    parts = person.name.split(" ")
    person.given_name = parts[0]
    person.family_name = " ".join(parts[1:])
    person.contact_points = [
        ContactPoint(ContactKind.EMAIL, check_email(e), "") for e in new.emails
    ] + [ContactPoint(ContactKind.PHONE, check_phone(p), "") for p in new.phones]
    if new.company.strip():
        company = _short(new.company.strip(), "a company")
        person.positions = [Position(company, new.title.strip())]
    elif new.title.strip():
        raise UsageError("--title needs --company")
    person.tags = [_short(t.strip().lower(), "a tag") for t in new.tags if t.strip()]
    return person


def add_person(store: Store, new: NewPerson, today: date) -> tuple[int, list[tuple[int, str]]]:
    """Add someone; return their id and existing people with a very similar name."""
    person = build_person(store, new)
    similar = similar_names(store, person.name)
    with store.db.transaction():
        person_id = people_store.insert_person(store, person, today)
        people_store.reindex_person(store, person_id)
    return person_id, similar


# -- edit ---------------------------------------------------------------------------


def edit_person(store: Store, who: str, changes: dict[str, Any], today: date) -> int:
    """Apply `--field value` edits. Keys are option names; values already typed by the CLI."""
    person_id, _ = resolve_person(store, who)
    fields: dict[str, Any] = {}
    tags_add = [_short(t, "a tag") for t in changes.pop("add_tag", []) or []]
    tags_remove: list[str] = changes.pop("remove_tag", []) or []
    emails: list[str] = changes.pop("email", []) or []
    phones: list[str] = changes.pop("phone", []) or []
    company = changes.pop("company", None)
    if company:
        _short(company, "a company")
    title = changes.pop("title", None)
    for key, value in changes.items():
        if value is None:
            continue
        fields.update(_edit_field(store, key, value))
    emails = [check_email(e) for e in emails]
    phones = [check_phone(p) for p in phones]
    if not (fields or tags_add or tags_remove or emails or phones or company or title):
        raise UsageError("nothing to change; give at least one --field value")
    with store.db.transaction():
        people_store.update_person(store, person_id, fields)
        people_store.add_tags(store, person_id, tags_add)
        people_store.remove_tags(store, person_id, tags_remove)
        for e in emails:
            people_store.add_contact_point(store, person_id, ContactKind.EMAIL, e)
        for p in phones:
            people_store.add_contact_point(store, person_id, ContactKind.PHONE, p)
        if company or title:
            _change_job(store, person_id, company, title, today)
        if {"circle", "cadence_days", "archived"} & set(fields):
            refresh_people(store, [person_id], today)
        people_store.reindex_person(store, person_id)
    return person_id


def _edit_field(store: Store, key: str, value: Any) -> dict[str, Any]:
    if key == "name":
        return {"name": clean_name(str(value))}
    if key == "circle":
        return {"circle": parse_circle(str(value)).value}
    if key == "every":
        return {"cadence_days": parse_cadence(int(value)) if int(value) else None}
    if key == "birthday":
        if str(value).strip().lower() in ("", "none"):
            return {"birthday_month": None, "birthday_day": None, "birthday_year": None}
        b = parse_birthday(str(value))
        return {"birthday_month": b.month, "birthday_day": b.day, "birthday_year": b.year}
    if key == "met_through":
        return {"met_through_id": resolve_person(store, str(value))[0]}
    if key == "archived":
        return {"archived": bool(value)}
    if key in people_store.EDITABLE:
        return {key: _text(str(value), f"--{key.replace('_', '-')}")}
    raise UsageError(f"unknown field {key!r}")


def _change_job(
    store: Store, person_id: int, company: str | None, title: str | None, today: date
) -> None:
    person = people_store.load_person(store, person_id)
    current = person.current_position if person else None
    if current and current.id is not None and (company is None or company == current.organization):
        people_store.set_position_title(store, current.id, title or "")
        people_store.refresh_current_position(store, person_id)
        return
    if current and current.id is not None:
        people_store.end_position(store, current.id, today)
    if not company:
        raise UsageError("--title needs --company when the person has no current job")
    people_store.add_position(store, person_id, Position(company, title or "", today))


# -- forget / unforget ------------------------------------------------------------------


def _refuse_if_present(store: Store, who: str) -> None:
    """`unforget` of someone who was never forgotten: say so, rather than "not found"."""
    try:
        person_id, name = resolve_person(store, who)
    except UsageError:
        return
    raise NotFound(f"{name} (#{person_id}) is not in the trash; nothing to bring back")


def forget_person(store: Store, who: str, today: date) -> tuple[int, str]:
    person_id, name = resolve_person(store, who)
    with store.db.transaction():
        # The trash counts real days (as its purge does): a what-if `today` in the past
        # must not make someone expire sooner.
        people_store.set_deleted(store, person_id, date.today())
        refresh_people(store, [person_id], today)
    return person_id, name


def unforget_person(store: Store, who: str, today: date) -> tuple[int, str]:
    try:
        person_id, name = resolve_person(store, who, deleted=True)
    except NotFound:
        _refuse_if_present(store, who)
        raise
    with store.db.transaction():
        people_store.set_deleted(store, person_id, None)
        refresh_people(store, [person_id], today)
    return person_id, name


def people_count(store: Store) -> int:
    """Everyone the home holds, the trash and the archive included."""
    return people_store.count_people(store)


def all_tags(store: Store) -> list[str]:
    """The account's tag names, alphabetically (the first 500)."""
    return tags_store.tag_names(store)
