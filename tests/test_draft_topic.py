"""The topic a draft quotes, from notes as people type them between booths."""

from __future__ import annotations

import pytest

from amity.engines.draft_promise import promise_opening, promise_shape
from amity.engines.draft_topic import first_item, first_need, to_second_person, topic_phrase

NOTES = [
    # (what the user typed, what reads after "our chat about"; "" = leave the topic out)
    ("She is moving her team to Dagster", "moving your team to Dagster"),
    (
        "They're hiring new grads for the data platform team, apply by March",
        "hiring new grads for the data platform team",
    ),
    ("Talked about Rust tooling; he climbs", "Rust tooling"),
    ("Met at the booth, talked about observability at scale", "observability at scale"),
    ("we discussed Node.js at scale. then lunch", "Node.js at scale"),
    ("talked about how she got into ML", "how you got into ML"),
    ("Ana is leaving Google to start a company", "leaving Google to start a company"),
    ("Building a climate startup, pre-seed", "building a climate startup"),
    ("Hiring plans for the data team", "hiring plans for the data team"),
    ("Kubernetes costs", "Kubernetes costs"),
    ("Their move to Lisbon in the autumn.", "your move to Lisbon in the autumn"),
    ("He was a TA for 6.824", ""),
    ("Recommended I look at their internship program", ""),
    ("The team is hiring", ""),
    ("Works at Plaid on payments", ""),
    ("Runs the platform team", ""),
    ("She leads the design systems group at Figma", ""),
    ("offered to refer me", ""),
    ("PM at Stripe", ""),
    ("Great chat!", ""),
    ("Congrats on the new role", ""),  # an imported message's words: a pleasantry
    ("Loves bouldering", ""),  # a liking, asked about, never "telling me about Loves ..."
    ("She's really into jazz", ""),
    ("Looking for a head of sales", ""),  # a need, asked about instead
    ("Thanks for the intro to Sam!", ""),
    ("Hi Ana, hope you are well", ""),
    ("Very friendly, knows everyone at Ramp", ""),
    ("Chatted about hiring; she is growing the team", "hiring"),
    ("Spoke mostly about the Series A, because they close in May", "the Series A"),
    ("Will talk again in January", ""),
    ("Asked about her startup", "your startup"),
    ("She told me about her pilot with Lufthansa", "your pilot with Lufthansa"),
    ("Worked together on the search team in 2019", ""),
    ("Kubernetes on bare metal", "Kubernetes on bare metal"),
    # A fair's quick note: who they are, then what you talked of.
    ("Stripe engineer, talked Go and payments", "Go and payments"),
    ("recruiter at Plaid, hiring backend interns", "hiring backend interns"),
    ("Very friendly, talked to her manager", ""),
    ("PM at Stripe, talked again later", ""),
    # Who they are and where, never "our chat about TA in my algorithms class".
    ("TA in my algorithms class", ""),
    ("data team at Monzo", ""),
    (
        "Plaid payments team, hiring backend interns next summer",
        "hiring backend interns next summer",
    ),
    ("recruiter from Monzo", ""),
    ("Talked about her team", "your team"),  # their team, talked about: a topic
    ("", ""),
]


@pytest.mark.parametrize(("note", "topic"), NOTES, ids=[n for n, _ in NOTES])
def test_a_note_gives_a_short_phrase_or_nothing(note: str, topic: str) -> None:
    assert topic_phrase(note) == topic


def test_a_topic_is_never_long_and_never_ends_on_a_little_word() -> None:
    phrase = topic_phrase("Designing the migration of the billing system from the old monolith")
    assert len(phrase) <= 60
    assert phrase.split()[-1] not in ("to", "of", "the", "from")


def test_notes_about_them_are_said_to_them() -> None:
    assert to_second_person("send her the deck") == "send you the deck"
    assert to_second_person("review her deck") == "review your deck"
    assert to_second_person("introduce him to Sam") == "introduce you to Sam"
    assert to_second_person("how she leads the team") == "how you lead the team"
    assert to_second_person("my resume") == "my resume"


def test_the_first_of_their_interests() -> None:
    assert first_item("climbing, jazz; Rust") == "climbing"
    assert first_item("Jazz piano and sailing") == "Jazz piano"
    assert first_item("a cofounder for her fintech idea") == "a cofounder for your fintech idea"
    assert first_item("x" * 80) == ""
    assert first_item("Loves bouldering and jazz") == "bouldering"
    assert first_item("she's into sailing") == "sailing"
    assert first_item("She climbs") == ""
    assert first_item("Ana climbs at weekends") == ""


def test_what_they_need() -> None:
    assert first_need("Looking for a designer, ideally in Lisbon") == "a designer"
    assert first_need("she's looking for seed investors") == "seed investors"
    assert first_need("Needs intros to fintech investors") == "intros to fintech investors"
    assert first_need("hiring a staff engineer") == "hiring a staff engineer"
    assert first_need("She wants to move to product") == ""
    assert first_item("") == ""


PROMISES = [
    (
        "send the accessibility audit checklist",
        "Here is the accessibility audit checklist I promised.",
    ),
    ("send my resume by Friday", "Here is my resume, as promised."),
    ("send her the slides next week", "Here are the slides I promised."),
    ("email the job posting to her", "Here is the job posting I promised."),
    ("share the link to the talk with her", "As promised, here is the link to the talk."),
    ("send a few links on Rust async", "As promised, here are a few links on Rust async."),
    ("the deck", "Here is the deck I promised."),
    ("intro you to Sam", "As promised, I'd love to introduce you to Sam."),
    ("introduce her to Sam Lee on 15 Jan", "As promised, I'd love to introduce you to Sam Lee."),
    ("ask Sam about the role", "Following up on my promise to ask Sam about the role."),
    ("review her deck tomorrow", "Following up on my promise to review your deck."),
    ("", ""),
]


@pytest.mark.parametrize(("promise", "opening"), PROMISES, ids=[p for p, _ in PROMISES])
def test_a_promise_opens_by_delivering_it(promise: str, opening: str) -> None:
    assert promise_opening(promise, formal=False) == opening


def test_a_formal_promise_and_its_shape() -> None:
    assert promise_opening("intro you to Sam", formal=True) == (
        "As promised, I would like to introduce you to Sam."
    )
    assert promise_opening("ask Sam about the role", formal=True) == (
        "I am following up on my promise to ask Sam about the role."
    )
    assert promise_shape("connect her with Priya") == "introduction"
    assert promise_shape("send the notes") == "delivery"
    assert promise_shape("call him next week") == "deed"
    assert promise_shape("  ") == ""
