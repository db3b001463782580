"""Amity's JSON backup: the whole account as one document, and back.

The document is `{"format": "amity-backup", "version": 1, "exported_for": {...},
"people": [...], "interactions": [...], ...}`: each person carries its tags, contact
points, positions and sources (provenance); each interaction its participants; every other
table is a list of rows. Rows are sorted by id and their keys follow the schema's column
order, so the same data always gives the same bytes, whichever engine it came from: dates
are ISO strings, flags are `true`/`false`, `owner_id` is left out (a backup is one account).

This module is pure: `build` turns rows into a document, `unpack` checks a document and
turns it back into rows, table by table, in an order that satisfies foreign keys.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.errors import UsageError
from amity.io.json_backup_columns import ACCOUNT, KINDS, Column, Table, is_id
from amity.io.json_backup_columns import TABLES as TABLES
from amity.io.json_backup_older import (
    LATER_COLUMNS,
    OPTIONAL_SECTIONS,
    RENAMED_VALUES,
    goal_targets_from_organizations,
)
from amity.model.limits import (
    birthday_problem,
    fit_indexed,
    fit_name,
    indexable_key,
    name_problem,
    setting_problem,
    storable,
)

FORMAT = "amity-backup"
VERSION = 1

Row = dict[str, Any]


# Top-level lists that are one table each: document key -> table.
PLAIN_SECTIONS: dict[str, str] = {
    "organizations": "organization",
    "tags": "tag",
    "ties": "tie",
    "reminders": "reminder",
    "reminder_deliveries": "reminder_delivery",
    "life_events": "life_event",
    "ledger": "ledger_entry",
    "events": "event",
    "event_attendance": "event_attendance",
    "goals": "goal",
    "goal_targets": "goal_target",
    "event_targets": "event_target",
    "event_goals": "event_goal",
    "photos": "person_photo",
    "opportunities": "opportunity",
    "referrals": "referral",
    "introductions": "introduction",
    "sources": "source_record",  # only those linked to no person; the rest sit in "people"
    "dismissed_pairs": "dismissed_pair",  # "not the same person" (`dedupe --dismiss`)
    "change_sets": "change_set",
}
# What each person carries: document key -> table (each row's person_id is the person).
PERSON_PARTS: dict[str, str] = {
    "contact_points": "contact_point",
    "positions": "position",
    "sources": "source_record",
}
SECTIONS = ("people", "interactions", *PLAIN_SECTIONS, "settings")

# --- rows -> document -----------------------------------------------------------------------


def build(account: Mapping[str, Any], tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> Row:
    """The backup document of one account, from its rows (as any engine returns them)."""
    rows = {name: _sorted(TABLES[name], tables.get(name, ())) for name in TABLES}
    document: Row = {
        "format": FORMAT,
        "version": VERSION,
        "exported_for": _clean(ACCOUNT, account),
        "people": _people(rows),
        "interactions": _interactions(rows),
    }
    for key, table in PLAIN_SECTIONS.items():
        found = rows[table]
        if table == "source_record":
            found = [r for r in found if r["person_id"] is None]
        document[key] = found
    document["settings"] = {r["key"]: _setting_value(r["value"]) for r in rows["setting"]}
    return document


def dumps(document: Mapping[str, Any]) -> str:
    """The document as text: UTF-8 friendly, indented, ending in a newline."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _sorted(table: Table, rows: Iterable[Mapping[str, Any]]) -> list[Row]:
    cleaned = [_clean(table, row) for row in rows]
    return sorted(cleaned, key=lambda r: tuple(r[c] for c in table.order_by))


def _clean(table: Table, row: Mapping[str, Any]) -> Row:
    return {c.name: _plain(c, row[c.name]) for c in table.columns}


def _plain(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "date":
        return _iso_date(value)
    if column.kind == "bool":
        return bool(value)
    if column.kind == "real":
        return float(value)
    if column.kind in ("int", "cadence"):
        return int(value)
    if column.kind == "base64":
        return base64.b64encode(bytes(value)).decode("ascii")
    text = storable(str(value))  # a NUL from SQLite would not restore on PostgreSQL
    if column.kind == "name" and name_problem(text):  # stored before the limits held
        return fit_name(text)
    if column.kind == "indexed":
        return fit_indexed(text)
    return text


def _iso_date(value: Any) -> str:
    """PostgreSQL returns `date`s, SQLite ISO text; both become `YYYY-MM-DD`."""
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)[:10]).isoformat()


