"""Adding, editing, finding, forgetting people."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from amity.engines.dates import parse_birthday
from amity.errors import NotFound, UsageError
from amity.model import Birthday, Circle, ContactKind, ContactPoint, Person, Position
from amity.model.limits import cadence_problem, indexed_problem, is_storable, name_problem
from amity.service.choices import parse_choice
from amity.service.relationships import refresh_people
from amity.service.resolve import resolve_person, similar_names
from amity.store import Store, people_query
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


@dataclass(frozen=True, slots=True)
class PersonChanges:
    """What `edit_person` changes: a field left None (a list left empty) stays as it is.

    Free text (the name, notes, a company, tags, emails and phones) is checked by
    `edit_person`; `read_changes` turns the CLI's and the web's options into this."""

    name: str | None = None
    nickname: str | None = None
    headline: str | None = None
    location: str | None = None
    circle: Circle | None = None
    every: int | None = None  # days between check-ins; 0 goes back to the circle's default
    birthday: Birthday | None = None
    clear_birthday: bool = False
    how_met: str | None = None
    where_met: str | None = None
    met_through: int | None = None  # the id of the person who introduced you
    about: str | None = None
    needs: str | None = None
    offers: str | None = None
    interests: str | None = None
    company: str | None = None  # a new current company (the old job ends)
    title: str | None = None  # the current job's title
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    archived: bool | None = None


_NOTES: tuple[str, ...] = ("nickname", "headline", "location", "how_met", "where_met")
_NOTES += ("about", "needs", "offers", "interests")  # free text, stored as typed
_LISTS = {"email": "emails", "phone": "phones", "add_tag": "add_tags", "remove_tag": "remove_tags"}


def read_changes(store: Store, options: Mapping[str, object]) -> PersonChanges:
    """`--field value` options as `amity edit` and the web's editor name them (`every`,
    `add_tag`, `birthday` 'none' to clear it, `met_through` a name or an id), typed.

    The one place the edit vocabulary is read from text, so both say the same on bad input;
    None leaves a field as it is."""
    typed: dict[str, Any] = {}
    for key, value in options.items():
        if value is None:
            continue
        if key in _LISTS:
            values = value if isinstance(value, list | tuple) else [value]
            typed[_LISTS[key]] = tuple(str(v) for v in values)
        elif key == "circle":
            typed["circle"] = parse_circle(str(value))
        elif key == "every":
            typed["every"] = int(str(value))
        elif key == "birthday":
            if str(value).strip().lower() in ("", "none"):
                typed["clear_birthday"] = True
            else:
                typed["birthday"] = parse_birthday(str(value))
        elif key == "met_through":
            typed["met_through"] = resolve_person(store, str(value))[0]
        elif key == "archived":
            typed["archived"] = bool(value)
        elif key in ("name", "company", "title", *_NOTES):
            typed[key] = str(value)
        else:
            raise UsageError(f"unknown field {key!r}")
    return PersonChanges(**typed)


def edit_person(store: Store, person_id: int, changes: PersonChanges, today: date) -> None:
    """Apply the changes, all or nothing, after checking every one."""
    _named(store, person_id)
    if changes.met_through is not None:
        _named(store, changes.met_through)
    fields = _fields(changes)
    tags_add = [_short(t, "a tag") for t in changes.add_tags]
    if changes.company:
        _short(changes.company, "a company")
    emails = [check_email(e) for e in changes.emails]
    phones = [check_phone(p) for p in changes.phones]
    company, title = changes.company, changes.title
    if not (fields or tags_add or changes.remove_tags or emails or phones or company or title):
        raise UsageError("nothing to change; give at least one --field value")
    with store.db.transaction():
        people_store.update_person(store, person_id, fields)
        people_store.add_tags(store, person_id, tags_add)
        people_store.remove_tags(store, person_id, list(changes.remove_tags))
        for e in emails:
            people_store.add_contact_point(store, person_id, ContactKind.EMAIL, e)
        for p in phones:
            people_store.add_contact_point(store, person_id, ContactKind.PHONE, p)
        if company or title:
            _change_job(store, person_id, company, title, today)
        if {"circle", "cadence_days", "archived"} & set(fields):
            refresh_people(store, [person_id], today)
        people_store.reindex_person(store, person_id)


def _fields(changes: PersonChanges) -> dict[str, object]:
    """The person's own columns that change, checked."""
    fields: dict[str, object] = {}
    if changes.name is not None:
        fields["name"] = clean_name(changes.name)
    for key in _NOTES:
        value = getattr(changes, key)
        if value is not None:
            fields[key] = _text(value, f"--{key.replace('_', '-')}")
    if changes.circle is not None:
        fields["circle"] = changes.circle.value
    if changes.every is not None:
        fields["cadence_days"] = parse_cadence(changes.every) if changes.every else None
    if changes.clear_birthday:
        fields |= {"birthday_month": None, "birthday_day": None, "birthday_year": None}
    elif (b := changes.birthday) is not None:
        fields |= {"birthday_month": b.month, "birthday_day": b.day, "birthday_year": b.year}
    if changes.met_through is not None:
        fields["met_through_id"] = changes.met_through
    if changes.archived is not None:
        fields["archived"] = changes.archived
    return fields


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


def _named(store: Store, person_id: int, *, deleted: bool = False) -> str:
    """The name of the person with this id (in the trash with `deleted`); NotFound if none."""
    row = people_query.by_id(store, person_id, deleted=deleted)
    if row is None:
        raise NotFound(f"no person has id {person_id}")
    return str(row["name"])


def forget_person(store: Store, person_id: int, today: date) -> str:
    """Move someone to the trash; returns their name."""
    name = _named(store, person_id)
    with store.db.transaction():
        # The trash counts real days (as its purge does): a what-if `today` in the past
        # must not make someone expire sooner.
        people_store.set_deleted(store, person_id, date.today())
        refresh_people(store, [person_id], today)
    return name


def resolve_forgotten(store: Store, who: str) -> tuple[int, str]:
    """The one person in the trash `who` names (as `resolve_person` reads text); for
    someone who was never forgotten, say so rather than "not found"."""
    try:
        return resolve_person(store, who, deleted=True)
    except NotFound:
        _refuse_if_present(store, who)
        raise


def _refuse_if_present(store: Store, who: str) -> None:
    try:
        person_id, name = resolve_person(store, who)
    except UsageError:
        return
    raise NotFound(f"{name} (#{person_id}) is not in the trash; nothing to bring back")


def unforget_person(store: Store, person_id: int, today: date) -> str:
    """Bring someone back from the trash; returns their name."""
    name = _named(store, person_id, deleted=True)
    with store.db.transaction():
        people_store.set_deleted(store, person_id, None)
        refresh_people(store, [person_id], today)
    return name


def people_count(store: Store) -> int:
    """Everyone the home holds, the trash and the archive included."""
    return people_store.count_people(store)


def all_tags(store: Store) -> list[str]:
    """The account's tag names, alphabetically (the first 500)."""
    return tags_store.tag_names(store)
