"""The network in the Python API: ties recorded and read, and warm paths, as the CLI's
`knows` and `path` give them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

import amity
from amity import open_home, warm_paths
from amity.errors import NotFound, UsageError
from tests.conftest import TODAY, Amity
from tests.test_architecture import _modules_after


@pytest.fixture
def home(tmp_path: Path, database_url: str) -> Iterator[amity.Home]:
    with amity.open_home(tmp_path / "home", database_url=database_url, today=TODAY) as opened:
        amity.add_person(opened, "Ana Lima", company="Acme", title="Engineer")
        amity.add_person(opened, "Ben Okafor", company="Stripe", title="Payments lead")
        for weeks in (2, 6, 10):
            amity.log_interaction(opened, "Ana", "coffee", on=TODAY - timedelta(weeks=weeks))
        yield opened


def test_a_recorded_tie_opens_a_warm_path_through_the_friend(home: amity.Home) -> None:
    tie = amity.record_tie(home, "Ana", "Ben", how="worked together at Acme", strength="strong")
    assert (tie.person.name, tie.other.name, tie.strength, str(tie.state)) == (
        "Ana Lima",
        "Ben Okafor",
        80,
        "confirmed",
    )
    view = amity.warm_paths(home, to_company="stripe, inc.")
    best = view.paths[0]
    assert [(h.start.name, h.end.name) for h in best.hops] == [
        ("you", "Ana Lima"),
        ("Ana Lima", "Ben Okafor"),
    ]
    assert best.hops[1].why == "worked together at Acme"
    assert best.ask.name == "Ana Lima" and "Ben" in best.draft
    # The direct but never-contacted Ben comes after the warm two-hop path.
    assert [len(p.hops) for p in view.paths] == [2, 1]
    assert [t.other.name for t in amity.ties_of(home, "Ben").ties] == ["Ana Lima"]


def test_the_api_gives_what_amity_path_json_prints(amity: Amity) -> None:
    cli = amity
    cli.ok("add", "Ana Lima", "--company", "Acme")
    cli.ok("add", "Ben Okafor", "--company", "Stripe")
    cli.ok("knows", "Ana", "Ben", "--how", "old teammates")
    with open_home(cli.home, database_url=cli.database_url, today=TODAY) as opened:
        mine = warm_paths(opened, to="Ben Okafor").as_dict()
    printed = json.loads(cli.ok("path", "--to", "Ben Okafor", "--json").out)
    assert mine == printed and mine["paths"]


@pytest.mark.parametrize(
    "where",
    [{}, {"to_company": "Stripe", "to_role": "lead"}, {"to_company": "Stripe", "to": 1}],
)
def test_a_path_needs_exactly_one_target(home: amity.Home, where: dict[str, object]) -> None:
    with pytest.raises(UsageError, match="one of to_company, to_role or to"):
        amity.warm_paths(home, **where)  # type: ignore[arg-type]


@pytest.mark.parametrize("limit", [0, -1, True, "5"])
def test_a_bad_limit_is_refused(home: amity.Home, limit: object) -> None:
    with pytest.raises(UsageError, match="limit"):
        amity.warm_paths(home, to_company="Stripe", limit=limit)  # type: ignore[arg-type]


def test_unknown_people_and_strengths_are_refused(home: amity.Home) -> None:
    with pytest.raises(NotFound):
        amity.warm_paths(home, to="Nobody Here")
    with pytest.raises(UsageError, match="expected one of weak, medium, strong"):
        amity.record_tie(home, "Ana", "Ben", strength="enormous")
    assert amity.ties_of(home, "Ana").ties == ()


def test_reading_paths_loads_numpy_only_when_asked() -> None:
    before = _modules_after("import amity; amity.open_home")
    assert "numpy" not in before
