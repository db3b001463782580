"""Every export round-trips: CSV, vCard 3.0 and 4.0 re-import, and a JSON backup restores,
to the same number of people with the same names, emails and phones.

Run on the demo network through the real CLI (SQLite and PostgreSQL), and on one home that
holds every import fixture at once (the local ones, and the shared ones when present:
left out when absent, a failure when absent with CI=true).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from amity.model import ContactKind
from amity.service.home import open_for_reading
from amity.store import Store
from tests.conftest import TODAY, Amity, _truncate_postgres, writable_store
from tests.test_backup import SHARED, _fixture_files, _import_source

# (export arguments, how the file comes back in)
FORMATS = {
    "csv": (("csv",), ("import", "csv")),
    "vcard-3.0": (("vcard", "--version", "3.0"), ("import", "vcard")),
    "vcard-4.0": (("vcard", "--version", "4.0"), ("import", "vcard")),
    "json": (("json",), ("restore",)),
}
Facts = Counter[tuple[str, tuple[str, ...], tuple[str, ...]]]


@contextmanager
def _store(amity: Amity) -> Iterator[Store]:
    store = open_for_reading(amity.database_url or f"sqlite:///{amity.home / 'amity.db'}")
    try:
        yield store
    finally:
        store.close()


def facts(store: Store) -> Facts:
    """Each person not in the trash as (name, emails, phones)."""
    from amity.service.backup import exported_people

    def values(points: list[tuple[ContactKind, str]], kind: ContactKind) -> tuple[str, ...]:
        return tuple(sorted(value for k, value in points if k is kind))

    found: Facts = Counter()
    for person in exported_people(store):
        points = [(c.kind, c.normalized) for c in person.contact_points]
        found[
            (person.name, values(points, ContactKind.EMAIL), values(points, ContactKind.PHONE))
        ] += 1
    return found


def _export(amity: Amity, kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"export-{kind}"
    amity.ok("export", *FORMATS[kind][0], "-o", str(path))
    return path


def _read_back(amity: Amity, kind: str, path: Path, tmp_path: Path) -> Facts:
    """What a fresh home on the same engine holds after importing (or restoring) `path`."""
    if amity.database_url:
        _truncate_postgres(amity.database_url)
    fresh = Amity(tmp_path / f"fresh-{kind}", amity.database_url, TODAY)
    fresh.ok(*FORMATS[kind][1], str(path))
    with _store(fresh) as store:
        return facts(store)


def test_the_demo_network_round_trips(amity: Amity, tmp_path: Path) -> None:
    amity.ok("demo")
    with _store(amity) as store:
        before = facts(store)
    assert sum(before.values()) > 100
    exported = {kind: _export(amity, kind, tmp_path) for kind in FORMATS}
    for kind, path in exported.items():
        after = _read_back(amity, kind, path, tmp_path)
        assert sum(after.values()) == sum(before.values()), kind
        assert after == before, kind


def _every_fixture_home(tmp_path: Path) -> Path:
    """One SQLite home with every import fixture in it (sources merged as they would be)."""
    from amity.service.imports.run import run_import

    if not SHARED.is_dir() and os.environ.get("CI") == "true":
        pytest.fail(f"the shared fixtures are missing: {SHARED}")
    home = tmp_path / "fixtures"
    home.mkdir()
    store = writable_store(f"sqlite:///{home / 'amity.db'}")
    try:
        for fixture in _fixture_files():
            run_import(store, _import_source(fixture), fixture, TODAY)
    finally:
        store.close()
    return home


@pytest.fixture(scope="module")
def fixture_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _every_fixture_home(tmp_path_factory.mktemp("every"))


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_every_fixture_round_trips(fixture_home: Path, tmp_path: Path, kind: str) -> None:
    amity = Amity(fixture_home, None, TODAY)
    with _store(amity) as store:
        before = facts(store)
    assert sum(before.values()) > (2000 if SHARED.is_dir() else 1000)
    after = _read_back(amity, kind, _export(amity, kind, tmp_path), tmp_path)
    assert sum(after.values()) == sum(before.values())
    missing, extra = before - after, after - before
    assert (dict(missing), dict(extra)) == ({}, {})
