"""People and what hangs off them: contact points, positions, tags."""

from __future__ import annotations

from datetime import date
from typing import Any

from amity.engines.contact_points import name_key, normalize
from amity.model import Birthday, Circle, ContactKind, ContactPoint, Person, Position
from amity.store.database import Row, as_date
from amity.store.handle import Store

# The columns a user may set directly (`amity edit --field value`).
EDITABLE = (
    "name",
    "given_name",
    "family_name",
    "nickname",
    "headline",
    "location",
    "how_met",
    "where_met",
    "circle",
    "cadence_days",
    "about",
    "needs",
    "offers",
    "interests",
    "archived",
    "met_through_id",
    "birthday_month",
    "birthday_day",
    "birthday_year",
)


# The person row's columns after `owner_id` (every INSERT names the account first).
PERSON_COLUMNS = (
    "name, name_key, given_name, family_name, nickname, headline, location, "
    "birthday_month, birthday_day, birthday_year, how_met, where_met, met_through_id, circle, "
    "cadence_days, about, needs, offers, interests, archived, created_on, organization, title"
)


def person_values(store: Store, person: Person, today: date) -> tuple[Any, ...]:
    """The person row's values, the owner first and then in PERSON_COLUMNS order (the
    current job included)."""
    bday = person.birthday
    current = person.current_position
    return (
        store.owner_id,
        person.name,
        name_key(person.name),
        person.given_name,
        person.family_name,
        person.nickname,
        person.headline,
        person.location,
        bday.month if bday else None,
        bday.day if bday else None,
        bday.year if bday else None,
        person.how_met,
        person.where_met,
        person.met_through_id,
        person.circle.value,
        person.cadence_days,
        person.about,
        person.needs,
        person.offers,
        person.interests,
        person.archived,
        (person.created_on or today).isoformat(),
        current.organization if current else "",
        current.title if current else "",
    )


def insert_person(store: Store, person: Person, today: date, *, details: bool = True) -> int:
    """Insert the person row (with their current job) and, unless `details` is off (the
    bulk path writes them itself), their contact points, positions and tags."""
    person_id = store.db.insert(
        f"INSERT INTO person (owner_id, {PERSON_COLUMNS}) VALUES ({', '.join('?' * 24)})",
        person_values(store, person, today),
    )
    if not details:
        return person_id
    for point in person.contact_points:
        add_contact_point(store, person_id, point.kind, point.value, point.label)
    for position in person.positions:
        add_position(store, person_id, position)
    if person.tags:
        add_tags(store, person_id, person.tags)
    return person_id


def update_person(store: Store, person_id: int, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE)
    if unknown:  # a programming error: the service validates user input first
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not fields:
        return
    values = dict(fields)
    if "name" in values:
        values["name_key"] = name_key(str(values["name"]))
    assignments = ", ".join(f"{column} = ?" for column in values)
    store.db.execute(
        f"UPDATE person SET {assignments} WHERE id = ? AND owner_id = ?",
        (*values.values(), person_id, store.owner_id),
    )


def add_contact_point(
    store: Store, person_id: int, kind: ContactKind, value: str, label: str = ""
) -> bool:
    """Add a contact point unless the person already has it; say whether it was added."""
    value = value.strip()
    if not value:
        return False
    normalized = normalize(kind, value)
    exists = store.db.scalar(
        "SELECT count(*) FROM contact_point WHERE person_id = ? AND +owner_id = ? AND kind = ? "
        "AND normalized = ?",
        (person_id, store.owner_id, kind.value, normalized),
    )
    if exists:
        return False
    store.db.execute(
        "INSERT INTO contact_point (owner_id, person_id, kind, value, normalized, label) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (store.owner_id, person_id, kind.value, value, normalized, label),
    )
    return True


def organization_id(store: Store, name: str) -> int:
    key = name_key(name)
    found = store.db.scalar(
        "SELECT id FROM organization WHERE owner_id = ? AND name_key = ?", (store.owner_id, key)
    )
    if found is not None:
        return int(found)
    return store.db.insert(
        "INSERT INTO organization (owner_id, name, name_key) VALUES (?, ?, ?)",
        (store.owner_id, name.strip(), key),
    )


