"""The messages of a double opt-in introduction, snapshotted to a file a person can read
(`tests/snapshots/introductions.md`): read it as Aisha would before she sends one.
`AMITY_UPDATE_SNAPSHOTS=1 pytest tests/test_introduction_drafts.py` rewrites it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from amity.engines.draft_introduction import (
    NEXT_MESSAGE,
    IntroMessage,
    Side,
    draft_message,
    reason_words,
    recipient,
)
from amity.model import IntroductionState

SNAPSHOT = Path(__file__).parent / "snapshots" / "introductions.md"
ANA = Side(11, "Ana Reyes", title="Partner", organization="Seedcamp")
BEN = Side(12, "Ben Ode", title="Founder", organization="Ledgerly")
REASON = "Ben is raising a seed round for fraud tooling, and Ana backs payments startups"
# (title, a, b, reason, formal, signature)
CASES: list[tuple[str, Side, Side, str, bool, str]] = [
    ("Aisha introduces an investor to a founder", ANA, BEN, REASON, False, "Aisha"),
    ("The same, formal", ANA, BEN, REASON, True, "Aisha Khan"),
    (
        "Maya knows little about either, and has no signature",
        Side(21, "Priya Raman"),
        Side(22, "Chen Wei", headline="Backend engineer, new grad"),
        "both are moving from data science into backend work.",
        False,
        "",
    ),
    (
        "A nickname, and a headline too long to quote",
        Side(31, "Robert Hale", nickname="Bob", headline="Speaker | Advisor | " + "x" * 80),
        Side(32, "Dr. Lena Voss", given_name="Lena", organization="Charité"),
        "you both care about clinical ML!",
        False,
        "Aisha",
    ),
]


def snapshot() -> str:
    lines = [
        "# The messages of an introduction",
        "",
        "Written by `tests/test_introduction_drafts.py` (`AMITY_UPDATE_SNAPSHOTS=1` rewrites it).",
        "A is asked first; B once A said yes; then one message to both; a nudge when an answer",
        "has been out a week; a thank-you to A that asks how it went.",
    ]
    for title, a, b, reason, formal, signature in CASES:
        tone = "formal" if formal else "casual"
        lines += ["", f"## {title}", "", f"A: {a.name} · B: {b.name} · {tone} · reason: {reason}"]
        for message in IntroMessage:
            text = draft_message(message, a, b, reason, formal=formal, signature=signature)
            lines += [
                "",
                f"### {message.value} (to {recipient(message)})",
                "",
                "```text",
                text,
                "```",
            ]
    return "\n".join(lines) + "\n"


def test_the_messages_read_as_the_snapshot_file_says() -> None:
    written = snapshot()
    if os.environ.get("AMITY_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(written, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == written, (
        "introduction drafts changed: read the diff, then AMITY_UPDATE_SNAPSHOTS=1 to accept it"
    )


def test_the_ask_to_a_says_who_b_is_why_and_how_to_say_no() -> None:
    text = draft_message(IntroMessage.ASK_A, ANA, BEN, REASON, signature="Aisha")
    assert text.startswith("Hi Ana,\n\n")
    assert "introduce you to Ben Ode (Founder at Ledgerly)" in text
    assert f"Why I thought of you both: {REASON}." in text
    assert "just say so: no reason needed, and Ben doesn't know I'm asking" in text
    assert text.endswith("\nAisha")


def test_the_ask_to_b_says_a_would_be_glad_to_hear_from_them() -> None:
    text = draft_message(IntroMessage.ASK_B, ANA, BEN, REASON)
    assert text.startswith("Hi Ben,\n\n")
    assert "introduce you to Ana Reyes (Partner at Seedcamp), who'd be glad to hear" in text
    assert "if the timing isn't right, just say so" in text


def test_the_introduction_presents_each_to_the_other_then_steps_back() -> None:
    text = draft_message(IntroMessage.INTRODUCTION, ANA, BEN, REASON)
    assert text.startswith("Hi Ana and Ben,\n\n")
    assert (
        "Ana, meet Ben Ode (Founder at Ledgerly). Ben, meet Ana Reyes (Partner at Seedcamp)."
        in text
    )
    assert f"Why I thought you should talk: {REASON}." in text
    assert text.endswith("I'll step back and let you two take it from here.")


def test_nudges_and_the_thank_you_go_to_the_right_person() -> None:
    assert draft_message(IntroMessage.NUDGE_A, ANA, BEN, REASON).startswith("Hi Ana,")
    assert "introduce you to Ben Ode?" in draft_message(IntroMessage.NUDGE_A, ANA, BEN, REASON)
    assert draft_message(IntroMessage.NUDGE_B, ANA, BEN, REASON).startswith("Hi Ben,")
    assert "introduce you to Ana Reyes?" in draft_message(IntroMessage.NUDGE_B, ANA, BEN, REASON)
    thanks = draft_message(IntroMessage.THANKS, ANA, BEN, REASON)
    assert thanks.startswith("Hi Ana,") and "how it went" in thanks and "meeting Ben" in thanks
    assert {recipient(m) for m in IntroMessage} == {"a", "b", "both"}


def test_each_open_step_has_a_message() -> None:
    open_states = set(IntroductionState) - {IntroductionState.DONE, IntroductionState.DECLINED}
    assert set(NEXT_MESSAGE) == open_states


def test_the_reason_is_one_line_with_one_full_stop() -> None:
    assert reason_words("  both work\non fraud.. ") == "both work on fraud."
    assert reason_words("they should talk!") == "they should talk!"
    assert reason_words("Why not?") == "Why not?"
    assert reason_words(" ;. ") == "I think you would have a lot to talk about."


HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    "\u202eevil",
    "{b.first} {name}",
    "Dr.",
    "😀" * 50,
    "x" * 200,
    "O'Brien-Łukasiewicz",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("message", list(IntroMessage))
def test_hostile_names_come_out_as_typed_never_empty_nor_none(
    name: str, message: IntroMessage
) -> None:
    a, b = Side(1, name, headline=name), Side(2, f"{name} Two", organization=name)
    for formal in (False, True):
        text = draft_message(message, a, b, name, formal=formal, signature=name)
        assert text.strip() and "None" not in text
        assert text.startswith(("Hi ", "Dear "))
        assert "\n\n\n" not in text
        if message in (IntroMessage.ASK_A, IntroMessage.INTRODUCTION):
            assert b.full in text  # quoted as typed, never interpreted
    assert Side(1, "Dr.").first == "there"  # nothing to call them by: "Hi there,"
