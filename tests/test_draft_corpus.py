"""Drafts over a corpus of real situations, snapshotted to a file a person can read.

`tests/snapshots/drafts.md` holds every draft below; read it as Maya, Daniel or Aisha would
before accepting a change. The test fails when a draft differs from the file;
`AMITY_UPDATE_SNAPSHOTS=1 pytest tests/test_draft_corpus.py` rewrites it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

import pytest

from amity.engines.drafts import (
    DraftFacts,
    DraftKind,
    LifeEventFacts,
    NoteFacts,
    Tone,
    draft_context,
)
from amity.model.enums import LifeEventKind
from amity.service.drafts import DraftWriter

TODAY = date(2026, 11, 21)  # a Saturday
YESTERDAY = date(2026, 11, 20)
SNAPSHOT = Path(__file__).parent / "snapshots" / "drafts.md"
FAIR = "the Plaid career fair"
CASUAL, FORMAL = Tone.CASUAL, Tone.FORMAL
WRITER = DraftWriter(Path(__file__).parent / "no-such-home")  # the built-in templates


@dataclass(frozen=True)
class Situation:
    title: str
    kind: DraftKind
    tone: Tone
    facts: DraftFacts
    signature: str = "Maya"


def _note(text: str, on: date = YESTERDAY) -> tuple[NoteFacts, ...]:
    return (NoteFacts(on, notes=text),)


def _fair(person_id: int, name: str, **extra: object) -> DraftFacts:
    """Someone Maya met at the fair yesterday (an acquaintance: 180 days)."""
    met_on = extra.pop("met_on", YESTERDAY)
    return replace(
        DraftFacts(name, person_id=person_id, where_met=FAIR, cadence_days=180),
        met_on=met_on,
        last_contact_on=met_on,
        **extra,
    )


FAIR_MORNING = [
    _fair(101, "Priya Raman", notes=_note("She is moving her team to Dagster")),
    _fair(
        102,
        "Ben Okafor",
        notes=_note("Talked about the new-grad backend roles; he runs the interview loop"),
    ),
    _fair(103, "Chen Wei", notes=_note("Recommended I look at their internship program")),
    _fair(104, "Dana Levi", topic="observability at Plaid"),
    _fair(105, "Eli Park", notes=_note("Great chat!"), interests="bouldering, jazz"),
    _fair(
        106,
        "Farah Aziz",
        notes=_note("Hiring for the data platform team"),
        needs="a junior data engineer",
    ),
]

SITUATIONS = [
    *(
        Situation(f"Maya's fair, next morning: {f.name}", DraftKind.FOLLOWUP, CASUAL, f)
        for f in FAIR_MORNING
    ),
    Situation(
        "A recruiter met at the fair, formal",
        DraftKind.FOLLOWUP,
        FORMAL,
        _fair(107, "Grace Hopper", topic="the backend internship"),
    ),
    Situation(
        "Formal follow-up without a signature",
        DraftKind.FOLLOWUP,
        FORMAL,
        _fair(108, "Hiro Tanaka", notes=_note("They're hiring new grads for the SRE team")),
        signature="",
    ),
    Situation(
        "A note that says what they are looking for, formal",
        DraftKind.FOLLOWUP,
        FORMAL,
        _fair(109, "Yuki Tanaka", notes=_note("Looking for a head of sales")),
        signature="Aisha Khan",
    ),
    Situation(
        "A note that says what they love",
        DraftKind.FOLLOWUP,
        CASUAL,
        _fair(110, "Eli Marsh", notes=_note("Loves bouldering")),
    ),
    Situation(
        "Daniel sees an old colleague again at the offsite",
        DraftKind.FOLLOWUP,
        CASUAL,
        DraftFacts(
            "Irene Adler",
            person_id=201,
            where_met="the platform offsite",
            met_on=YESTERDAY,
            known=True,
            met_before=True,
            last_contact_on=YESTERDAY,
            cadence_days=30,
            notes=_note("talked about how she got into ML"),
        ),
        signature="Daniel",
    ),
    Situation(
        "Aisha finally meets a founder she has emailed for months",
        DraftKind.FOLLOWUP,
        FORMAL,
        DraftFacts(
            "Jonas Berg",
            person_id=308,
            where_met="a coffee in Berlin",
            met_on=YESTERDAY,
            known=True,
            last_contact_on=YESTERDAY,
            notes=_note("Talked about design partners for the pilot"),
        ),
        signature="Aisha",
    ),
    Situation(
        "A follow-up with nothing but a name",
        DraftKind.FOLLOWUP,
        CASUAL,
        DraftFacts("Jo", person_id=109),
        signature="",
    ),
    Situation(
        "Ten days after the fair, no reply: reconnect",
        DraftKind.RECONNECT,
        CASUAL,
        _fair(
            110,
            "Kofi Mensah",
            met_on=date(2026, 11, 11),
            notes=_note("Rust tooling", date(2026, 11, 11)),
        ),
    ),
    Situation(
        "Five weeks after a conference: reconnect, formal",
        DraftKind.RECONNECT,
        FORMAL,
        DraftFacts(
            "Lena Fischer",
            person_id=301,
            where_met="Web Summit",
            met_on=date(2026, 10, 14),
            last_contact_on=date(2026, 10, 14),
            notes=_note("Building a climate startup, pre-seed", date(2026, 10, 14)),
        ),
        signature="Aisha",
    ),
    Situation(
        "Reconnect with no place or date known",
        DraftKind.RECONNECT,
        CASUAL,
        DraftFacts("Mo Salah", person_id=111),
    ),
    Situation(
        "Daniel checks in within the cadence (inner circle, 10 days)",
        DraftKind.CHECKIN,
        CASUAL,
        DraftFacts(
            "Nadia Petrova",
            person_id=202,
            last_contact_on=date(2026, 11, 11),
            cadence_days=14,
            notes=(NoteFacts(date(2026, 11, 11), learned="Training for the Berlin marathon"),),
        ),
        signature="Daniel",
    ),
    Situation(
        "Check-in beyond the cadence (close, 75 days)",
        DraftKind.CHECKIN,
        CASUAL,
        DraftFacts(
            "Oscar Diaz",
            person_id=203,
            last_contact_on=date(2026, 9, 7),
            cadence_days=30,
            interests="sailing",
        ),
        signature="Daniel",
    ),
    Situation(
        "Check-in beyond the cadence, formal, they are hiring",
        DraftKind.CHECKIN,
        FORMAL,
        DraftFacts(
            "Paula Costa",
            person_id=302,
            last_contact_on=date(2026, 5, 2),
            cadence_days=90,
            needs="hiring a staff engineer",
        ),
        signature="Aisha",
    ),
    Situation(
        "Check-in with a LinkedIn connection never spoken to",
        DraftKind.CHECKIN,
        CASUAL,
        DraftFacts("Quinn Murphy", person_id=112, cadence_days=180),
    ),
    Situation(
        "Check-in after two years of silence (dormant), formal",
        DraftKind.CHECKIN,
        FORMAL,
        DraftFacts("Rahul Mehta", person_id=204, last_contact_on=date(2024, 10, 3)),
        signature="Daniel",
    ),
    Situation(
        "Check-in that asks about what they said",
        DraftKind.CHECKIN,
        CASUAL,
        DraftFacts(
            "Priya Raman",
            person_id=101,
            last_contact_on=date(2026, 8, 20),
            cadence_days=90,
            notes=_note("She is moving her team to Dagster", date(2026, 8, 20)),
        ),
    ),
    Situation(
        "Thanks for a referral",
        DraftKind.THANKS,
        CASUAL,
        _fair(106, "Farah Aziz", gave="the referral to the data platform team"),
    ),
    Situation(
        "Thanks when nothing was received, formal",
        DraftKind.THANKS,
        FORMAL,
        _fair(107, "Grace Hopper", topic="the backend internship"),
    ),
    Situation(
        "Thanks for an introduction, formal, no signature",
        DraftKind.THANKS,
        FORMAL,
        DraftFacts("Sofia Rossi", person_id=303, gave="the introduction to Sam", known=True),
        signature="",
    ),
    Situation(
        "Congratulations on a new job",
        DraftKind.CONGRATS,
        CASUAL,
        DraftFacts(
            "Tom Becker",
            person_id=205,
            life_event=LifeEventFacts(LifeEventKind.NEW_JOB, "Stripe", "Staff Engineer"),
        ),
        signature="Daniel",
    ),
    Situation(
        "Congratulations on a promotion, formal",
        DraftKind.CONGRATS,
        FORMAL,
        DraftFacts(
            "Uma Nair",
            person_id=304,
            life_event=LifeEventFacts(LifeEventKind.PROMOTION, "Sequoia", "Partner"),
        ),
        signature="Aisha",
    ),
    Situation(
        "A birthday on the day",
        DraftKind.CONGRATS,
        CASUAL,
        DraftFacts("Victor Hugo", person_id=206, life_event=LifeEventFacts(LifeEventKind.BIRTHDAY)),
        signature="Daniel",
    ),
    Situation(
        "A move to Lisbon, formal",
        DraftKind.CONGRATS,
        FORMAL,
        DraftFacts(
            "Wen Li",
            person_id=305,
            life_event=LifeEventFacts(LifeEventKind.MOVED, detail="Lisbon"),
        ),
        signature="Aisha",
    ),
    Situation(
        "Maya asks a new contact for a referral",
        DraftKind.ASK,
        CASUAL,
        _fair(102, "Ben Okafor", ask="a referral for the new-grad backend role"),
    ),
    Situation(
        "An ask to someone met once, a year ago",
        DraftKind.ASK,
        CASUAL,
        DraftFacts(
            "Dev Patel",
            person_id=209,
            where_met="KubeCon",
            met_on=date(2025, 11, 12),
            last_contact_on=date(2025, 11, 12),
            ask="your view on the staff-engineer ladder at Datadog",
        ),
        signature="Daniel",
    ),
    Situation(
        "Aisha asks an investor she knows for an introduction, formal",
        DraftKind.ASK,
        FORMAL,
        DraftFacts(
            "Xavier Dupont",
            person_id=306,
            known=True,
            where_met="Slush",
            met_on=date(2025, 11, 20),
            ask="an introduction to your partner who leads climate investments",
        ),
        signature="Aisha",
    ),
    Situation(
        "A promise delivered the next morning",
        DraftKind.PROMISE,
        CASUAL,
        _fair(
            113,
            "Yara Haddad",
            promise="send the accessibility audit checklist",
            notes=_note("Accessibility audits"),
        ),
    ),
    Situation(
        "A promised introduction, formal",
        DraftKind.PROMISE,
        FORMAL,
        DraftFacts(
            "Zoe Kim",
            person_id=307,
            known=True,
            last_contact_on=date(2026, 11, 18),
            promise="intro her to Sam Lee by Friday",
        ),
        signature="Aisha",
    ),
    Situation(
        "A promise with a deadline, to someone known",
        DraftKind.PROMISE,
        CASUAL,
        DraftFacts(
            "Ana Souza",
            person_id=207,
            known=True,
            last_contact_on=date(2026, 11, 16),
            promise="send her my notes from the design review by Friday",
        ),
        signature="Daniel",
    ),
    Situation(
        "A promise that is not a thing to send",
        DraftKind.PROMISE,
        CASUAL,
        _fair(114, "Bea Novak", promise="ask Sam about the staff role"),
    ),
    Situation(
        "A promise whose words are missing, formal",
        DraftKind.PROMISE,
        FORMAL,
        DraftFacts("Carl Jung", person_id=208),
        signature="Daniel",
    ),
]


def render(situation: Situation) -> str:
    context = draft_context(
        situation.kind, situation.facts, TODAY, situation.tone, situation.signature
    )
    return WRITER.render(context)


def describe(situation: Situation) -> str:
    """The facts in one line: what the draft was made from."""
    parts = [situation.kind.value, situation.tone.value]
    defaults = DraftFacts("")
    for field in fields(DraftFacts):
        value = getattr(situation.facts, field.name)
        if field.name in ("name", "person_id") or value == getattr(defaults, field.name):
            continue
        if field.name == "notes":
            value = " / ".join(n.notes or n.learned or n.summary for n in value)
        elif field.name == "life_event":
            value = ", ".join(
                str(v)
                for v in (value.kind.value, value.organization, value.title, value.detail)
                if v
            )
        parts.append(f"{field.name.replace('_', ' ')}: {value}")
    parts.append(f"signature: {situation.signature or '(none)'}")
    return " · ".join(parts)


def snapshot() -> str:
    lines = [
        "# Drafts over the corpus",
        "",
        "Written by `tests/test_draft_corpus.py` (`AMITY_UPDATE_SNAPSHOTS=1` rewrites it).",
        f"Today is {TODAY:%A} {TODAY.day} {TODAY:%B %Y}. Read each draft as the person who",
        "would send it: would you send it after editing two words?",
    ]
    for number, situation in enumerate(SITUATIONS, start=1):
        lines += [
            "",
            f"## {number}. {situation.title}",
            "",
            f"{situation.facts.name} · {describe(situation)}",
            "",
            "```text",
            render(situation).rstrip("\n"),
            "```",
        ]
    return "\n".join(lines) + "\n"


def test_the_corpus_reads_as_the_snapshot_file_says() -> None:
    written = snapshot()
    if os.environ.get("AMITY_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(written, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == written, (
        "drafts changed: read the diff, then AMITY_UPDATE_SNAPSHOTS=1 to accept it"
    )


def _last_sentence(text: str) -> str:
    body = text.split("\n\n")[2]  # greeting, opener, question paragraph, sign-off
    return re.split(r"(?<=[.!?])\s+", body.strip())[-1]


def test_six_fair_contacts_on_one_morning_get_different_drafts() -> None:
    drafts = [render(Situation("", DraftKind.FOLLOWUP, CASUAL, f)) for f in FAIR_MORNING]
    bodies = [d.split("\n", 1)[1] for d in drafts]  # without "Hi Priya,"
    assert len(set(bodies)) == len(bodies)
    assert len({_last_sentence(d) for d in drafts}) >= 3
    assert len({d.split("\n\n")[1].split("!")[0].split(".")[0] for d in drafts}) >= 3  # openers


def test_the_same_person_gets_the_same_draft_every_run() -> None:
    first = [render(s) for s in SITUATIONS]
    assert [render(s) for s in SITUATIONS] == first


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.title)
def test_no_draft_says_what_is_not_so(situation: Situation) -> None:
    text = render(situation)
    facts = situation.facts
    assert "It's been a while" not in text or situation.kind is DraftKind.CHECKIN
    if facts.met_before:
        assert "meet you" not in text and "meeting you" not in text
    if facts.known:
        assert "great to meet you" not in text.lower()
    if not facts.gave:
        assert "Thanks so much for" not in text and "your help" not in text
    if not situation.signature:
        assert not text.rstrip().endswith(",")
    assert "  " not in text and " ." not in text and "\n\n\n" not in text
    assert " about She " not in text and " about she " not in text