def add_position(store: Store, person_id: int, position: Position) -> int:
    org_id = organization_id(store, position.organization)
    new_id = store.db.insert(
        "INSERT INTO position (owner_id, person_id, organization_id, title, start_on, end_on, "
        "source) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            store.owner_id,
            person_id,
            org_id,
            position.title,
            position.start.isoformat() if position.start else None,
            position.end.isoformat() if position.end else None,
            position.source,
        ),
    )
    refresh_current_position(store, person_id)
    return new_id


def end_position(store: Store, position_id: int, end: date) -> None:
    store.db.execute(
        "UPDATE position SET end_on = ? WHERE id = ? AND owner_id = ?",
        (end.isoformat(), position_id, store.owner_id),
    )


def refresh_current_position(store: Store, person_id: int) -> None:
    """Keep the denormalised organisation and title (for lists and filters) in step."""
    current = store.db.one(
        "SELECT o.name AS organization, p.title FROM position p "
        "JOIN organization o ON o.id = p.organization_id "
        "WHERE p.person_id = ? AND +p.owner_id = ? AND p.end_on IS NULL "
        "ORDER BY p.start_on IS NULL, p.start_on DESC, p.id DESC LIMIT 1",
        (person_id, store.owner_id),
    )
    store.db.execute(
        "UPDATE person SET organization = ?, title = ? WHERE id = ? AND owner_id = ?",
        (
            current["organization"] if current else "",
            current["title"] if current else "",
            person_id,
            store.owner_id,
        ),
    )


def tag_id(store: Store, name: str) -> int:
    found = store.db.scalar(
        "SELECT id FROM tag WHERE owner_id = ? AND name = ?", (store.owner_id, name)
    )
    if found is not None:
        return int(found)
    return store.db.insert("INSERT INTO tag (owner_id, name) VALUES (?, ?)", (store.owner_id, name))


def add_tags(store: Store, person_id: int, names: list[str]) -> None:
    for name in names:
        clean = name.strip().lower()
        if not clean:
            continue
        store.db.execute(
            "INSERT INTO person_tag (owner_id, person_id, tag_id) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (store.owner_id, person_id, tag_id(store, clean)),
        )


def remove_tags(store: Store, person_id: int, names: list[str]) -> None:
    for name in names:
        store.db.execute(
            "DELETE FROM person_tag WHERE person_id = ? AND tag_id IN "
            "(SELECT id FROM tag WHERE owner_id = ? AND name = ?)",
            (person_id, store.owner_id, name.strip().lower()),
        )


def set_deleted(store: Store, person_id: int, day: date | None) -> None:
    store.db.execute(
        "UPDATE person SET deleted_on = ? WHERE id = ? AND owner_id = ?",
        (day.isoformat() if day else None, person_id, store.owner_id),
    )


def delete_person(store: Store, person_id: int) -> None:
    """Remove a person for good, with the interactions no one else took part in."""
    from amity.store.search import delete_doc, delete_person_doc, interaction_doc_id

    solo = store.db.query(
        "SELECT ip.interaction_id AS id FROM interaction_participant ip WHERE ip.person_id = ? "
        "AND +ip.owner_id = ? AND NOT EXISTS (SELECT 1 FROM interaction_participant o "
        "WHERE o.interaction_id = ip.interaction_id AND o.person_id <> ip.person_id)",
        (person_id, store.owner_id),
    )
    for row in solo:
        delete_doc(store, interaction_doc_id(int(row["id"])))
        store.db.execute(
            "DELETE FROM interaction WHERE id = ? AND owner_id = ?", (row["id"], store.owner_id)
        )
    delete_person_doc(store, person_id)
    store.db.execute(
        "DELETE FROM person WHERE id = ? AND owner_id = ?", (person_id, store.owner_id)
    )


