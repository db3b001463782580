"""A home scored by an older strength model is rescored once, at its first write, so
`list --tier` and `--sort strength` (which read the stored scores) agree with `show`."""

from __future__ import annotations

from amity.service.home import open_for_reading
from tests.conftest import Amity


def _url(amity: Amity) -> str:
    return amity.database_url or f"sqlite:///{amity.home / 'amity.db'}"


def test_an_upgraded_home_is_rescored_at_its_first_write(amity: Amity) -> None:
    amity.ok("add", "Stale Sam")
    amity.ok("log", "Stale Sam", "--kind", "message", "--on", "2024-01-10")
    amity.ok("log", "Stale Sam", "--kind", "message", "--on", "2026-11-20")
    store = open_for_reading(_url(amity))
    try:  # what an older Amity left: a high stored score, and no model recorded
        with store.db.transaction():
            store.db.execute("UPDATE person SET strength = 99")
            store.db.execute("DELETE FROM setting WHERE key = 'strength_model'")
    finally:
        store.close()
    assert "Stale Sam" in amity.ok("list", "--tier", "core").out  # reads never rescore
    amity.ok("add", "Someone Else")  # the first write
    assert "Stale Sam" not in amity.ok("list", "--tier", "core").out
    shown = amity.ok("show", "Stale Sam", "--json").json()
    listed = amity.ok("list", "--json").json()["results"]
    assert next(p["strength"] for p in listed if p["name"] == "Stale Sam") == shown["strength"]
