"""Export an account (JSON backup, vCard, Google CSV) and restore a JSON backup.

`export_json` reads every table of the account; `restore` writes a backup into an empty
home in one transaction, keeping every id, then rebuilds the search index and, on
PostgreSQL, moves each id sequence past the restored ids. Derived person columns (last
contact, strength, ...) are restored as they were exported, so export → restore → export
gives the same bytes.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from amity.errors import AmityError, UsageError
from amity.io.contacts_csv_export import export_contacts_csv
from amity.io.json_backup import TABLES, Backup, build, dumps, parse, unpack
from amity.io.json_backup_columns import Table
from amity.io.vcard import VCardVersion, export_vcards
from amity.model import Person
from amity.model.wording import plural
from amity.store import Row, Store
from amity.store import backup as backup_store
from amity.store.people import count_people, load_person, reindex_person
from amity.store.people_query import living_ids
from amity.store.restore import check_payload
from amity.store.revision import REVISION_KEY
from amity.store.search import interaction_doc_id, put_doc
from amity.store.snapshots import parse_payload
from amity.store.ties import FRESH_KEY as TIES_FRESH_KEY

VCARD_VERSIONS: tuple[VCardVersion, ...] = ("3.0", "4.0")


# --- export ---------------------------------------------------------------------------------


def export_json(store: Store) -> dict[str, Any]:
    """The whole account as a backup document (see `amity.io.json_backup`). Deliberately
    untyped: the document is the file format itself, table by table, row by row."""
    account = backup_store.account_of(store)
    tables = {name: _rows_of(store, table) for name, table in TABLES.items()}
    # SMTP settings (with their password) live in config.toml; an older home may still
    # hold them in the database until its next settings write: never put them in a backup.
    # Nor the database's revision (`amity.store.revision`), which belongs to this database.
    # Nor when the inferred ties were last refreshed (`amity.service.ties`), the same.
    internal = ("smtp", REVISION_KEY, TIES_FRESH_KEY)
    tables["setting"] = [r for r in tables.get("setting", []) if r.get("key") not in internal]
    return build(account or {"name": "", "email": "", "created_at": ""}, tables)


def export_json_text(store: Store) -> str:
    """The backup document as the text `amity export json` writes (`amity.io.json_backup`)."""
    return dumps(export_json(store))


def _rows_of(store: Store, table: Table) -> list[Row]:
    return backup_store.rows_of(store, table.name, table.names, table.order_by)


def export_vcard(store: Store, version: str = "3.0") -> str:
    """Every person not in the trash as vCards, with the lines kept from vCard imports and
    each person's photo."""
    from amity.store.photos import every_photo

    chosen = _vcard_version(version)
    return export_vcards(exported_people(store), chosen, _vcard_extras(store), every_photo(store))


def _vcard_version(text: str) -> VCardVersion:
    for version in VCARD_VERSIONS:
        if text.strip() == version:
            return version
    raise UsageError(f"vCard version must be 3.0 or 4.0, not {text!r}")


def export_csv(store: Store) -> str:
    """Every person not in the trash as one row of a Google Contacts CSV."""
    return export_contacts_csv(exported_people(store))


def exported_people(store: Store) -> list[Person]:
    loaded = (load_person(store, person_id) for person_id in living_ids(store))
    return [p for p in loaded if p is not None]


def _vcard_extras(store: Store) -> dict[int, list[str]]:
    """The vCard lines Amity has no field for, kept in each vCard source record."""
    extras: dict[int, list[str]] = {}
    for record in backup_store.vcard_records(store):
        lines = extras.setdefault(int(record["person_id"]), [])
        lines.extend(line for line in _extra_lines(record["payload"]) if line not in lines)
    return {pid: lines for pid, lines in extras.items() if lines}


def _extra_lines(payload: str) -> list[str]:
    try:
        extra = json.loads(payload).get("extra", [])
    except (ValueError, AttributeError):
        return []
    return [line for line in extra if isinstance(line, str)] if isinstance(extra, list) else []


# --- restore --------------------------------------------------------------------------------