def load_person(store: Store, person_id: int, *, include_deleted: bool = False) -> Person | None:
    row = store.db.one(
        "SELECT * FROM person WHERE id = ? AND owner_id = ?"
        + ("" if include_deleted else " AND deleted_on IS NULL"),
        (person_id, store.owner_id),
    )
    if row is None:
        return None
    person = person_from_row(row)
    person.tags = tags_of(store, person_id)
    person.contact_points = [
        ContactPoint(ContactKind(r["kind"]), r["value"], r["normalized"], r["label"], r["id"])
        for r in store.db.query(
            "SELECT * FROM contact_point WHERE person_id = ? AND +owner_id = ? ORDER BY id",
            (person_id, store.owner_id),
        )
    ]
    person.positions = [
        Position(
            r["organization"],
            r["title"],
            as_date(r["start_on"]),
            as_date(r["end_on"]),
            r["source"],
            r["id"],
        )
        for r in store.db.query(
            "SELECT p.*, o.name AS organization FROM position p "
            "JOIN organization o ON o.id = p.organization_id WHERE p.person_id = ? "
            "AND +p.owner_id = ? ORDER BY p.start_on IS NULL, p.start_on, p.id",
            (person_id, store.owner_id),
        )
    ]
    return person


def person_from_row(row: Row) -> Person:
    month, day = row["birthday_month"], row["birthday_day"]
    return Person(
        name=row["name"],
        id=int(row["id"]),
        given_name=row["given_name"],
        family_name=row["family_name"],
        nickname=row["nickname"],
        headline=row["headline"],
        location=row["location"],
        birthday=Birthday(int(month), int(day), row["birthday_year"]) if month and day else None,
        how_met=row["how_met"],
        where_met=row["where_met"],
        met_through_id=row["met_through_id"],
        circle=Circle(row["circle"]),
        cadence_days=row["cadence_days"],
        about=row["about"],
        needs=row["needs"],
        offers=row["offers"],
        interests=row["interests"],
        archived=bool(row["archived"]),
        first_contact_on=as_date(row["first_contact_on"]),
        last_contact_on=as_date(row["last_contact_on"]),
        created_on=as_date(row["created_on"]),
    )


def tags_of(store: Store, person_id: int) -> list[str]:
    return [
        r["name"]
        for r in store.db.query(
            "SELECT t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
            "WHERE pt.person_id = ? AND +pt.owner_id = ? ORDER BY t.name",
            (person_id, store.owner_id),
        )
    ]


def reindex_person(store: Store, person_id: int) -> None:
    """Rewrite the person's search document from what is stored now."""
    from amity.store.search import person_doc_id, put_doc

    person = load_person(store, person_id, include_deleted=True)
    if person is None:
        return
    put_doc(store, person_doc_id(person_id), person_id, person_doc(person))


def person_doc(person: Person) -> str:
    """The text a person is found by: names, notes, jobs, tags, contact points."""
    parts = [
        person.name,
        person.nickname,
        person.headline,
        person.location,
        person.about,
        person.needs,
        person.offers,
        person.interests,
        person.how_met,
        person.where_met,
        " ".join(person.tags),
        " ".join(f"{p.organization} {p.title}" for p in person.positions),
        " ".join(c.value for c in person.contact_points if c.kind is not ContactKind.ADDRESS),
    ]
    return "\n".join(p for p in parts if p)


def count_people(store: Store) -> int:
    """Everyone the account holds, the trash and the archive included."""
    found = store.db.scalar("SELECT count(*) FROM person WHERE owner_id = ?", (store.owner_id,))
    return int(found or 0)


def person_row(store: Store, person_id: int) -> Row | None:
    """Every column of one person, maintained ones included (trash too)."""
    return store.db.one(
        "SELECT * FROM person WHERE owner_id = ? AND id = ?", (store.owner_id, person_id)
    )


def set_position_title(store: Store, position_id: int, title: str) -> None:
    store.db.execute(
        "UPDATE position SET title = ? WHERE owner_id = ? AND id = ?",
        (title, store.owner_id, position_id),
    )
