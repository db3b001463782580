"""`amity intros`: suggestions through the real entry point, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from amity.service.home import open_for_reading
from amity.service.intro_suggestions import IntroSuggestion, suggest_introductions
from amity.service.person_ref import PersonRef
from amity.store import Store
from tests.conftest import TODAY, Amity


def _people(amity: Amity) -> None:
    """Ana needs a designer, Ben and Cara offer design, Dan and Eve both climb; all in touch
    (a call each), Cara the closest."""
    for name, fields in [
        ("Ana Lima", ("--needs", "Hiring a designer for the app", "--interests", "chess")),
        ("Ben Ode", ("--offers", "product design and user research")),
        ("Cara Diaz", ("--offers", "design systems", "--interests", "chess")),
        ("Dan Wu", ("--interests", "bouldering and climbing")),
        ("Eve Park", ("--interests", "climbing, bouldering")),
    ]:
        amity.ok("add", name)
        amity.ok("edit", name, *fields)
        amity.ok("log", name, "--kind", "call")
    amity.ok("log", "Cara", "--kind", "coffee")


def _store(amity: Amity) -> Store:
    return open_for_reading(amity.database_url or f"sqlite:///{amity.home / 'amity.db'}")


def _pairs(amity: Amity, *args: str) -> list[tuple[str, str]]:
    doc = amity.ok("intros", "--json", *args).json()
    return [(s["a"]["name"], s["b"]["name"]) for s in doc["suggestions"]]


def test_an_empty_home_says_what_to_fill_in(amity: Amity) -> None:
    amity.ok("init")
    said = amity.ok("intros")
    assert "No introductions to suggest yet" in said.out
    assert 'amity edit NAME --needs "a designer for the app" --offers "product design"' in said.out
    assert amity.ok("intros", "--json").json() == {"suggestions": []}
    amity.ok("add", "Ana Lima")
    amity.ok("edit", "Ana", "--needs", "a designer")
    alone = amity.ok("intros")
    assert "no one's needs meet another's offers" in alone.out
    assert "amity log NAME --kind call" in alone.out


def test_suggestions_as_json_each_with_its_reason(amity: Amity) -> None:
    _people(amity)
    doc = amity.ok("intros", "--json").json()
    assert set(doc) == {"suggestions"}
    first = doc["suggestions"][0]
    assert set(first) == {"a", "b", "score", "reason"}
    assert first["a"] == {"id": 1, "name": "Ana Lima"}
    assert first["b"] == {"id": 3, "name": "Cara Diaz"}  # the closer of the two designers
    assert first["reason"] == (
        "Ana Lima is hiring a designer for the app; Cara Diaz offers design systems. "
        "Both are into chess too."
    )
    assert isinstance(first["score"], int) and 0 < first["score"] <= 100
    assert [(s["a"]["name"], s["b"]["name"]) for s in doc["suggestions"]] == [
        ("Ana Lima", "Cara Diaz"),
        ("Ana Lima", "Ben Ode"),
        ("Dan Wu", "Eve Park"),
    ]
    for s in doc["suggestions"]:
        assert s["reason"].strip()
    scores = [s["score"] for s in doc["suggestions"]]
    assert scores == sorted(scores, reverse=True)
    assert _pairs(amity, "--limit", "1") == [("Ana Lima", "Cara Diaz")]


def test_the_text_numbers_each_with_reason_and_the_intro_command(amity: Amity) -> None:
    _people(amity)
    out = amity.ok("intros", "--limit", "2").out
    lines = out.splitlines()
    assert lines[0].startswith("1. Ana Lima \u2194 Cara Diaz (score ")
    assert lines[1] == (
        "   Ana Lima is hiring a designer for the app; Cara Diaz offers design systems. "
        "Both are into chess too."
    )
    assert lines[2].startswith("   amity intro 'Ana Lima' 'Cara Diaz' --reason 'Ana Lima is hiring")
    assert lines[3] == ""
    assert lines[4].startswith("2. Ana Lima \u2194 Ben Ode")
    assert len(lines) == 7


def test_people_who_know_each_other_are_left_out_until_the_tie_is_hidden(amity: Amity) -> None:
    _people(amity)
    amity.ok("knows", "Ana", "Cara")
    assert ("Ana Lima", "Cara Diaz") not in _pairs(amity)
    amity.ok("knows", "Ana", "Cara", "--hide")
    assert ("Ana Lima", "Cara Diaz") in _pairs(amity)


@pytest.mark.parametrize("state", ["proposed", "declined", "done"])
def test_a_pair_with_an_introduction_in_any_state_is_left_out(amity: Amity, state: str) -> None:
    _people(amity)
    store = _store(amity)
    try:
        with store.db.transaction():
            store.db.execute(
                "INSERT INTO introduction (owner_id, person_a_id, person_b_id, reason, state, "
                "created_on, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (store.owner_id, 3, 1, "design", state, TODAY, TODAY),
            )
    finally:
        store.close()
    assert _pairs(amity) == [("Ana Lima", "Ben Ode"), ("Dan Wu", "Eve Park")]


def test_archived_and_forgotten_people_are_never_suggested(amity: Amity) -> None:
    _people(amity)
    amity.ok("edit", "Cara", "--archive")
    amity.ok("forget", "Dan")
    assert _pairs(amity) == [("Ana Lima", "Ben Ode")]


def test_the_service_gives_typed_suggestions(amity: Amity) -> None:
    _people(amity)
    store = _store(amity)
    try:
        found = suggest_introductions(store, today=TODAY, limit=2)
        assert suggest_introductions(store, today=TODAY, limit=0) == []
    finally:
        store.close()
    assert [type(s) for s in found] == [IntroSuggestion, IntroSuggestion]
    assert found[0].a == PersonRef(1, "Ana Lima")
    assert found[0].as_dict() == {
        "a": {"id": 1, "name": "Ana Lima"},
        "b": {"id": 3, "name": "Cara Diaz"},
        "score": found[0].score,
        "reason": found[0].reason,
    }


def test_a_bad_limit_is_a_usage_error(amity: Amity) -> None:
    amity.ok("init")
    zero = amity("intros", "--limit", "0")
    assert zero.code == 2 and "--limit must be at least 1" in zero.err
    assert amity("intros", "--limit", "many").code == 2


def test_hostile_profiles_are_fine(amity: Amity) -> None:
    _people(amity)
    amity.ok("add", "Zed 🧗 Red")
    amity.ok("log", "Zed", "--kind", "call")
    store = _store(amity)
    try:
        with store.db.transaction():
            store.db.execute(
                "UPDATE person SET needs = ?, interests = ? WHERE owner_id = ? AND id = ?",
                (
                    "a designer\x07\x1b[2J 🎨 " + "zeppelin " * 120_000,
                    "🧗 chess\u202e",
                    store.owner_id,
                    6,
                ),
            )
    finally:
        store.close()
    doc = amity.ok("intros", "--json").json()
    assert all(s["reason"].strip() and len(s["reason"]) < 500 for s in doc["suggestions"])
    text = amity.ok("intros").out
    assert "\x1b" not in text and "\x00" not in text
