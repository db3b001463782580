"""`amity opportunity`: add, match, pass on, referrals, close, through the real entry point,
on both engines."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import TODAY, Amity


def _people(amity: Amity) -> None:
    amity.ok("add", "Ana Lima")
    amity.ok("edit", "Ana Lima", "--needs", "Looking for a data engineering job")
    amity.ok("add", "Ben Ode")
    amity.ok("edit", "Ben Ode", "--interests", "data, climbing")
    amity.ok("add", "Cy Park", "--company", "Plaid", "--title", "Engineering Manager")
    amity.ok("add", "Dee Ray", "--company", "Acme", "--title", "Senior Data Engineer")
    amity.ok("add", "Eve Zhu", "--company", "Acme", "--title", "Accountant")
    amity.ok("edit", "Eve Zhu", "--needs", "looking for a new job")


def test_an_opportunity_for_others_lists_who_it_suits_best_first(amity: Amity) -> None:
    _people(amity)
    added = amity.ok(
        "opportunity", "add", "Data Engineer", "--org", "Plaid", "--from", "Cy Park", "--json"
    ).json()
    facts = added["opportunity"]
    assert (facts["id"], facts["kind"], facts["for_me"], facts["from"]) == (
        1, "job", False, {"id": 3, "name": "Cy Park"}
    )  # fmt: skip
    suited = [(s["person"]["name"], s["reason"]) for s in added["suited"]]
    assert suited == [
        ("Ana Lima", "Looking for a data engineering job"),
        ("Dee Ray", "title Senior Data Engineer"),
    ]  # an interest in "data" is not enough; "new job" says nothing; Cy it came from
    assert added["suited"][0]["score"] == 100 and added["paths"] == []
    text = amity.ok("opportunity", "show", "1").out
    assert "#1 Data Engineer at Plaid (job, to pass on)" in text
    assert "From Cy Park" in text
    assert "#1 Ana Lima (100): Looking for a data engineering job" in text
    assert 'Pass it on: amity opportunity pass 1 "Ana Lima"' in text


def test_someone_added_later_shows_up_and_closing_stops_matching(amity: Amity) -> None:
    _people(amity)
    amity.ok("opportunity", "add", "Podcast on climbing", "--kind", "podcast")
    assert amity.ok("opportunity", "show", "1", "--json").json()["suited"] == [
        {"person": {"id": 2, "name": "Ben Ode"}, "score": 27, "reason": "interested in climbing"}
    ]
    amity.ok("add", "Fay Wu")
    amity.ok("edit", "Fay Wu", "--offers", "hosts a climbing podcast")
    names = [
        s["person"]["name"] for s in amity.ok("opportunity", "show", "1", "--json").json()["suited"]
    ]
    assert names == ["Fay Wu", "Ben Ode"]
    amity.ok("forget", "Fay Wu")
    amity.ok("edit", "Ben Ode", "--archive")
    assert amity.ok("opportunity", "show", "1", "--json").json()["suited"] == []
    amity.ok("edit", "Ben Ode", "--unarchive")
    closed = amity.ok("opportunity", "close", "1", "--outcome", "Ben went on", "--json").json()
    assert (closed["closed"], closed["outcome"]) == (True, "Ben went on")
    shown = amity.ok("opportunity", "show", "1", "--json").json()
    assert shown["suited"] == [] and shown["opportunity"]["closed"]
    assert "Closed: Ben went on." in amity.ok("opportunity", "show", "1").out
    refused = amity("opportunity", "pass", "1", "Ben Ode")
    assert refused.code == 2 and "closed" in refused.err


def test_passing_one_on_is_a_referral_you_gave(amity: Amity) -> None:
    _people(amity)
    amity.ok("opportunity", "add", "Data Engineer", "--org", "Plaid", "--from", "Cy Park")
    day = (TODAY - timedelta(days=2)).isoformat()
    done = amity.ok("opportunity", "pass", "1", "ana", "--on", day, "--json").json()
    assert done["referral"]["person"] == {"id": 1, "name": "Ana Lima"}
    assert (done["referral"]["role"], done["referral"]["date"]) == ("passed_to", day)
    ledger = done["ledger"]
    assert (ledger["direction"], ledger["kind"], ledger["date"]) == ("gave", "referral", day)
    assert ledger["what"] == "passed on the job “Data Engineer” at Plaid (opportunity #1)"
    assert ledger["balance"]["gave"] == 1
    # She is no longer suggested for it; the opportunity counts the referral.
    shown = amity.ok("opportunity", "show", "1", "--json").json()
    assert [s["person"]["name"] for s in shown["suited"]] == ["Dee Ray"]
    assert [(r["person"]["name"], r["role"]) for r in shown["referrals"]] == [
        ("Ana Lima", "passed_to")
    ]
    again = amity("opportunity", "pass", "1", "Ana Lima")
    assert again.code == 2 and "already passed it to Ana Lima" in again.err
    back = amity("opportunity", "pass", "1", "Cy Park")
    assert back.code == 2 and "came from Cy Park" in back.err
    outcome = amity.ok("opportunity", "outcome", "1", "Ana", "got an interview", "--json")
    assert outcome.json()["outcome"] == "got an interview"
    assert "passed to Ana Lima — got an interview" in amity.ok("opportunity", "show", "1").out
    assert amity("opportunity", "outcome", "1", "Dee Ray", "x").code == 2  # never passed
    balance = amity.ok("report", "--json").json()["balance"]  # what the coach reads too
    assert (balance["gave"], balance["received"]) == (1, 0)
    listed = amity.ok("opportunity", "list").out
    assert "#1 Data Engineer at Plaid (job, to pass on), 1 referral" in listed


def test_one_for_you_shows_the_warm_path_in_and_who_referred_you(amity: Amity) -> None:
    _people(amity)
    for days in (3, 20, 45, 90, 150, 200):
        on = (TODAY - timedelta(days=days)).isoformat()
        amity.ok("log", "Dee Ray", "--kind", "call", "--on", on, "--outbound")
    amity.ok(
        "knows", "Dee Ray", "Cy Park", "--how", "worked together at Acme", "--strength", "strong"
    )
    view = amity.ok(
        "opportunity", "add", "Staff engineer", "--org", "plaid", "--for-me", "--json"
    ).json()
    assert view["suited"] == [] and view["people_there"] == 1
    first = view["paths"][0]
    assert [h["to"]["name"] for h in first["hops"]] == ["Dee Ray", "Cy Park"]
    assert first["hops"][1]["why"] == "worked together at Acme"
    assert first["ask"] == {"id": 4, "name": "Dee Ray"}
    assert "Cy Park" in first["draft"] and first["draft"].startswith("Hi Dee")
    assert len(view["paths"]) <= 3
    assert view["known_there"] == []  # Cy is in your contacts, but you have never talked
    amity.ok(
        "log", "Cy Park", "--kind", "coffee", "--on", (TODAY - timedelta(days=400)).isoformat()
    )
    shown = amity.ok("opportunity", "show", "1", "--json").json()
    assert [k["person"]["name"] for k in shown["known_there"]] == ["Cy Park"]
    assert shown["paths"][0]["ask"]["name"] == "Dee Ray"  # still the warmer way in
    text = amity.ok("opportunity", "show", "1").out
    assert "Warm paths into Plaid:" in text and "Ask Dee Ray first:" in text
    assert "You know directly at Plaid: Cy Park (Engineering Manager at Plaid)." in text
    referred = amity.ok("opportunity", "referred-by", "1", "Dee Ray", "--json").json()
    assert referred["referral"]["role"] == "referred_me"
    assert (referred["ledger"]["direction"], referred["ledger"]["kind"]) == ("received", "referral")
    balance = amity.ok("report", "--json").json()["balance"]
    assert (balance["gave"], balance["received"]) == (0, 1)
    said = amity.ok("opportunity", "outcome", "1", "Dee", "interview on Friday").out
    assert "Dee Ray: interview on Friday" in said
    wrong = amity("opportunity", "pass", "1", "Ana Lima")
    assert wrong.code == 2 and "is for you" in wrong.err
    nowhere = amity.ok("opportunity", "add", "Advisor", "--org", "Plaidd", "--for-me").out
    assert "Nobody at Plaidd is in your network. Did you mean Plaid?" in nowhere


def test_bad_input_is_one_clear_line(amity: Amity) -> None:
    _people(amity)
    kind = amity("opportunity", "add", "Talk", "--kind", "keynote")
    assert kind.code == 2
    assert (
        "unknown kind 'keynote'; expected one of job, project, speaking, podcast, collab"
        in kind.err
    )
    assert amity("opportunity", "add", "  ").code == 2
    unknown = amity("opportunity", "show", "42")
    assert unknown.code == 2 and "no opportunity has id 42" in unknown.err
    assert amity("opportunity", "close", "42").code == 2
    amity.ok("opportunity", "add", "Data Engineer")
    nobody = amity("opportunity", "pass", "1", "Nobody Here")
    assert nobody.code == 2 and "no one called 'Nobody Here'" in nobody.err
    assert amity("opportunity", "add", "Job", "--from", "Nobody Here").code == 2
    assert amity("opportunity", "referred-by", "1", "Ana Lima").code == 2  # not yours
    assert "Traceback" not in kind.err + unknown.err + nobody.err


def test_list_puts_open_ones_first_and_all_adds_the_closed(amity: Amity) -> None:
    assert "No opportunities yet" in amity.ok("opportunity", "list").out
    amity.ok("opportunity", "add", "First", "--kind", "collab")
    amity.ok("opportunity", "add", "Second", "--kind", "Speaking", "--about", "on sourdough")
    amity.ok("opportunity", "close", "2")
    assert [
        o["title"] for o in amity.ok("opportunity", "list", "--json").json()["opportunities"]
    ] == ["First"]
    everything = amity.ok("opportunity", "list", "--all", "--json").json()["opportunities"]
    assert [(o["title"], o["kind"], o["closed"]) for o in everything] == [
        ("First", "collab", False), ("Second", "speaking", True)
    ]  # fmt: skip
    assert everything[1]["description"] == "on sourdough"
    assert (
        "#2 Second (speaking, to pass on) — closed: no outcome"
        in amity.ok("opportunity", "list", "--all").out
    )


def test_merging_two_people_it_was_passed_to_keeps_one_referral(amity: Amity) -> None:
    amity.ok("add", "Ana Lima")
    amity.ok("add", "Ana Lima (work)")
    amity.ok("opportunity", "add", "Chef")
    amity.ok("opportunity", "pass", "1", "1")
    amity.ok("opportunity", "pass", "1", "2")
    amity.ok("merge", "1", "2")
    referrals = amity.ok("opportunity", "show", "1", "--json").json()["referrals"]
    assert [r["person"]["id"] for r in referrals] == [1]
    amity.ok("undo")
    referrals = amity.ok("opportunity", "show", "1", "--json").json()["referrals"]
    assert [r["person"]["id"] for r in referrals] == [1, 2]


def test_editing_one_changes_only_what_is_given_and_keeps_its_referrals(amity: Amity) -> None:
    _people(amity)
    amity.ok("opportunity", "add", "Data Engneer", "--org", "Acme", "--from", "Ben Ode")
    amity.ok("opportunity", "pass", "1", "Ana Lima")
    said = amity.ok("opportunity", "edit", "1", "--title", "  Data   Engineer ", "--org", "Plaid")
    assert said.out.startswith("Changed opportunity #1: ")
    shown = amity.ok("opportunity", "show", "1", "--json").json()
    got = shown["opportunity"]
    assert (got["title"], got["organization"], got["kind"], got["for_me"]) == (
        "Data Engineer", "Plaid", "job", False
    )  # fmt: skip
    assert got["from"]["name"] == "Ben Ode"
    assert [r["person"]["name"] for r in shown["referrals"]] == ["Ana Lima"]
    amity.ok("opportunity", "edit", "1", "--kind", "Project", "--for-me", "--from", "")
    got = amity.ok("opportunity", "show", "1", "--json").json()["opportunity"]
    assert (got["kind"], got["for_me"], got["from"]) == ("project", True, None)


def test_a_bad_edit_is_one_clear_line_and_changes_nothing(amity: Amity) -> None:
    _people(amity)
    amity.ok("opportunity", "add", "Data Engineer", "--org", "Acme")
    before = amity.ok("opportunity", "show", "1", "--json").json()["opportunity"]
    for args, words in (
        (("--title", "  "), "needs a title"),
        (("--kind", "keynote"), "unknown kind 'keynote'"),
        (("--from", "Nobody Here"), "no one called 'Nobody Here'"),
        ((), "nothing to change"),
    ):
        bad = amity("opportunity", "edit", "1", *args)
        assert bad.code == 2 and words in bad.err and "Traceback" not in bad.err, bad.err
    unknown = amity("opportunity", "edit", "42", "--title", "X")
    assert unknown.code == 2 and "no opportunity has id 42" in unknown.err
    assert amity.ok("opportunity", "show", "1", "--json").json()["opportunity"] == before
