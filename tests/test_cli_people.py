"""The core CLI through the real entry point, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Amity


def test_add_prints_the_new_id_and_show_returns_the_contract(amity: Amity) -> None:
    first = amity.ok(
        "add",
        "Ada Lovelace",
        "--email",
        "Ada@Example.org",
        "--phone",
        "+1 415 555 0100",
        "--company",
        "Analytical Engines",
        "--title",
        "Engineer",
        "--tag",
        "mentor",
        "--tag",
        "Python",
        "--circle",
        "inner",
        "--every",
        "10",
        "--how-met",
        "PyCon hallway",
        "--birthday",
        "--12-10",
    )
    person_id = int(first.out.strip())
    shown = amity.ok("show", str(person_id), "--json").json()
    assert shown["id"] == person_id
    assert shown["name"] == "Ada Lovelace"
    assert shown["circle"] == "inner"
    assert shown["cadence_days"] == 10
    assert shown["tags"] == ["mentor", "python"]
    assert shown["organization"] == "Analytical Engines"
    assert shown["title"] == "Engineer"
    assert shown["emails"] == ["Ada@Example.org"]
    assert shown["phones"] == ["+1 415 555 0100"]
    assert shown["birthday"] == "--12-10"
    assert shown["last_interaction"] is None
    assert shown["interactions"] == []


def test_met_creates_a_new_person_and_says_so(amity: Amity) -> None:
    out = amity.ok(
        "met",
        "Grace Hopper",
        "--at",
        "PyCon",
        "--note",
        "talked about compilers",
        "--on",
        "2026-11-20",
    ).out
    assert "New person: Grace Hopper" in out
    assert "Follow up by 2026-11-21" in out
    again = amity.ok("met", "Grace Hopper", "--on", "2026-11-21", "--json").json()
    assert again["created"] is False
    shown = amity.ok("show", "grace", "--json").json()
    assert shown["last_interaction"] == "2026-11-21"
    assert [i["date"] for i in shown["interactions"]] == ["2026-11-21", "2026-11-20"]
    assert shown["interactions"][1]["note"] == "talked about compilers"
    assert shown["interactions"][1]["kind"] == "met"


def test_log_records_kind_direction_and_learned(amity: Amity) -> None:
    amity.ok("add", "Linus Torvalds")
    amity.ok(
        "log",
        "linus",
        "--kind",
        "call",
        "--inbound",
        "--note",
        "asked about git",
        "--learned",
        "moving to Portland",
        "--on",
        "yesterday",
    )
    shown = amity.ok("show", "Linus Torvalds", "--json").json()
    (call,) = shown["interactions"]
    assert call["kind"] == "call"
    assert call["direction"] == "inbound"
    assert call["date"] == "2026-11-21"
    assert call["learned"] == "moving to Portland"


def test_list_filters_and_sorts(amity: Amity) -> None:
    amity.ok("add", "Bea Zed", "--company", "Stripe", "--tag", "fintech")
    amity.ok("add", "Al Young", "--company", "Plaid", "--tag", "fintech", "--circle", "close")
    amity.ok("add", "Cy Xu", "--company", "Stripe Inc")
    amity.ok("log", "Cy Xu", "--kind", "coffee", "--on", "2026-11-01")
    amity.ok("log", "Bea Zed", "--kind", "coffee", "--on", "2026-11-10")
    by_name = amity.ok("list", "--json").json()
    assert [p["name"] for p in by_name["results"]] == ["Al Young", "Bea Zed", "Cy Xu"]
    assert by_name["total"] == 3
    fintech = amity.ok("list", "--tag", "fintech", "--json").json()
    assert {p["name"] for p in fintech["results"]} == {"Al Young", "Bea Zed"}
    stripe = amity.ok("list", "--company", "stripe", "--json").json()
    assert {p["name"] for p in stripe["results"]} == {"Bea Zed", "Cy Xu"}
    last = amity.ok("list", "--sort", "last", "--limit", "2", "--json").json()
    assert [p["name"] for p in last["results"]] == ["Bea Zed", "Cy Xu"]
    assert last["total"] == 3
    close = amity.ok("list", "--circle", "close", "--json").json()
    assert [p["name"] for p in close["results"]] == ["Al Young"]


def test_search_ranks_notes_and_applies_field_filters(amity: Amity) -> None:
    amity.ok("add", "Mentor Mia", "--company", "Stripe", "--tag", "mentor")
    amity.ok("add", "Other Olga", "--company", "Stripe")
    amity.ok("add", "Third Tom", "--company", "Plaid", "--tag", "mentor")
    amity.ok("log", "Other Olga", "--kind", "coffee", "--note", "the kubernetes migration plan")
    found = amity.ok("search", "kubernetes", "--json").json()
    assert [p["name"] for p in found["results"]] == ["Other Olga"]
    assert found["total"] == 1
    filtered = amity.ok("search", "company:stripe", "tag:mentor", "--json").json()
    assert [p["name"] for p in filtered["results"]] == ["Mentor Mia"]
    by_company_word = amity.ok("search", "plaid", "--json").json()
    assert [p["name"] for p in by_company_word["results"]] == ["Third Tom"]
    prefix = amity.ok("search", "kuber", "--json").json()
    assert [p["name"] for p in prefix["results"]] == ["Other Olga"]


def test_search_drops_stopwords_and_survives_hostile_text(amity: Amity) -> None:
    amity.ok("add", "Quinn Quote", "--how-met", "the conference about graphs")
    assert amity.ok("search", "the", "graphs", "--json").json()["total"] == 1
    for hostile in ('"', "NEAR(", "a* OR b", "'; DROP TABLE person; --", "\\", ":*&|!"):
        result = amity("search", hostile, "--json")
        assert result.code in (0, 2), result.err
        assert "Traceback" not in result.err


def test_edit_changes_fields_and_job_history(amity: Amity) -> None:
    amity.ok("add", "Ken Thompson", "--company", "Bell Labs", "--title", "Researcher")
    amity.ok(
        "edit",
        "ken",
        "--circle",
        "close",
        "--add-tag",
        "unix",
        "--needs",
        "a co-author",
        "--company",
        "Google",
        "--title",
        "Distinguished Engineer",
    )
    shown = amity.ok("show", "ken", "--json").json()
    assert shown["circle"] == "close"
    assert shown["tags"] == ["unix"]
    assert shown["needs"] == "a co-author"
    assert shown["organization"] == "Google"
    history = {(p["organization"], p["end"]) for p in shown["positions"]}
    assert ("Bell Labs", "2026-11-22") in history
    assert ("Google", None) in history


def test_forget_moves_to_trash_and_unforget_restores(amity: Amity) -> None:
    amity.ok("add", "Dennis Ritchie")
    amity.ok("forget", "dennis")
    assert amity.ok("list", "--json").json()["total"] == 0
    assert amity("show", "dennis").code == 2
    amity.ok("unforget", "dennis")
    assert amity.ok("list", "--json").json()["total"] == 1
    amity.ok("forget", "dennis")
    # A what-if day 31 days later empties nothing: only the real clock purges the trash
    # (tests/hostile/test_undo_and_trash.py).
    amity.ok("unforget", "dennis", today="2026-12-24")


def test_person_resolution_prefix_fuzzy_ambiguous_unknown(amity: Amity) -> None:
    amity.ok("add", "Barbara Liskov")
    amity.ok("add", "Margaret Hamilton")
    amity.ok("add", "Margaret Heafield")
    assert amity.ok("show", "barb", "--json").json()["name"] == "Barbara Liskov"
    assert amity.ok("show", "Barbra Liskov", "--json").json()["name"] == "Barbara Liskov"
    ambiguous = amity("show", "margaret")
    assert ambiguous.code == 2
    assert "matches 2 people" in ambiguous.err
    assert "Margaret Hamilton" in ambiguous.err and "#" in ambiguous.err
    unknown = amity("show", "Zebediah Quux")
    assert unknown.code == 2
    assert "no one called" in unknown.err


def test_demo_is_idempotent_and_large_enough(amity: Amity) -> None:
    first = amity.ok("demo", "--json").json()
    assert first["created"] is True
    assert first["people"] >= 150
    assert first["interactions"] >= 1000
    second = amity.ok("demo", "--json").json()
    assert second == {**first, "created": False}


def test_show_scores_strength_today_with_reasons(amity: Amity) -> None:
    amity.ok("add", "Coffee Chris", "--circle", "close")
    for day in ("2026-09-01", "2026-10-01", "2026-10-20", "2026-11-05", "2026-11-20"):
        amity.ok("log", "Coffee Chris", "--kind", "coffee", "--on", day, today=day)
    shown = amity.ok("show", "Coffee Chris", "--json").json()
    assert 0 < shown["strength"] <= 100
    assert shown["tier"] == "active"  # coffee every few weeks for three months: not core yet
    assert shown["strength_reasons"] == [
        "known 3 months",
        "5 interactions, last 2 days ago",
        "both ways",
        "mostly in person",
    ]
    assert shown["strength_summary"] == "; ".join(shown["strength_reasons"])
    out = amity.ok("show", "Coffee Chris").out
    assert f"{shown['strength']}/100 · active" in out
    assert "known 3 months; 5 interactions, last 2 days ago; both ways;" in out


def test_a_few_days_of_messages_make_a_new_tie_never_core(amity: Amity) -> None:
    amity.ok("add", "Busy Bea")
    for day in ("2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"):
        amity.ok("log", "Busy Bea", "--kind", "message", "--inbound", "--on", day, today=day)
        amity.ok("log", "Busy Bea", "--kind", "message", "--on", day, today=day)
    shown = amity.ok("show", "Busy Bea", "--json").json()
    assert shown["tier"] == "new"
    new = amity.ok("list", "--tier", "new", "--json").json()
    assert [p["name"] for p in new["results"]] == ["Busy Bea"]
    assert amity.ok("list", "--tier", "core", "--json").json()["total"] == 0


def test_list_and_search_filter_by_tier_and_source(amity: Amity, tmp_path: Path) -> None:
    amity.ok("add", "Close Cleo", "--circle", "inner")
    # Three years of coffee, monthly since the summer: core (a few months would be active).
    for day in (
        "2023-11-01",
        "2024-05-01",
        "2024-11-01",
        "2025-05-01",
        "2025-11-01",
        "2026-05-01",
        "2026-06-01",
        "2026-07-01",
        "2026-08-01",
        "2026-09-01",
        "2026-10-01",
        "2026-11-01",
        "2026-11-15",
    ):
        amity.ok("log", "Close Cleo", "--kind", "coffee", "--on", day, today=day)
    amity.ok("add", "Never Nora")
    card = tmp_path / "v.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carded Carl\r\nEMAIL:carl@example.org\r\nEND:VCARD\r\n"
    )
    amity.ok("import", "vcard", str(card))
    core = amity.ok("list", "--tier", "core", "--json").json()
    assert [p["name"] for p in core["results"]] == ["Close Cleo"]
    dormant = amity.ok("list", "--tier", "dormant", "--json").json()
    assert {p["name"] for p in dormant["results"]} == {"Never Nora", "Carded Carl"}
    carded = amity.ok("list", "--source", "vcard", "--json").json()
    assert [p["name"] for p in carded["results"]] == ["Carded Carl"]
    manual = amity.ok("list", "--source", "manual", "--json").json()
    assert {p["name"] for p in manual["results"]} == {"Close Cleo", "Never Nora"}
    found = amity.ok("search", "tier:core", "--json").json()
    assert [p["name"] for p in found["results"]] == ["Close Cleo"]
    assert amity("search", "tier:legendary").code == 2
