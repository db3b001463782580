from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2
import pytest

from amity.engines.drafts import (
    DraftContext,
    DraftFacts,
    DraftKind,
    LifeEventFacts,
    NoteFacts,
    Tone,
    draft_context,
    first_name,
    met_phrase,
    pick_topic,
    question_for,
    topic_phrase,
)
from amity.model.enums import LifeEventKind

TODAY = date(2025, 6, 1)  # a Sunday
TEMPLATES = Path(__file__).parents[2] / "src" / "amity" / "templates" / "drafts"

ANA = DraftFacts(
    name="Ana Souza",
    where_met="PyCon",
    met_on=date(2025, 5, 27),
    notes=(
        NoteFacts(
            date(2025, 5, 27), notes="Talked about the payments migration at Acme. She climbs."
        ),
    ),
    gave="the introduction to Sam",
    life_event=LifeEventFacts(LifeEventKind.NEW_JOB, "Stripe", "Staff Engineer"),
    ask="an introduction to someone on the Plaid data team",
)


def render(context: DraftContext, **options: bool) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), **options)  # noqa: S701
    return env.get_template(context.template_name).render(context.as_dict())


@pytest.mark.parametrize(
    ("met_on", "expected"),
    [
        (date(2025, 6, 1), "at PyCon today"),
        (date(2025, 5, 31), "at PyCon yesterday"),
        (date(2025, 5, 27), "at PyCon on Tuesday"),
        (date(2025, 5, 22), "at PyCon last week"),
        (date(2025, 5, 2), "at PyCon last month"),
        (date(2025, 4, 20), "at PyCon in April"),
        (date(2025, 2, 11), "at PyCon in February"),
        (date(2023, 9, 14), "at PyCon in September 2023"),
        (None, "at PyCon"),
    ],
)
def test_where_and_when_you_met(met_on: date | None, expected: str) -> None:
    assert met_phrase("PyCon", met_on, TODAY) == expected


def test_met_phrase_keeps_a_preposition_the_user_wrote() -> None:
    assert met_phrase("through Priya", None, TODAY) == "through Priya"
    assert met_phrase("", date(2025, 5, 31), TODAY) == "yesterday"
    assert met_phrase("", None, TODAY) == ""
    assert met_phrase("the fair", date(2025, 6, 3), date(2025, 6, 28)) == (
        "at the fair earlier this month"
    )


def test_first_name() -> None:
    assert first_name(DraftFacts("Dr. Jane Doe")) == "Jane"
    assert first_name(DraftFacts("Robert Smith", nickname="Bob")) == "Bob"
    assert first_name(DraftFacts("Smith, R.", given_name="Robert")) == "Robert"
    assert first_name(DraftFacts("")) == "there"


def test_an_explicit_topic_wins() -> None:
    facts = DraftFacts("Ana", topic="Rust async runtimes", notes=ANA.notes)
    assert pick_topic(facts) == "Rust async runtimes"


def test_topic_comes_from_the_latest_interaction() -> None:
    notes = (
        NoteFacts(date(2025, 5, 1), summary="Hiring plans for the data team"),
        NoteFacts(date(2025, 5, 20), notes="", learned="Their move to Lisbon in the autumn."),
        NoteFacts(date(2025, 5, 10), topic="Kubernetes costs"),
    )
    assert pick_topic(DraftFacts("Ana", notes=notes)) == "their move to Lisbon in the autumn"
    assert pick_topic(DraftFacts("Ana")) == ""


def test_topic_phrase_takes_the_first_clause_and_trims_it() -> None:
    assert topic_phrase("We discussed Node.js at scale. Then lunch.") == "Node.js at scale"
    long = (
        "The migration of the billing system from the old monolith to event sourcing, "
        "which took two years"
    )
    assert topic_phrase(long) == ("the migration of the billing system from the old monolith to")
    assert len(topic_phrase("word " * 40)) <= 60
    assert topic_phrase("Chatted about hiring; she is growing the team") == "hiring"