def _people(rows: Mapping[str, list[Row]]) -> list[Row]:
    tag_names = {r["id"]: r["name"] for r in rows["tag"]}
    tags: dict[int, list[str]] = {}
    for link in rows["person_tag"]:
        tags.setdefault(link["person_id"], []).append(tag_names[link["tag_id"]])
    parts = {key: _by_person(rows[table]) for key, table in PERSON_PARTS.items()}
    people = []
    for person in rows["person"]:
        pid = person["id"]
        entry = dict(person)
        entry["tags"] = sorted(tags.get(pid, []))
        for key, grouped in parts.items():
            entry[key] = grouped.get(pid, [])
        people.append(entry)
    return people


def _by_person(rows: Iterable[Row]) -> dict[int, list[Row]]:
    grouped: dict[int, list[Row]] = {}
    for row in rows:
        if row["person_id"] is not None:
            rest = {k: v for k, v in row.items() if k != "person_id"}
            grouped.setdefault(row["person_id"], []).append(rest)
    return grouped


def _interactions(rows: Mapping[str, list[Row]]) -> list[Row]:
    participants: dict[int, list[int]] = {}
    for link in rows["interaction_participant"]:
        participants.setdefault(link["interaction_id"], []).append(link["person_id"])
    return [
        {**row, "participants": sorted(participants.get(row["id"], []))}
        for row in rows["interaction"]
    ]


def _setting_value(raw: str) -> Any:
    """Settings are stored as JSON text; the backup holds the values themselves."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw


# --- document -> rows -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Backup:
    """A checked backup: the account's fields and every table's rows, in insertion order."""

    account: Row
    tables: dict[str, list[Row]]

    def count(self, table: str) -> int:
        return len(self.tables.get(table, []))


def parse(text: str) -> Backup:
    """Read a backup's text; raises `UsageError` (one line) for anything else."""
    try:
        document = json.loads(text)
    except RecursionError:
        raise UsageError("not an Amity backup: its JSON is nested far too deeply") from None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        where = f" at line {line}" if line else ""
        raise UsageError(
            f"not an Amity backup: invalid JSON{where} (is the file complete?)"
        ) from None
    return unpack(document)


