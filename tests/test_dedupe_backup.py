"""Dismissed pairs in the JSON backup: they round-trip, an older backup without them
restores, and a crafted one that names strangers is refused before anything is written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import TODAY, Amity


def _backup_with_a_dismissal(amity: Amity, path: Path) -> dict[str, Any]:
    amity.ok("add", "John Smith", "--company", "Acme")
    amity.ok("add", "John Smith", "--company", "Acme")
    amity.ok("dedupe", "--dismiss", "1", "2")
    amity.ok("export", "json", "-o", str(path))
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document


def test_a_dismissal_survives_a_backup_and_restore(amity: Amity, tmp_path: Path) -> None:
    document = _backup_with_a_dismissal(amity, tmp_path / "backup.json")
    (pair,) = document["dismissed_pairs"]
    assert (pair["person_a_id"], pair["person_b_id"]) == (1, 2)
    fresh = Amity(tmp_path / "fresh", None, TODAY)
    fresh.ok("restore", str(tmp_path / "backup.json"))
    assert fresh.ok("dedupe", "--json").json()["total"] == 0
    fresh.ok("undo")  # the journal came along: the dismissal can still be taken back
    assert fresh.ok("dedupe", "--json").json()["total"] == 1


def test_a_backup_from_before_dismissals_restores(amity_sqlite: Amity, tmp_path: Path) -> None:
    document = _backup_with_a_dismissal(amity_sqlite, tmp_path / "backup.json")
    del document["dismissed_pairs"]
    document["change_sets"] = []
    old = tmp_path / "old.json"
    old.write_text(json.dumps(document), "utf-8")
    fresh = Amity(tmp_path / "fresh", None, TODAY)
    fresh.ok("restore", str(old))
    assert fresh.ok("dedupe", "--json").json()["total"] == 1


def test_a_dismissal_naming_strangers_is_refused(amity_sqlite: Amity, tmp_path: Path) -> None:
    document = _backup_with_a_dismissal(amity_sqlite, tmp_path / "backup.json")
    for a, b in ((1, 99), (2, 1)):
        document["dismissed_pairs"] = [{"id": 1, "person_a_id": a, "person_b_id": b,
                                        "dismissed_on": "2026-11-22"}]  # fmt: skip
        crafted = tmp_path / f"crafted-{a}-{b}.json"
        crafted.write_text(json.dumps(document), "utf-8")
        fresh = Amity(tmp_path / f"fresh-{a}-{b}", None, TODAY)
        result = fresh("restore", str(crafted))
        assert result.code == 2 and "dismissed_pairs[0]" in result.err, result.err
        assert "Traceback" not in result.err
