"""Warm-intro paths on small hand-built homes, as a person would judge them: who comes first,
who must never be used, and what each link says. Both engines."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from amity.engines.strength import RelationshipStats, peak_score
from amity.model.people import Position
from amity.service.paths import PathQuery, PathsView, TargetKind, paths_to
from amity.service.people import NewPerson, add_person
from amity.store import Store
from amity.store.people import add_position
from tests.conftest import TODAY, Amity

# How you stand with someone: (interactions, days since the last, days known, depth per
# interaction), and today's score of that (`strength.score`).
CLOSE = (60, 5, 900, 3.0)  # 88
WARM = (30, 10, 600, 2.0)  # 77
ENGAGED = (14, 20, 500, 2.0)  # 65
SOME = (10, 30, 400, 1.0)  # 36
STALE = (4, 3 * 365, 4 * 365, 3.0)  # 5 today; 48 on the day you last talked
NEVER = (0, 0, 0, 0.0)  # in your contacts, never in touch


def _person(store: Store, name: str, how: tuple[int, int, int, float] = NEVER,
            company: str = "", title: str = "") -> int:  # fmt: skip
    """Someone you stand with as `how` says; their stored score is the one of the day you
    last talked, as a home that has not changed them since keeps it."""
    person_id, _ = add_person(store, NewPerson(name=name, company=company, title=title), TODAY)
    talks, last_seen, known, depth = how
    last = TODAY - timedelta(days=last_seen) if talks else None
    first = TODAY - timedelta(days=known) if talks else None
    stats = RelationshipStats(first, last, None, talks, talks // 2, talks - talks // 2,
                              talks * depth)  # fmt: skip
    store.db.execute(
        "UPDATE person SET strength = ?, first_contact_on = ?, last_contact_on = ?, "
        "interaction_count = ?, inbound_count = ?, outbound_count = ?, depth_total = ? "
        "WHERE id = ? AND owner_id = ?",
        (peak_score(stats), first, last, talks, talks // 2, talks - talks // 2,
         talks * depth, person_id, store.owner_id),
    )  # fmt: skip
    return person_id


def _tie(store: Store, a: int, b: int, strength: int, kind: str = "knows",
         source: str = "manual", since: date | None = None) -> None:  # fmt: skip
    store.db.execute(
        "INSERT INTO tie (owner_id, person_a_id, person_b_id, kind, strength, source, since) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (store.owner_id, a, b, kind, strength, source, since),
    )


def _company(store: Store, name: str) -> PathsView:
    return paths_to(store, PathQuery(TargetKind.COMPANY, text=name), TODAY)


def _chains(view: PathsView) -> list[list[str]]:
    return [[hop.end.name for hop in path.hops] for path in view.paths]


def test_a_direct_contact_comes_first_then_the_introductions(store: Store) -> None:
    ana = _person(store, "Ana Reyes", ENGAGED, company="Stripe")
    ben = _person(store, "Ben Ode", CLOSE)
    cara = _person(store, "Cara Lin", company="Stripe, Inc.", title="Engineer")
    _tie(store, ben, cara, 60, kind="colleague", source="linkedin", since=date(2019, 3, 1))
    _tie(store, ana, cara, 90)
    view = _company(store, "stripe")
    assert view.target == "Stripe"
    # Cara is in your contacts but you never talked: a faint direct link, asked last.
    assert _chains(view) == [["Ana Reyes"], ["Ben Ode", "Cara Lin"], ["Cara Lin"]]
    direct, intro, faint = view.paths
    assert direct.strength == pytest.approx(0.65)
    assert direct.ask.id == ana
    assert direct.hops[0].start.id is None and direct.hops[0].start.name == "you"
    assert direct.hops[0].why.startswith("14 interactions, last 3 weeks ago")
    assert intro.strength == pytest.approx(0.88 * 0.6)
    assert intro.hops[1].why == "colleagues since 2019 (from linkedin)"
    assert intro.target_note == "Engineer at Stripe, Inc."
    assert intro.ask.name == "Ben Ode"
    assert "you know Cara Lin: would you be open to introducing us?" in intro.draft
    assert "someone at Stripe" in intro.draft
    assert faint.strength == pytest.approx(0.05)
    assert faint.hops[0].why == "in your contacts, never in touch"
    assert "we're connected but haven't spoken yet" in faint.draft  # no "how are things"
    assert "haven't spoken" not in direct.draft


def test_a_stale_direct_contact_is_weighed_honestly_against_a_warm_introduction(
    store: Store,
) -> None:
    # Dan at Plaid: you last talked three years ago (a 48 then, a faded 5 today). Eve: a
    # close friend who worked with Fay at Plaid. Asking Eve is the better bet (0.88 x 0.5);
    # Dan's stored 48 would have put him first. He is still offered, weighed as he is now.
    dan = _person(store, "Dan Stale", STALE, company="Plaid")
    eve = _person(store, "Eve Warm", CLOSE)
    fay = _person(store, "Fay Plaid", company="Plaid")
    _tie(store, eve, fay, 50, kind="colleague")
    view = _company(store, "Plaid")
    assert _chains(view) == [["Eve Warm", "Fay Plaid"], ["Dan Stale"], ["Fay Plaid"]]
    assert store.db.scalar("SELECT strength FROM person WHERE id = ? AND owner_id = ?",
                           (dan, store.owner_id)) == 48  # fmt: skip
    assert view.paths[0].strength == pytest.approx(0.44)
    assert view.paths[1].strength == pytest.approx(0.05)
    assert "last 3 years ago" in view.paths[1].hops[0].why
    assert view.paths[0].hops[1].why == "you said they're colleagues"


def test_a_direct_contact_beats_a_weak_introduction(store: Store) -> None:
    _person(store, "Ivy Direct", SOME, company="Plaid")  # 0.36
    eve = _person(store, "Eve Warm", CLOSE)
    fay = _person(store, "Fay Plaid", company="Plaid")
    _tie(store, eve, fay, 30)  # 0.88 x 0.3 = 0.26
    assert _chains(_company(store, "plaid"))[:2] == [["Ivy Direct"], ["Eve Warm", "Fay Plaid"]]


def test_archived_people_and_the_trash_are_never_on_a_path(store: Store) -> None:
    ben = _person(store, "Ben Gone", CLOSE)
    cara = _person(store, "Cara Target", company="Acme")
    gus = _person(store, "Gus Archived", CLOSE, company="Acme")
    kim = _person(store, "Kim Forgotten", CLOSE)
    _tie(store, ben, cara, 90)
    _tie(store, kim, cara, 90)
    store.db.execute(
        "UPDATE person SET archived = ? WHERE id IN (?, ?) AND owner_id = ?",
        (True, ben, gus, store.owner_id),
    )
    store.db.execute(
        "UPDATE person SET deleted_on = ? WHERE id = ? AND owner_id = ?",
        (TODAY, kim, store.owner_id),
    )
    view = _company(store, "Acme")
    assert _chains(view) == [["Cara Target"]]  # only your own faint link: Ben and Kim are out
    assert view.matched == 1  # Gus, archived, is no longer someone at Acme


def test_a_declined_introduction_is_never_a_link(store: Store) -> None:
    ben = _person(store, "Ben Asker", CLOSE)
    cara = _person(store, "Cara Declined", company="Acme")
    dan = _person(store, "Dan Other", SOME)
    _tie(store, ben, cara, 90)
    _tie(store, dan, cara, 40)
    store.db.execute(
        "INSERT INTO introduction (owner_id, person_a_id, person_b_id, reason, state, "
        "created_on, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (store.owner_id, cara, ben, "hiring", "declined", TODAY, TODAY),
    )
    assert _chains(_company(store, "acme")) == [["Dan Other", "Cara Declined"], ["Cara Declined"]]


def test_a_former_employee_counts_and_is_marked_former(store: Store) -> None:
    gus = _person(store, "Gus Former", WARM)
    add_position(store, gus, Position("Stripe, Inc.", "PM", date(2019, 1, 1), date(2022, 6, 1)))
    _person(store, "Hal Current", SOME, company="Stripe", title="Engineer")
    view = _company(store, "STRIPE")
    assert [(p.hops[-1].end.name, p.former, p.target_note) for p in view.paths] == [
        ("Gus Former", True, "former, at Stripe, Inc. 2019\u20132022"),
        ("Hal Current", False, "Engineer at Stripe"),
    ]


def test_company_names_match_up_to_case_punctuation_and_suffixes(store: Store) -> None:
    _person(store, "Ana Stripe", SOME, company="Stripe, Inc.")
    _person(store, "Ben Gmbh", SOME, company="Zalando SE GmbH")
    _person(store, "Cara Stripes", SOME, company="Stripes Ltd")
    for asked in ("stripe", "Stripe Inc", "STRIPE, INC.", "the stripe corp"):
        assert _chains(_company(store, asked)) == [["Ana Stripe"]], asked
    assert _chains(_company(store, "zalando se")) == [["Ben Gmbh"]]


def test_the_first_words_of_a_name_find_the_one_organisation_they_begin(store: Store) -> None:
    _person(store, "Chloe Park", SOME, company="Sequoia Capital", title="Partner")
    _person(store, "Eve Seq", SOME, company="Seqera Labs")
    view = _company(store, "sequoia")
    assert view.target == "Sequoia Capital" and _chains(view) == [["Chloe Park"]]
    assert _chains(_company(store, "seq")) == []  # a word's start is not enough
    _person(store, "Dan Lee", SOME, company="Sequoia Capital China")
    two = _company(store, "Sequoia")
    assert two.paths == () and two.suggestions == ("Sequoia Capital", "Sequoia Capital China")


def test_paths_have_at_most_three_links(store: Store) -> None:
    a = _person(store, "A One", CLOSE)
    b = _person(store, "B Two")
    c = _person(store, "C Three")
    d = _person(store, "D Four", company="Far Away")
    e = _person(store, "E Near", company="Near By")
    _tie(store, a, b, 90)
    _tie(store, b, c, 90)
    _tie(store, c, d, 90)
    _tie(store, b, e, 90)
    far = _chains(_company(store, "far away"))
    # You -> A -> B -> C -> D is four links: too far. B and C, in your contacts though never
    # in touch, are faint first links of their own.
    assert far == [["D Four"], ["C Three", "D Four"], ["B Two", "C Three", "D Four"]]
    three = _company(store, "near by").paths[0]
    assert [h.end.name for h in three.hops] == ["A One", "B Two", "E Near"]
    assert "you know B Two, who knows E Near" in three.draft
    assert "asking B whether they'd introduce me to E?" in three.draft


def test_a_role_matches_whole_words_of_current_titles(store: Store) -> None:
    _person(store, "Ana Data", SOME, title="Senior Data Engineer", company="Acme")
    _person(store, "Ben Base", WARM, title="Database Engineer", company="Acme")
    _person(store, "Cara Eng", CLOSE, title="Data Engineering Manager", company="Acme")
    view = paths_to(store, PathQuery(TargetKind.ROLE, text="data  engineer"), TODAY)
    assert _chains(view) == [["Ana Data"]]
    assert "learn more about working as a data engineer" in view.paths[0].draft


def test_one_person_through_whoever_knows_them(store: Store) -> None:
    ben = _person(store, "Ben Friend", WARM)
    zoe = _person(store, "Zoe Target")
    _tie(store, ben, zoe, 50)
    view = paths_to(store, PathQuery(TargetKind.PERSON, person_id=zoe), TODAY)
    assert view.target == "Zoe Target"
    assert _chains(view) == [["Ben Friend", "Zoe Target"], ["Zoe Target"]]


def test_a_hidden_tie_is_never_a_link(store: Store) -> None:
    ben = _person(store, "Ben Hidden", CLOSE)
    dan = _person(store, "Dan Shown", SOME)
    cara = _person(store, "Cara Acme", company="Acme")
    _tie(store, ben, cara, 90)
    _tie(store, dan, cara, 40)
    store.db.execute(
        "UPDATE tie SET state = 'hidden' WHERE person_a_id = ? AND owner_id = ?",
        (ben, store.owner_id),
    )
    assert _chains(_company(store, "acme")) == [["Dan Shown", "Cara Acme"], ["Cara Acme"]]


def test_path_json_shape_and_messages(amity: Amity) -> None:
    amity.ok("add", "Ana Reyes", "--company", "Stripe, Inc.", "--title", "Engineer")
    amity.ok("log", "Ana Reyes", "--kind", "coffee", "--note", "catch-up")
    document = amity.ok("path", "--to-company", "stripe", "--json").json()
    assert list(document) == ["target", "paths"]
    assert document["target"] == "Stripe, Inc."
    (path,) = document["paths"]
    assert list(path) == ["strength", "hops"]
    (hop,) = path["hops"]
    assert list(hop) == ["from", "to", "strength", "why"]
    assert hop["from"] == {"id": None, "name": "you"}
    assert hop["to"] == {"id": 1, "name": "Ana Reyes"}
    assert 0 < hop["strength"] == path["strength"] <= 1
    assert "1 interaction, today" in hop["why"]
    shown = amity.ok("path", "--to-company", "Stripe").out
    assert "Ana Reyes (Engineer at Stripe, Inc.)" in shown
    assert "you \u2194 Ana Reyes" in shown and "Ask Ana Reyes first" in shown
    nobody = amity.ok("path", "--to-company", "Plaid")
    assert nobody.out.strip() == "Nobody at Plaid is in your network."
    typo = amity.ok("path", "--to-company", "Strpe")
    assert typo.out.strip() == "Nobody at Strpe is in your network. Did you mean Stripe, Inc.?"
    assert amity.ok("path", "--to-role", "astronaut", "--json").json() == {
        "target": "astronaut",
        "paths": [],
    }
    assert amity.ok("path", "--to-role", "astronaut").out.strip() == (
        "Nobody with the title astronaut is in your network."
    )
    amity.ok("add", "Gus Archived")
    amity.ok("edit", "Gus Archived", "--archive")
    assert amity.ok("path", "--to", "Gus Archived").out.strip() == (
        "No path to Gus Archived: archived people are never on a path."
    )
    assert amity("path").code == 2
    assert amity("path", "--to-company", "Stripe", "--to-role", "cto").code == 2
    assert amity("path", "--to", "Nobody Here").code != 0