def test_life_event_and_question_for_congrats() -> None:
    context = draft_context(DraftKind.CONGRATS, ANA, TODAY, Tone.CASUAL, "")
    assert context.life_event == "your new job at Stripe as Staff Engineer"
    assert context.event_kind == "new_job"
    promoted = LifeEventFacts(LifeEventKind.PROMOTION, "Stripe", "Director")
    facts = DraftFacts("Ana", life_event=promoted)
    assert draft_context(DraftKind.CONGRATS, facts, TODAY, Tone.CASUAL, "").life_event == (
        "your promotion to Director at Stripe"
    )
    assert question_for(DraftKind.CONGRATS, Tone.FORMAL, LifeEventKind.BIRTHDAY) == (
        "Do you have anything nice planned for the day?"
    )


def test_defaults_for_thanks_and_ask() -> None:
    bare = DraftFacts("Ana")
    assert draft_context(DraftKind.THANKS, bare, TODAY, Tone.CASUAL, "").gave == "your help"
    assert draft_context(DraftKind.ASK, bare, TODAY, Tone.CASUAL, "").ask == (
        "your advice on something"
    )
    assert draft_context(DraftKind.FOLLOWUP, bare, TODAY, Tone.CASUAL, "").gave == ""
    assert draft_context(DraftKind.CONGRATS, bare, TODAY, Tone.CASUAL, "").life_event == (
        "your good news"
    )


def test_context_is_plain_text_for_any_template_engine() -> None:
    context = draft_context(DraftKind.FOLLOWUP, ANA, TODAY, Tone.FORMAL, " Maya ")
    values = context.as_dict()
    assert values["kind"] == "followup"
    assert values["tone"] == "formal"
    assert values["signature"] == "Maya"
    assert values["met"] == "at PyCon on Tuesday"
    assert values["topic"] == "the payments migration at Acme"
    assert context.template_name == "followup.j2"


