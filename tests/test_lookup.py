"""Finding a person as a person would type them: case, accents and punctuation do not
matter, suggestions need real likeness, and `met` with a known name logs with that person."""

from __future__ import annotations

import pytest

from tests.conftest import Amity


@pytest.fixture
def network(amity: Amity) -> Amity:
    for name in ("Ben O'Brien", "José Álvarez", "Jean-Luc Picard", "Ñ Ñ Ñ Ñ", "Ada Lovelace"):
        amity.ok("add", name)
    return amity


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Ben Obrien", "Ben O'Brien"),
        ("ben o\u2019brien", "Ben O'Brien"),
        ("BEN O'BRIEN", "Ben O'Brien"),
        ("jose alvarez", "José Álvarez"),
        ("jose", "José Álvarez"),
        ("Jean Luc Picard", "Jean-Luc Picard"),
        ("Ada Lovlace", "Ada Lovelace"),  # a typo, and no one else close
    ],
)
def test_lookup_ignores_case_accents_and_punctuation(
    network: Amity, typed: str, found: str
) -> None:
    assert network.ok("show", typed, "--json").json()["name"] == found


def test_nobody_here_suggests_no_one(network: Amity) -> None:
    result = network("show", "Nobody Here")
    assert result.code != 0
    assert "no one called 'Nobody Here' in your network" in result.err
    assert "did you mean" not in result.err and "Ñ" not in result.err


def test_two_near_misses_are_suggested_not_guessed(network: Amity) -> None:
    network.ok("add", "Ada Lovelock")
    result = network("show", "Adah Lovelack")
    assert result.code != 0
    assert "did you mean Ada Lovelace (#5), Ada Lovelock (#6)?" in result.err


def test_met_with_a_known_name_logs_with_them(network: Amity) -> None:
    out = network.ok("met", "Ben Obrien", "--at", "PyCon").out
    assert "Logged #1 with the existing Ben O'Brien" in out
    assert "New person" not in out
    assert network.ok("list", "--json").json()["total"] == 5
    assert network.ok("show", "Ben O'Brien", "--json").json()["interaction_count"] == 1


def test_met_with_a_new_name_creates_them(network: Amity) -> None:
    out = network.ok("met", "Grace Hopper").out
    assert "New person: Grace Hopper" in out and "the existing" not in out
    assert network.ok("list", "--json").json()["total"] == 6


def test_met_with_a_name_two_people_share_asks_which(network: Amity) -> None:
    network.ok("add", "Ben OBrien")
    result = network("met", "ben o\u2019brien")  # neither name as typed, both when folded
    assert result.code != 0 and "matches 2 people" in result.err
    assert network.ok("list", "--json").json()["total"] == 6


def test_a_new_person_with_a_close_name_is_pointed_out(network: Amity) -> None:
    result = network.ok("met", "Ada Lovelase")
    assert "New person: Ada Lovelase" in result.out
    assert "note: Ada Lovelace (#5) has a very similar name" in result.err


def test_a_new_person_with_an_unlike_name_is_not(network: Amity) -> None:
    result = network.ok("met", "Nobody Here")
    assert "New person: Nobody Here" in result.out
    assert "similar" not in result.err
