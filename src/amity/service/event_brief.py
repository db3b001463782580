"""An event's brief: the event, what you know of each person there, openers, the pitch.

What is known of a person is what Amity already holds: their job, the last interaction
(its day and what was said), their needs, news of the last few months (life events), and
who in your network offers what they need (the needs/offers matching of `amity intros`,
`amity.engines.text_match`). The openers and the pitch come from pure engines.
"""

from __future__ import annotations

from datetime import date, timedelta

from amity.engines.event_brief import Brief, BriefPerson, BriefTarget, html_page, markdown
from amity.engines.event_openers import News, Occasion, Someone, audience_openers, person_openers
from amity.model.people import Person
from amity.service.event_types import EventPerson, EventView
from amity.service.events import show_event
from amity.store import Store
from amity.store import interactions as interaction_store
from amity.store import ledger as ledger_store
from amity.store import people as people_store
from amity.store import suggestions as suggestion_store

NEWS_DAYS = 120  # a life event this recent is news worth asking about
OFFER_LIKENESS = 0.2  # cosine from which someone's offer is said to meet a need
OFFERS_SHOWN = 2
ROLE_WORDS = {"attending": "going", "speaker": "speaking", "target": "hoping to meet", "met": "met"}


def event_brief(store: Store, event_id: int, today: date) -> Brief:
    view = show_event(store, event_id, today, with_paths=True)
    goal = view.goals[0][1] if view.goals else view.goals_text
    occasion = Occasion(view.name, view.purpose, goal)
    going = view.people_as("speaker", "attending")
    hoping = view.people_as("target")
    persons = {p.person_id: people_store.load_person(store, p.person_id) for p in going + hoping}
    offers = _offers_for(store, [p for p in persons.values() if p is not None and p.needs], today)
    paths = {line.target: line.text for line in view.paths if line.kind == "person"}

    def one(person: EventPerson) -> BriefPerson:
        pid = person.person_id
        found = (persons.get(pid), offers.get(pid, ()), paths.get(person.name, ""))
        return _brief_person(store, person, occasion, today, *found)

    return Brief(
        view.name,
        view.when,
        view.place,
        view.purpose,
        tuple(title for _, title in view.goals) or ((view.goals_text,) if view.goals_text else ()),
        view.pitch,
        view.pitch_hint,
        tuple(one(p) for p in going),
        tuple(one(p) for p in hoping),
        _targets(view),
        tuple(audience_openers(occasion)),
    )


def brief_text(brief: Brief, *, html: bool = False) -> str:
    """The brief as Markdown, or as one printable HTML page."""
    return html_page(brief) if html else markdown(brief)


def _targets(view: EventView) -> tuple[BriefTarget, ...]:
    return tuple(
        BriefTarget(line.target, line.text) for line in view.paths if line.kind != "person"
    )


def _brief_person(
    store: Store,
    attendee: EventPerson,
    occasion: Occasion,
    today: date,
    person: Person | None,
    could_offer: tuple[str, ...],
    path: str,
) -> BriefPerson:
    if person is None or person.id is None:
        return BriefPerson(attendee.name, ROLE_WORDS.get(attendee.role, attendee.role))
    title, organization = _job(store, person)
    works_as = " at ".join(part for part in (title, organization) if part) or person.headline
    last = interaction_store.for_person(store, person.id, limit=1)
    said = ""
    if last:
        talk = last[0]
        what = talk.summary or talk.notes or talk.kind.value
        said = f"{talk.occurred_on.isoformat()}: {what}"
    news = tuple(
        News(str(row["kind"]), str(row["detail"] or ""))
        for row in ledger_store.life_events(store, person.id, limit=3)
        if row["occurred_on"] and _day(row["occurred_on"]) >= today - timedelta(days=NEWS_DAYS)
    )
    someone = Someone(
        person.name,
        title,
        organization,
        person.headline,
        person.interests,
        person.needs,
        (last[0].summary or last[0].notes) if last else "",
        news,
    )
    return BriefPerson(
        person.name,
        ROLE_WORDS.get(attendee.role, attendee.role),
        works_as,
        said,
        person.needs,
        could_offer,
        path if attendee.role == "target" and path else "",
        tuple(person_openers(someone, occasion)),
    )


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _job(store: Store, person: Person) -> tuple[str, str]:
    row = people_store.person_row(store, person.id or 0)
    if row is None:
        return "", ""
    return str(row["title"] or ""), str(row["organization"] or "")


def _offers_for(store: Store, needing: list[Person], today: date) -> dict[int, tuple[str, ...]]:
    """For each person with a need: the people in your network whose offers meet it, as
    "introduce them to NAME (offers: ...)"."""
    if not needing:
        return {}
    from amity.engines.text_match import Corpus, match

    offering = [
        (row[0], row[1], row[3]) for row in suggestion_store.profiles(store, today) if row[3]
    ]
    if not offering:
        return {}
    corpus = Corpus.build([text for _, _, text in offering])
    wanted = corpus.vectors([p.needs for p in needing])
    found: dict[int, list[str]] = {}
    for hit in match(corpus, wanted, corpus.documents, top_k=OFFERS_SHOWN + 1):
        person = needing[hit.query]
        pid, name, text = offering[hit.candidate]
        if pid == person.id or hit.score < OFFER_LIKENESS or person.id is None:
            continue
        lines = found.setdefault(person.id, [])
        if len(lines) < OFFERS_SHOWN:
            lines.append(f"an introduction to {name} (offers: {_clip(text)})")
    return {pid: tuple(lines) for pid, lines in found.items()}


def _clip(text: str, limit: int = 80) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1].rstrip() + "…"