SNAPSHOTS: dict[tuple[DraftKind, Tone], str] = {
    (DraftKind.FOLLOWUP, Tone.CASUAL): (
        "Hi Ana,\n"
        "\n"
        "Great to meet you at PyCon on Tuesday! I really enjoyed our chat about"
        " the payments migration at Acme.\n"
        "\n"
        "What are you working on next? Let's keep in touch.\n"
        "\n"
        "Maya"
    ),
    (DraftKind.FOLLOWUP, Tone.FORMAL): (
        "Dear Ana,\n"
        "\n"
        "Thank you for taking the time to talk at PyCon on Tuesday. I "
        "particularly enjoyed our conversation about the payments migration at "
        "Acme.\n"
        "\n"
        "What are you focusing on in the coming months? I would be glad to stay"
        " in touch.\n"
        "\n"
        "Kind regards,\n"
        "Maya"
    ),
    (DraftKind.CHECKIN, Tone.CASUAL): (
        "Hi Ana,\n"
        "\n"
        "It's been a while! Our chat about the payments migration at Acme came "
        "to mind today, so I wanted to say hello.\n"
        "\n"
        "What's been keeping you busy?\n"
        "\n"
        "Maya"
    ),
    (DraftKind.CHECKIN, Tone.FORMAL): (
        "Dear Ana,\n"
        "\n"
        "I hope you are well. Our conversation about the payments migration at "
        "Acme came to mind recently, and I wanted to get back in touch.\n"
        "\n"
        "What has been keeping you busy lately?\n"
        "\n"
        "Best regards,\n"
        "Maya"
    ),
    (DraftKind.CONGRATS, Tone.CASUAL): (
        "Hi Ana,\n"
        "\n"
        "Congratulations on your new job at Stripe as Staff Engineer! So happy "
        "for you.\n"
        "\n"
        "What are you most excited about in the new role?\n"
        "\n"
        "Maya"
    ),
    (DraftKind.CONGRATS, Tone.FORMAL): (
        "Dear Ana,\n"
        "\n"
        "Congratulations on your new job at Stripe as Staff Engineer; I was "
        "delighted to hear it.\n"
        "\n"
        "What are you most looking forward to in the new role?\n"
        "\n"
        "Warm regards,\n"
        "Maya"
    ),
    (DraftKind.THANKS, Tone.CASUAL): (
        "Hi Ana,\n"
        "\n"
        "Thanks so much for the introduction to Sam! It made a real difference."
        " I'm still thinking about what you said about the payments migration "
        "at Acme.\n"
        "\n"
        "Is there anything I can do for you in return?\n"
        "\n"
        "Maya"
    ),
    (DraftKind.THANKS, Tone.FORMAL): (
        "Dear Ana,\n"
        "\n"
        "Thank you very much for the introduction to Sam. I truly appreciate "
        "the time and care you put into it. Our conversation about the payments"
        " migration at Acme has stayed with me.\n"
        "\n"
        "Is there anything I could do for you in return?\n"
        "\n"
        "With gratitude,\n"
        "Maya"
    ),
    (DraftKind.ASK, Tone.CASUAL): (
        "Hi Ana,\n"
        "\n"
        "Hope you're doing well! (We met at PyCon on Tuesday.) I have a small "
        "ask: I'd be grateful for an introduction to someone on the Plaid data "
        "team.\n"
        "\n"
        "Would that be okay? No worries at all if now isn't a good time.\n"
        "\n"
        "Maya"
    ),
    (DraftKind.ASK, Tone.FORMAL): (
        "Dear Ana,\n"
        "\n"
        "I hope you are well. We met at PyCon on Tuesday. I am writing with a "
        "request: I would be grateful for an introduction to someone on the "
        "Plaid data team.\n"
        "\n"
        "Would that be possible? Please feel free to say no if the timing is "
        "not right.\n"
        "\n"
        "Kind regards,\n"
        "Maya"
    ),
}


@pytest.mark.parametrize(("kind", "tone"), list(SNAPSHOTS))
def test_default_templates_render_exactly(kind: DraftKind, tone: Tone) -> None:
    context = draft_context(kind, ANA, TODAY, tone, "Maya")
    assert render(context) == SNAPSHOTS[kind, tone]


@pytest.mark.parametrize(("kind", "tone"), list(SNAPSHOTS))
def test_templates_ignore_whitespace_settings(kind: DraftKind, tone: Tone) -> None:
    context = draft_context(kind, ANA, TODAY, tone, "Maya")
    assert render(context, trim_blocks=True, lstrip_blocks=True) == render(context)


@pytest.mark.parametrize("kind", list(DraftKind))
@pytest.mark.parametrize("tone", list(Tone))
def test_templates_read_well_with_nothing_known(kind: DraftKind, tone: Tone) -> None:
    text = render(draft_context(kind, DraftFacts("Sam"), TODAY, tone, ""))
    assert text.startswith(("Hi Sam,\n\n", "Dear Sam,\n\n"))
    assert "  " not in text
    assert " ." not in text
    assert "\n\n\n" not in text
    assert not text.endswith("\n")
    assert "{" not in text


def test_birthday_greeting() -> None:
    facts = DraftFacts("Ana", life_event=LifeEventFacts(LifeEventKind.BIRTHDAY))
    text = render(draft_context(DraftKind.CONGRATS, facts, TODAY, Tone.CASUAL, "Maya"))
    assert text == (
        "Hi Ana,\n\nHappy birthday! I hope it's a great year.\n\n"
        "Doing anything fun to celebrate?\n\nMaya"
    )


def test_every_kind_has_a_default_template() -> None:
    assert sorted(p.name for p in TEMPLATES.glob("*.j2")) == sorted(
        f"{kind.value}.j2" for kind in DraftKind
    )