def read_backup(file: Path) -> Backup:
    """The checked backup in `file`; a one-line `UsageError` (exit 2) for anything else."""
    try:
        if not stat.S_ISREG(file.stat().st_mode):  # a FIFO would hang, /dev/zero never end
            raise UsageError(
                f"{file} is not a regular file; give the file `amity export json` wrote"
            )
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{file} does not exist") from None
    except UnicodeDecodeError:
        raise UsageError(f"{file}: not an Amity backup (not UTF-8 text)") from None
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror}") from None
    try:
        return parse(text)
    except UsageError as exc:
        raise UsageError(f"{file}: {exc}") from None


def restore(store: Store, document: Mapping[str, Any] | Backup, today: date) -> dict[str, int]:
    """Load a backup into this (empty) home, all or nothing; say how much came back.

    The trash comes back as it was; the next write purges what the real clock says is
    over (a restore run with a what-if `today` deletes nothing).
    """
    backup = document if isinstance(document, Backup) else unpack(document)
    for change in backup.tables["change_set"]:  # undo history is data: checked, never run
        check_payload(None, parse_payload(change["payload"]))
    with store.db.transaction():
        _refuse_unless_empty(store)
        _put_account(store, backup.account)
        days = {row["id"]: row["occurred_on"] for row in backup.tables["interaction"]}
        for name, table in TABLES.items():
            _insert(store, table, backup.tables[name], days)
        _link_met_through(store, backup.tables["person"])
        _reindex(store, backup)
        backup_store.move_id_sequences(
            store, [name for name, table in TABLES.items() if "id" in table.names]
        )
    return {
        "people": backup.count("person"),
        "interactions": backup.count("interaction"),
        "organizations": backup.count("organization"),
    }


def _refuse_unless_empty(store: Store) -> None:
    people = count_people(store)
    if people:
        raise AmityError(
            f"this home already has {plural(people, 'person')}; restore only into an empty home "
            "(set AMITY_HOME or --db to a new one)"
        )
    for name in TABLES:
        if name != "setting" and backup_store.has_rows(store, name):
            raise AmityError(
                f"this home is not empty (it has {name} rows); restore only into an empty home "
                "(set AMITY_HOME or --db to a new one)"
            )


def _put_account(store: Store, account: Row) -> None:
    backup_store.put_account(store, account["name"], account["email"], account["created_at"])


def _insert(store: Store, table: Table, rows: Sequence[Row], days: Mapping[int, Any]) -> None:
    """Insert a table's rows; a participant row also takes its interaction's day (`days`,
    by interaction id), which the database keeps beside it and a backup leaves out."""
    if table.name == "setting":  # the home keeps its own revision counter
        rows = [r for r in rows if r.get("key") not in (REVISION_KEY, TIES_FRESH_KEY)]
    names: Sequence[str] = table.names
    values = (_values(table, row) for row in rows)
    if table.name == "interaction_participant":
        names = (*names, "occurred_on")
        values = ([*_values(table, r), days.get(r["interaction_id"])] for r in rows)
    backup_store.insert_rows(
        store,
        table.name,
        names,
        values,
        # a home may already hold preferences: the backup's win
        replace_settings=table.name == "setting",
    )


def _values(table: Table, row: Row) -> list[Any]:
    """A row's values in column order; who met whom is linked once everyone exists."""
    if table.name == "person":
        return [None if c == "met_through_id" else row[c] for c in table.names]
    return [row[c] for c in table.names]


def _link_met_through(store: Store, people: Sequence[Row]) -> None:
    backup_store.link_met_through(
        store, [(p["id"], p["met_through_id"]) for p in people if p["met_through_id"] is not None]
    )


def _reindex(store: Store, backup: Backup) -> None:
    """Rebuild the search documents: one per person, one per interaction with text."""
    for person in backup.tables["person"]:
        reindex_person(store, int(person["id"]))
    first: dict[int, int] = {}
    for link in backup.tables["interaction_participant"]:
        current = first.get(link["interaction_id"], link["person_id"])
        first[link["interaction_id"]] = min(current, link["person_id"])
    for row in backup.tables["interaction"]:
        body = interaction_body(row)
        if body and row["id"] in first:
            put_doc(store, interaction_doc_id(row["id"]), first[row["id"]], body)


def interaction_body(row: Row) -> str:
    """The searchable text of an interaction, as `store.interactions` writes it."""
    parts = (row["summary"], row["notes"], row["learned"], row["promises"], row["place"])
    return "\n".join(part for part in parts if part)
