from __future__ import annotations

from dataclasses import replace
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
    life_event_phrase,
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
    assert pick_topic(DraftFacts("Ana", notes=notes)) == "your move to Lisbon in the autumn"
    assert pick_topic(DraftFacts("Ana")) == ""


def test_topic_phrase_takes_the_first_clause_and_trims_it() -> None:
    assert topic_phrase("We discussed Node.js at scale. Then lunch.") == "Node.js at scale"
    long = (
        "The migration of the billing system from the old monolith to event sourcing, "
        "which took two years"
    )
    assert topic_phrase(long) == "the migration of the billing system from the old monolith"
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


@pytest.mark.parametrize(
    ("kind", "detail", "phrase"),
    [
        (LifeEventKind.OTHER, "had a baby", "your news"),
        (LifeEventKind.OTHER, "The launch of her book.", "the launch of your book"),
        (LifeEventKind.OTHER, "Launching Acme", "launching Acme"),
        (LifeEventKind.OTHER, "", "your good news"),
        (LifeEventKind.MOVED, "to Lisbon", "your move to Lisbon"),
    ],
)
def test_other_news_reads_after_congratulations_on(
    kind: LifeEventKind, detail: str, phrase: str
) -> None:
    assert life_event_phrase(LifeEventFacts(kind, detail=detail)) == phrase


def test_defaults_for_thanks_and_ask() -> None:
    bare = DraftFacts("Ana")
    assert draft_context(DraftKind.THANKS, bare, TODAY, Tone.CASUAL, "").gave == ""
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


def test_a_followup_renders_exactly() -> None:
    context = draft_context(DraftKind.FOLLOWUP, ANA, TODAY, Tone.CASUAL, "Maya")
    assert render(context) == (
        "Hi Ana,\n\n"
        "Great to meet you at PyCon on Tuesday! I really enjoyed our chat about the payments"
        " migration at Acme.\n\n"
        "What are you working on next? Would be great to stay in touch.\n\n"
        "Maya"
    )


def test_someone_known_is_good_to_see_again_not_great_to_meet() -> None:
    known = replace(ANA, known=True, met_before=True)
    for tone in Tone:
        opener = draft_context(DraftKind.FOLLOWUP, known, TODAY, tone, "").opener
        assert "again" in opener or "catch up" in opener
        assert "meet" not in opener
        emailed = draft_context(
            DraftKind.FOLLOWUP, replace(known, met_before=False), TODAY, tone, ""
        )
        assert "finally meet" in emailed.opener


def test_a_while_only_beyond_the_cadence() -> None:
    def checkin(last: date, cadence: int | None) -> bool:
        facts = DraftFacts("Ana", person_id=7, last_contact_on=last, cadence_days=cadence)
        opener = draft_context(DraftKind.CHECKIN, facts, TODAY, Tone.CASUAL, "").opener
        return any(gap in opener for gap in ("a while", "too long", "ages", "some time"))

    assert not checkin(date(2025, 5, 20), 14)  # 12 days, cadence 14
    assert not checkin(date(2025, 5, 10), 14)  # 22 days: beyond, but no while yet
    assert checkin(date(2025, 4, 20), 14)  # 42 days
    assert not checkin(date(2025, 4, 20), 60)  # within a longer cadence
    assert not checkin(date(2025, 3, 1), None)  # no cadence: half a year is fine
    assert checkin(date(2024, 3, 1), None)
    assert not checkin(date(2025, 5, 31), 0)


def test_no_dangling_closing_without_a_signature() -> None:
    for kind in DraftKind:
        context = draft_context(kind, ANA, TODAY, Tone.FORMAL, "")
        assert context.sign_off == ""
        assert not render(context).rstrip().endswith(",")
        signed = draft_context(kind, ANA, TODAY, Tone.FORMAL, "Maya")
        assert signed.sign_off.endswith(",")
        assert render(signed).endswith(f"{signed.sign_off}\nMaya")


def test_thanks_without_anything_received_thanks_for_the_time() -> None:
    facts = replace(ANA, gave="")
    for tone in Tone:
        text = render(draft_context(DraftKind.THANKS, facts, TODAY, tone, ""))
        assert "help" not in text.split("\n\n")[1]
        assert "time" in text and "PyCon" in text


