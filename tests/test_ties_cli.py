"""`amity knows`: record, list, confirm and hide ties through the real entry point."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Amity


def test_knows_records_once_per_pair_and_lists_both_ways(amity: Amity) -> None:
    amity.ok("add", "Ana Lima")
    amity.ok("add", "Ben Okafor")
    first = amity.ok(
        "knows", "Ana", "Ben", "--how", "climbing partners", "--strength", "strong", "--json"
    )
    assert first.json() == {
        "person": {"id": 1, "name": "Ana Lima"},
        "other": {"id": 2, "name": "Ben Okafor"},
        "kind": "knows",
        "strength": 80,
        "source": "manual",
        "state": "confirmed",
        "why": "climbing partners",
    }
    said = amity.ok("knows", "ben", "ana", "--strength", "weak")
    assert "Recorded: Ben Okafor ↔ Ana Lima — weak (30)" in said.out
    listed = amity.ok("knows", "Ana", "--json").json()
    assert listed["person"] == {"id": 1, "name": "Ana Lima"}
    assert [(t["other"]["name"], t["strength"], t["why"]) for t in listed["ties"]] == [
        ("Ben Okafor", 30, "climbing partners")
    ]
    text = amity.ok("knows", "Ben").out
    assert "Ben Okafor knows:" in text and "Ana Lima — weak (30), manual, confirmed" in text


def test_knows_refuses_one_person_and_unknown_names(amity: Amity) -> None:
    amity.ok("add", "Ana Lima")
    same = amity("knows", "Ana", "Ana Lima")
    assert same.code == 2 and "a tie needs two" in same.err
    unknown = amity("knows", "Ana", "Nobody Here")
    assert unknown.code == 2
    assert amity("knows", "Ana", "--confirm").code == 2  # confirm what?


def test_an_inferred_tie_is_shown_with_its_reason_and_can_be_hidden(amity: Amity) -> None:
    amity.ok("add", "Ana Lima", "--tag", "climbing")
    amity.ok("add", "Ben Okafor", "--tag", "climbing")
    text = amity.ok("knows", "Ana").out
    assert "Ben Okafor — weak (25), tag, inferred: both in climbing" in text
    assert "--confirm (or --hide)" in text
    hidden = amity.ok("knows", "Ana", "Ben", "--hide")
    assert "Hidden: Ana Lima ↔ Ben Okafor" in hidden.out
    assert amity.ok("knows", "--refresh", "--json").json()["added"] == 0  # stays hidden
    assert amity.ok("knows", "Ana", "--json").json()["ties"][0]["state"] == "hidden"
    back = amity.ok("knows", "Ana", "Ben", "--confirm", "--json").json()
    assert (back["state"], back["source"]) == ("confirmed", "tag")
    nothing = amity("knows", "Ana", "Nobody", "--confirm")
    assert nothing.code == 2


def test_a_small_linkedin_group_conversation_ties_everyone_in_it(
    amity: Amity, tmp_path: Path
) -> None:
    from tests.test_strength_linkedin import ALEX, ANA, HEADER, PROFILE

    ben = "Ben Ode,https://www.linkedin.com/in/ben-ode"
    group_to = '"Ana Lima;Ben Ode","https://www.linkedin.com/in/ana-lima;https://www.linkedin.com/in/ben-ode"'
    crowd = ";".join(f"Guest {n}" for n in range(12))
    urls = ";".join(f"https://www.linkedin.com/in/guest-{n}" for n in range(12))
    messages = HEADER + "".join(
        f"{conversation},,{sender},{to},2026-11-1{n} 10:00:00 UTC,,hello,INBOX,,No\n"
        for n, (conversation, sender, to) in enumerate(
            [
                ("g1", ALEX, group_to),
                ("g1", ANA, f"{ALEX.split(',')[0]},{ALEX.split(',')[1]}"),
                ("big", ALEX, f'"{crowd}","{urls}"'),
                ("solo", ben, ALEX),
            ]
        )
    )
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Profile.csv").write_text(PROFILE)
    (folder / "messages.csv").write_text(messages)
    amity.ok("import", "linkedin", str(folder), today="2026-11-20")
    ties = amity.ok("knows", "Ana Lima", "--json").json()["ties"]
    assert [(t["other"]["name"], t["source"], t["why"]) for t in ties] == [
        ("Ben Ode", "linkedin_thread", "in a LinkedIn conversation of 3 (you included)")
    ]
    assert amity.ok("knows", "Guest 1", "--json").json()["ties"] == []  # 12 people: no evidence
