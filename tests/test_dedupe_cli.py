"""Duplicates a person can trust, through the real CLI on SQLite and PostgreSQL: shared
lines and mailboxes make no pairs, `--apply` merges only sure pairs, and "not the same
person" is remembered (and can be taken back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from amity.store import Store
from amity.store.dismissals import dismiss, dismissed_pairs
from tests.conftest import TODAY, Amity

COLLEAGUES = (
    "Ann Lee", "Bo Chen", "Cy Young", "Di Patel", "Ed Moss", "Fay Wong", "Gus Roy", "Hal Ito",
)  # fmt: skip


def _cards(path: Path, people: list[tuple[str, str]]) -> Path:
    """A vCard file, each card a name and extra lines ("TEL:...", "ADR:...")."""
    lines = []
    for n, (name, extra) in enumerate(people, 1):
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"UID:card-{n}", f"FN:{name}"]
        lines += [line for line in extra.split("|") if line]
        lines.append("END:VCARD")
    path.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    return path


@pytest.mark.parametrize(
    "shared",
    [
        "TEL:+44 20 7946 0000",  # the office switchboard
        "EMAIL:info@acme.example",  # the company's inbox
        "EMAIL:office@acme.example",
    ],
)
def test_eight_colleagues_sharing_a_line_or_inbox_are_eight_people(
    amity: Amity, tmp_path: Path, shared: str
) -> None:
    cards = _cards(tmp_path / "office.vcf", [(name, shared) for name in COLLEAGUES])
    assert amity.ok("import", "vcard", str(cards), "--json").json()["created"] == 8
    assert amity.ok("dedupe", "--json").json() == {"pairs": [], "total": 0}
    applied = amity.ok("dedupe", "--apply", "--json", "--min-score", "0.5").json()
    assert applied["count"] == 0
    assert amity.ok("list", "--json").json()["total"] == 8


def test_a_household_is_not_one_person(amity: Amity, tmp_path: Path) -> None:
    home = "TEL:+1 415 555 0100|ADR:;;12 Elm Street;Springfield;IL;62701;USA"
    family = [
        ("Ann Smith", home + "|BDAY:1970-02-03"),
        ("Tom Smith", home + "|BDAY:1968-07-30"),
        ("Lucy Smith", home + "|BDAY:2004-11-12|EMAIL:family@smith.example"),
        ("Max Smith", home + "|EMAIL:family@smith.example"),
    ]
    amity.ok("import", "vcard", str(_cards(tmp_path / "home.vcf", family)))
    assert amity.ok("dedupe", "--json").json()["total"] == 0
    assert amity.ok("dedupe", "--apply").out.startswith("Merged 0 pairs")


def test_apply_merges_only_sure_pairs_and_says_what_it_left(amity: Amity) -> None:
    amity.ok("add", "Grace Hopper", "--email", "grace@navy.example")
    amity.ok("add", "Grace M. Hopper", "--email", "grace@navy.example")
    amity.ok("add", "John Smith", "--company", "Acme")
    amity.ok("add", "John Smith", "--company", "Acme")
    assert amity.ok("dedupe", "--json").json()["total"] == 2
    out = amity.ok("dedupe", "--apply").out
    assert out.strip() == (
        "Merged 1 pair; `amity undo` reverses it. 1 less sure pair left for review: `amity dedupe`."
    )
    (left,) = amity.ok("dedupe", "--json").json()["pairs"]
    assert left["a_name"] == left["b_name"] == "John Smith"
    assert amity.ok("list", "--json").json()["total"] == 3


def test_apply_json_counts_the_pairs_left_for_review(amity: Amity) -> None:
    amity.ok("add", "John Smith", "--company", "Acme")
    amity.ok("add", "John Smith", "--company", "Acme")
    result = amity.ok("dedupe", "--apply", "--json").json()
    assert (result["count"], result["left_for_review"]) == (0, 1)


def _two_john_smiths(amity: Amity) -> None:
    amity.ok("add", "John Smith", "--company", "Acme")
    amity.ok("add", "John Smith", "--company", "Acme")


def test_a_dismissed_pair_never_comes_back_until_undone(amity: Amity) -> None:
    _two_john_smiths(amity)
    assert amity.ok("dedupe", "--json").json()["total"] == 1
    said = amity.ok("dedupe", "--dismiss", "1", "#2").out
    assert "John Smith (#1) and John Smith (#2) are not the same person" in said
    assert amity.ok("dedupe", "--json").json()["total"] == 0
    assert amity.ok("dedupe").out.strip() == "No likely duplicates."
    assert amity.ok("dedupe", "--apply", "--min-score", "0.5", "--json").json()["count"] == 0
    again = amity.ok("dedupe", "--dismiss", "2", "1").out
    assert again.startswith("Already noted")
    assert "Undone: marked John Smith (#1) and John Smith (#2)" in amity.ok("undo").out
    assert amity.ok("dedupe", "--json").json()["total"] == 1


def test_undismiss_offers_the_pair_again(amity: Amity) -> None:
    _two_john_smiths(amity)
    amity.ok("dedupe", "--dismiss", "1", "2")
    assert "may be offered as duplicates again" in amity.ok("dedupe", "--undismiss", "2", "1").out
    assert amity.ok("dedupe", "--json").json()["total"] == 1
    assert "were not marked" in amity.ok("dedupe", "--undismiss", "1", "2").out


def test_dismiss_by_name(amity: Amity) -> None:
    amity.ok("add", "Ben O'Brien", "--company", "Acme")
    amity.ok("add", "Benjamin O'Brien", "--company", "Acme")
    assert amity.ok("dedupe", "--json").json()["total"] == 1
    amity.ok("dedupe", "--dismiss", "Ben O'Brien", "Benjamin O'Brien")
    assert amity.ok("dedupe", "--json").json()["total"] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--dismiss", "1", "1"), "is one person"),
        (("--dismiss", "1", "99"), "no person has id 99"),
        (("--dismiss", "1", "2", "--apply"), "one of --apply, --dismiss and --undismiss"),
        (("--dismiss", "1"), "requires 2 arguments"),
    ],
)
def test_a_bad_dismissal_says_why_and_changes_nothing(
    amity: Amity, args: tuple[str, ...], message: str
) -> None:
    _two_john_smiths(amity)
    result = amity("dedupe", *args)
    assert result.code != 0 and message in result.err
    assert "Traceback" not in result.err
    assert amity.ok("dedupe", "--json").json()["total"] == 1


def test_a_merge_carries_the_dismissal_and_undo_puts_it_back(amity: Amity) -> None:
    amity.ok("add", "John Smith", "--company", "Acme")  # 1
    amity.ok("add", "John Smith", "--company", "Acme", "--email", "js@acme.example")  # 2
    amity.ok("add", "Johnny Smith", "--email", "js@acme.example")  # 3, the same as 2
    amity.ok("dedupe", "--dismiss", "1", "2")
    amity.ok("merge", "3", "2", "--yes")  # 2 goes into 3: 1 is not 3 either
    pairs = amity.ok("dedupe", "--json").json()["pairs"]
    assert all({p["a"], p["b"]} != {1, 3} for p in pairs), pairs
    amity.ok("undo")
    pairs = amity.ok("dedupe", "--json").json()["pairs"]
    assert all({p["a"], p["b"]} != {1, 2} for p in pairs), pairs
    assert any({p["a"], p["b"]} == {2, 3} for p in pairs), pairs


def test_merging_the_dismissed_pair_itself_forgets_it(amity: Amity) -> None:
    _two_john_smiths(amity)
    amity.ok("dedupe", "--dismiss", "1", "2")
    amity.ok("merge", "1", "2", "--yes")
    amity.ok("add", "John Smith", "--company", "Acme")  # a third (SQLite may reuse id 2)
    assert amity.ok("dedupe", "--json").json()["total"] == 1


def test_forgetting_a_person_for_good_takes_their_dismissals(store: Store) -> None:
    from amity.model import Person
    from amity.store import people as people_store

    with store.db.transaction():
        ids = [people_store.insert_person(store, Person(name=n), TODAY) for n in COLLEAGUES[:3]]
        dismiss(store, ids[0], ids[1], TODAY)
        dismiss(store, ids[2], ids[1], TODAY)
    assert dismissed_pairs(store) == {(ids[0], ids[1]), (ids[1], ids[2])}
    with store.db.transaction():
        people_store.delete_person(store, ids[1])
    assert dismissed_pairs(store) == set()


def test_apply_never_joins_two_people_through_a_third(amity: Amity) -> None:
    """Ada 1 = Ada 2 (one email) and Ada 2 = Ada 3 (another), but 1 is not 3: one merge."""
    amity.ok("add", "Ada Lovelace", "--email", "ada@one.example")
    amity.ok("add", "Ada Lovelace", "--email", "ada@one.example", "--email", "ada@two.example")
    amity.ok("add", "Ada Lovelace", "--email", "ada@two.example")
    amity.ok("dedupe", "--dismiss", "1", "3")
    result = amity.ok("dedupe", "--apply", "--json").json()
    assert (result["count"], result["left_for_review"]) == (1, 0)
    assert amity.ok("list", "--json").json()["total"] == 2
    assert amity.ok("dedupe", "--json").json()["total"] == 0  # the one left is kept apart