def test_the_question_fits_the_person() -> None:
    needs = replace(ANA, needs="a senior designer, ideally in Lisbon")
    assert draft_context(DraftKind.FOLLOWUP, needs, TODAY, Tone.CASUAL, "").question == (
        "How is the search for a senior designer going?"
    )
    assert draft_context(DraftKind.CHECKIN, needs, TODAY, Tone.CASUAL, "").question == (
        "Are you still looking for a senior designer?"
    )
    hiring = replace(ANA, needs="hiring a data engineer")
    assert draft_context(DraftKind.CHECKIN, hiring, TODAY, Tone.FORMAL, "").question == (
        "How is hiring a data engineer progressing?"
    )
    climbs = replace(ANA, interests="climbing; jazz", person_id=2)
    assert draft_context(DraftKind.FOLLOWUP, climbs, TODAY, Tone.CASUAL, "").question == (
        "What got you into climbing?"
    )
    talked = DraftFacts("Ana", notes=(NoteFacts(TODAY, notes="She is moving her team to Dagster"),))
    assert draft_context(DraftKind.CHECKIN, talked, TODAY, Tone.CASUAL, "").question == (
        "How is moving your team to Dagster going?"
    )


def test_the_phrasing_is_chosen_per_person_and_stays() -> None:
    openers = {
        draft_context(DraftKind.FOLLOWUP, replace(ANA, person_id=i), TODAY, Tone.CASUAL, "").opener
        for i in range(1, 7)
    }
    assert len(openers) == 3
    again = draft_context(DraftKind.FOLLOWUP, replace(ANA, person_id=4), TODAY, Tone.CASUAL, "")
    assert again == draft_context(
        DraftKind.FOLLOWUP, replace(ANA, person_id=4), TODAY, Tone.CASUAL, ""
    )


def test_a_promise_is_delivered() -> None:
    facts = replace(ANA, promise="send the accessibility audit checklist by Friday")
    context = draft_context(DraftKind.PROMISE, facts, TODAY, Tone.CASUAL, "")
    assert context.opener.endswith("Here is the accessibility audit checklist I promised.")
    assert context.promise == "send the accessibility audit checklist by Friday"


def test_a_reconnect_never_says_great_to_meet_you() -> None:
    faded = replace(ANA, met_on=date(2025, 4, 20))
    for tone in Tone:
        for seed in range(1, 4):
            text = render(
                draft_context(DraftKind.RECONNECT, replace(faded, person_id=seed), TODAY, tone, "")
            )
            assert "meet you" not in text and "in April" in text


@pytest.mark.parametrize("kind", list(DraftKind))
@pytest.mark.parametrize("tone", list(Tone))
def test_templates_ignore_whitespace_settings(kind: DraftKind, tone: Tone) -> None:
    context = draft_context(kind, ANA, TODAY, tone, "Maya")
    assert render(context, trim_blocks=True, lstrip_blocks=True) == render(context)


@pytest.mark.parametrize("kind", list(DraftKind))
@pytest.mark.parametrize("tone", list(Tone))
def test_templates_read_well_with_nothing_known(kind: DraftKind, tone: Tone) -> None:
    text = render(draft_context(kind, DraftFacts("Sam"), TODAY, tone, ""))
    assert text.startswith(("Hi Sam,\n\n", "Hello Sam,\n\n", "Dear Sam,\n\n"))
    assert "  " not in text
    assert " ." not in text
    assert "\n\n\n" not in text
    assert not text.endswith("\n")
    assert "{" not in text


def test_birthday_greeting() -> None:
    facts = DraftFacts("Ana", life_event=LifeEventFacts(LifeEventKind.BIRTHDAY))
    text = render(draft_context(DraftKind.CONGRATS, facts, TODAY, Tone.CASUAL, "Maya"))
    assert text.startswith(("Hi Ana,\n\nHappy birthday! ", "Hello Ana,\n\nHappy birthday! "))
    assert text.endswith("?\n\nMaya") or text.endswith("?\n\nCheers,\nMaya")


def test_every_kind_has_a_default_template() -> None:
    assert sorted(p.name for p in TEMPLATES.glob("*.j2")) == sorted(
        f"{kind.value}.j2" for kind in DraftKind
    )
