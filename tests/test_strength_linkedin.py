"""Imported LinkedIn messages are conversations, not meetings: nothing says "met" from them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Amity

PROFILE = "First Name,Last Name,Headline\nAlex,Rivera,Backend engineer\n"
CONNECTIONS = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ana,Lima,https://www.linkedin.com/in/ana-lima,,Plaid,Engineer,03 Mar 2019\n"
    "Ben,Ode,https://www.linkedin.com/in/ben-ode,,Stripe,Designer,12 Jan 2021\n"
)
HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
)
ALEX = "Alex Rivera,https://www.linkedin.com/in/alex-rivera"
ANA = "Ana Lima,https://www.linkedin.com/in/ana-lima"
RECRUITER = "Rita Recruiter,https://www.linkedin.com/in/rita-recruiter"
MESSAGES = HEADER + "".join(
    f"{conversation},,{sender},{to},{day} 10:00:00 UTC,,{text},INBOX,,No\n"
    for conversation, sender, to, day, text in [
        ("c1", ANA, ALEX, "2026-11-10", "Great to meet you at the meetup!"),
        ("c1", ALEX, ANA, "2026-11-11", "Likewise, coffee next week?"),
        ("c1", ANA, ALEX, "2026-11-12", "Tuesday works"),
        ("c2", RECRUITER, ALEX, "2026-11-15", "We met at nothing, but I have a role"),
        ("c2", RECRUITER, ALEX, "2026-11-18", "Following up on the role"),
    ]
)


def export(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Profile.csv").write_text(PROFILE)
    (folder / "Connections.csv").write_text(CONNECTIONS)
    (folder / "messages.csv").write_text(MESSAGES)
    return folder


def test_imported_messages_are_conversations_not_meetings(amity: Amity, tmp_path: Path) -> None:
    amity.ok("import", "linkedin", str(export(tmp_path)), today="2026-11-20")
    ana = amity.ok("show", "Ana Lima", "--json").json()
    rita = amity.ok("show", "Rita Recruiter", "--json").json()
    ben = amity.ok("show", "Ben Ode", "--json").json()
    assert [(i["kind"], i["direction"]) for i in reversed(ana["interactions"])] == [
        ("message", "inbound"),
        ("message", "outbound"),
        ("message", "inbound"),
    ]
    assert [(i["kind"], i["direction"]) for i in rita["interactions"]] == [
        ("message", "inbound"),
        ("message", "inbound"),
    ]
    for shown in (ana, rita, ben):
        said = " ".join([shown["how_met"], shown["where_met"], *shown["strength_reasons"]])
        assert "met" not in said.split(), shown["name"]
    assert rita["how_met"] == "" and rita["where_met"] == ""
    # A conversation of a few days is a new tie; a connection never spoken to is dormant.
    assert ana["tier"] == "new"
    assert ana["strength_summary"] == (
        "known 12 days; 3 interactions, last 10 days ago; both ways; messages only"
    )
    assert rita["strength_reasons"][2] == "only they reach out"
    assert (ben["tier"], ben["strength_summary"]) == ("dormant", "never in touch")
    # Nor does the agenda greet anyone as met from a message.
    today = amity.ok("today", "--json").json()
    assert not [i for i in today["items"] if "met" in i["reason"].split()]
