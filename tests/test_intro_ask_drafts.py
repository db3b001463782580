"""The first message of a warm path, for each shape of path, snapshotted to a file a person
can read (`tests/snapshots/intro-asks.md`): read it as Maya would before accepting a change.
`AMITY_UPDATE_SNAPSHOTS=1 pytest tests/test_intro_ask_drafts.py` rewrites it."""

from __future__ import annotations

import os
from pathlib import Path

from amity.engines.draft_intro import AskReason, ask_for_intro

SNAPSHOT = Path(__file__).parent / "snapshots" / "intro-asks.md"
STRIPE = AskReason("someone at Stripe", "Stripe")
MANAGER = AskReason("an engineering manager", "working as an engineering manager")
CASES: list[tuple[str, tuple[str, ...], AskReason]] = [
    ("A direct contact at the company", ("Ana Reyes",), STRIPE),
    ("Two links to the company", ("Ben Ode", "Cara Lin"), STRIPE),
    ("Three links to the company", ("Ben Ode", "Dan Vo", "Cara Lin"), STRIPE),
    ("A direct contact in the role", ("Eve Park",), MANAGER),
    ("Two links to a role", ("Ben Ode", "Eve Park"), MANAGER),
    ("One person you know", ("Zoe Quinn",), AskReason()),
    ("Two links to one person", ("Ben Ode", "Zoe Quinn"), AskReason()),
]
# The first person is in your contacts but you have never been in touch (an imported
# LinkedIn connection): the ask says so, and never asks how things are going.
FIRST_CONTACT: list[tuple[str, tuple[str, ...], AskReason]] = [
    ("A contact you never wrote to, at the company", ("Jess Lin",), STRIPE),
    ("Two links, the first one you never wrote to", ("Jess Lin", "Cara Lin"), STRIPE),
]


def snapshot() -> str:
    lines = [
        "# The ask of a warm path",
        "",
        "Written by `tests/test_intro_ask_drafts.py` (`AMITY_UPDATE_SNAPSHOTS=1` rewrites it).",
    ]
    for title, chain, reason in CASES:
        lines += ["", f"## {title}: you → {' → '.join(chain)}", "", ask_for_intro(chain, reason)]
    for title, chain, reason in FIRST_CONTACT:
        text = ask_for_intro(chain, reason, first_contact=True)
        lines += ["", f"## {title}: you → {' → '.join(chain)}", "", text]
    return "\n".join(lines) + "\n"


def test_the_asks_read_as_the_snapshot_file_says() -> None:
    written = snapshot()
    if os.environ.get("AMITY_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(written, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == written, (
        "asks changed: read the diff, then AMITY_UPDATE_SNAPSHOTS=1 to accept it"
    )


def test_an_ask_is_signed_when_you_have_a_signature() -> None:
    signed = ask_for_intro(("Ben Ode", "Cara Lin"), AskReason(), " Maya ")
    assert signed == ask_for_intro(("Ben Ode", "Cara Lin"), AskReason()) + "\n\nMaya"


def test_each_ask_goes_to_the_first_person_and_names_only_whom_they_know() -> None:
    for _, chain, reason in CASES:
        text = ask_for_intro(chain, reason)
        assert text.startswith(f"Hi {chain[0].split()[0]},")
        if len(chain) == 3:  # the first person knows the second, not the target
            assert f"you know {chain[1]}, who knows {chain[2]}" in text
        elif len(chain) == 2:
            assert f"you know {chain[1]}:" in text


def test_a_first_contact_is_told_so_and_never_asked_how_things_are_going() -> None:
    for _, chain, reason in FIRST_CONTACT:
        text = ask_for_intro(chain, reason, first_contact=True)
        assert text.startswith(f"Hi {chain[0].split()[0]}, we're connected but haven't spoken")
        assert "how things are going" not in text and "hope you're well" not in text
        warm = ask_for_intro(chain, reason)
        assert "haven't spoken" not in warm