def unpack(document: Any) -> Backup:
    """Check a parsed document and turn it into rows; raises `UsageError` when it is wrong."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UsageError(f'not an Amity backup: no "format": "{FORMAT}"')
    if document.get("version") != VERSION:
        raise UsageError(
            f"unsupported Amity backup version {document.get('version')!r}; "
            f"this Amity reads version {VERSION}"
        )
    missing = [
        key
        for key in ("exported_for", *SECTIONS)
        if key not in document and key not in OPTIONAL_SECTIONS
    ]
    if missing:
        raise UsageError(
            f"not an Amity backup: {', '.join(missing)} missing (is the file complete?)"
        )
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    _unpack_people(document["people"], tables)
    _unpack_interactions(document["interactions"], tables)
    for key, table in PLAIN_SECTIONS.items():
        tables[table].extend(_rows(TABLES[table], document.get(key, []), key))
    _check_dismissed(tables)
    goal_targets_from_organizations(tables)
    tables["setting"] = _unpack_settings(document["settings"])
    tables["person_tag"] = _tag_links(document["people"], tables["tag"])
    account = _checked(ACCOUNT, document["exported_for"], "exported_for")
    return Backup(account, tables)


def _check_dismissed(tables: Mapping[str, list[Row]]) -> None:
    people = {row["id"] for row in tables["person"]}
    for n, row in enumerate(tables["dismissed_pair"]):
        a, b = row["person_a_id"], row["person_b_id"]
        if not (a < b and a in people and b in people):
            raise UsageError(
                f"not an Amity backup: dismissed_pairs[{n}] should name two of its people, "
                "the lower id first"
            )


def _rows(table: Table, items: Any, where: str, extra: Sequence[str] = ()) -> list[Row]:
    if not isinstance(items, list):
        raise UsageError(f"not an Amity backup: {where} should be a list")
    return [_checked(table, item, f"{where}[{n}]", extra) for n, item in enumerate(items)]


def _checked(table: Table, item: Any, where: str, extra: Sequence[str] = ()) -> Row:
    """One row with every column of `table` of the right type (and only those, plus `extra`)."""
    if not isinstance(item, dict):
        raise UsageError(f"not an Amity backup: {where} should be an object")
    unknown = sorted(set(item) - set(table.names) - set(extra))
    if unknown:
        raise UsageError(f"not an Amity backup: {where} has unknown field {unknown[0]!r}")
    row: Row = {}
    for column in table.columns:
        if column.name not in item and column.name in LATER_COLUMNS.get(table.name, {}):
            row[column.name] = LATER_COLUMNS[table.name][column.name]
            continue
        if column.name not in item:
            raise UsageError(f"not an Amity backup: {where} lacks {column.name!r}")
        value = item[column.name]
        renamed = RENAMED_VALUES.get((table.name, column.name))
        if renamed and isinstance(value, str):
            value = renamed.get(value, value)
        row[column.name] = _value(column, value, f"{where}.{column.name}")
    if table.name == "person":
        birthday = (row["birthday_month"], row["birthday_day"], row["birthday_year"])
        if problem := birthday_problem(*birthday):
            raise UsageError(f"not an Amity backup: {where}: {problem}")
    return row


def _value(column: Column, value: Any, where: str) -> Any:
    if value is None:
        if column.nullable:
            return None
        raise UsageError(f"not an Amity backup: {where} cannot be null")
    if isinstance(value, str) and column.kind != "date":
        value = storable(value)  # what no store can hold (NUL, lone surrogates) is dropped
        if column.kind == "key":
            value = indexable_key(value)
    fits, wanted = KINDS[column.kind]
    if not fits(value):
        raise UsageError(f"not an Amity backup: {where} should be {wanted}, not {value!r:.40}")
    if column.kind == "base64":
        return base64.b64decode(value.encode("ascii"))
    return float(value) if column.kind == "real" else value


def _unpack_people(items: Any, tables: dict[str, list[Row]]) -> None:
    extra = ("tags", *PERSON_PARTS)
    for n, person in enumerate(_rows(TABLES["person"], items, "people", extra)):
        tables["person"].append(person)
        raw = items[n]
        for key, table in PERSON_PARTS.items():
            part = TABLES[table]
            spec = Table(table, tuple(c for c in part.columns if c.name != "person_id"), ("id",))
            for row in _rows(spec, raw.get(key, []), f"people[{n}].{key}"):
                tables[table].append({**row, "person_id": person["id"]})


def _unpack_interactions(items: Any, tables: dict[str, list[Row]]) -> None:
    rows = _rows(TABLES["interaction"], items, "interactions", ("participants",))
    for n, row in enumerate(rows):
        tables["interaction"].append(row)
        people = items[n].get("participants", [])
        if not isinstance(people, list) or not all(is_id(p) for p in people):
            raise UsageError(f"not an Amity backup: interactions[{n}].participants is not ids")
        links = [{"interaction_id": row["id"], "person_id": p} for p in people]
        tables["interaction_participant"].extend(links)


def _tag_links(people: list[Any], tags: list[Row]) -> list[Row]:
    ids = {t["name"]: t["id"] for t in tags}
    links = []
    for n, person in enumerate(people):
        names = person.get("tags", [])
        if not isinstance(names, list):
            raise UsageError(f"not an Amity backup: people[{n}].tags should be a list")
        for name in names:
            if name not in ids:
                raise UsageError(f"not an Amity backup: people[{n}] has tag {name!r}, not in tags")
            links.append({"person_id": person["id"], "tag_id": ids[name]})
    return links


def _unpack_settings(settings: Any) -> list[Row]:
    if not isinstance(settings, dict):
        raise UsageError("not an Amity backup: settings should be an object")
    for key, value in settings.items():
        if problem := setting_problem(key, value):
            raise UsageError(f"not an Amity backup: settings.{key} {problem}")
    return [
        {"key": key, "value": json.dumps(value, sort_keys=True)}
        for key, value in sorted(settings.items())
    ]
