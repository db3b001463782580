"""Opportunities: a job, project, talk, podcast or collaboration, for you or for others.

One for others is matched, whenever it is read, to the contacts it suits
(`amity.engines.opportunity_fit`: what they need, offer and are interested in, and what
they do), so a person added later shows up; passing it on is a referral you gave, written
into the give-and-take ledger. One for you shows the warm paths into its organisation
(`amity.service.paths`, as `amity path --to-company`) and who you know there; being referred
is a referral you received. A closed opportunity is never matched. docs/network.md
("Opportunities") says what each choice means.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from amity.engines.opportunity_fit import Profile, Wanted, folded, needles, suited
from amity.errors import NotFound, UsageError
from amity.model import LedgerDirection, LedgerKind, OpportunityKind, ReferralRole
from amity.service import ledger
from amity.service.choices import parse_choice
from amity.service.opportunity_types import (
    KnownThere,
    OpportunityFacts,
    OpportunityList,
    OpportunityView,
    ReferralFacts,
    ReferralRecorded,
    Suited,
)
from amity.service.path_links import NEVER_IN_TOUCH
from amity.service.person_ref import PersonRef
from amity.service.resolve import person_by_id
from amity.store import Store, as_date
from amity.store import opportunities as opportunities_store
from amity.store.opportunities import NewOpportunity

if TYPE_CHECKING:
    from amity.service.paths import PathsView

SUITED_LIMIT = 10
PATHS_SHOWN = 3  # warm paths into the organisation, each with its first ask
PATHS_READ = 12  # paths looked at to find the people you know there yourself
KINDS = ", ".join(k.value for k in OpportunityKind)
# Passing an opportunity on is a referral you give (as in "passing a referral": handing
# someone a lead for work), not a resource (an article, a tool): it is for them, by name.
PASSED = (LedgerDirection.GAVE, LedgerKind.REFERRAL)
REFERRED = (LedgerDirection.RECEIVED, LedgerKind.REFERRAL)


def parse_kind(text: str) -> OpportunityKind:
    """A kind as typed ("Job", "collab"); else a message listing the kinds."""
    return parse_choice(OpportunityKind, text, "kind")


def add_opportunity(
    store: Store,
    title: str,
    *,
    kind: OpportunityKind,
    for_me: bool,
    today: date,
    organization: str = "",
    description: str = "",
    from_id: int | None = None,
) -> OpportunityView:
    """Record an open opportunity and return it with its matches or its warm paths."""
    if not title.strip():
        raise UsageError('say what the opportunity is, e.g. "Data engineer at Plaid"')
    if from_id is not None:
        person_by_id(store, from_id)
    new = NewOpportunity(
        " ".join(title.split()),
        description.strip(),
        " ".join(organization.split()),
        from_id,
        today,
        kind.value,
        for_me,
    )
    with store.db.transaction():
        opportunity_id = opportunities_store.add_opportunity(store, new)
    return show_opportunity(store, opportunity_id, today)


def edit_opportunity(
    store: Store,
    opportunity_id: int,
    today: date,
    *,
    title: str | None = None,
    kind: OpportunityKind | None = None,
    for_me: bool | None = None,
    organization: str | None = None,
    description: str | None = None,
    from_id: int | None = None,
    from_no_one: bool = False,
) -> OpportunityView:
    """Change what was typed about an opportunity (a typo in the title, the organisation
    it is really at, who it came from); its referrals stay. Returns it as `show` does."""
    facts = _opportunity(store, opportunity_id)
    changes: dict[str, object] = {}
    if title is not None:
        if not title.strip():
            raise UsageError("an opportunity needs a title; give --title some words")
        changes["title"] = " ".join(title.split())
    if kind is not None:
        changes["kind"] = kind.value
    if for_me is not None:
        changes["for_me"] = for_me
    if organization is not None:
        changes["organization"] = " ".join(organization.split())
    if description is not None:
        changes["description"] = description.strip()
    if from_id is not None:
        person_by_id(store, from_id)
        changes["person_id"] = from_id
    elif from_no_one:
        changes["person_id"] = None
    if not changes:
        raise UsageError(
            "nothing to change: give --title, --org, --kind, --about, --from or --for-me"
        )
    with store.db.transaction():
        opportunities_store.update_opportunity(store, facts.id, changes)
    return show_opportunity(store, facts.id, today)


def list_opportunities(store: Store, *, closed: bool = False) -> OpportunityList:
    """Open opportunities, newest first (then the closed ones, with `closed`)."""
    rows = opportunities_store.opportunities(store, closed=closed)
    return OpportunityList(tuple(_facts(r) for r in rows))


def show_opportunity(store: Store, opportunity_id: int, today: date) -> OpportunityView:
    """The opportunity, its referrals and, while it is open, what to do: the contacts it
    suits (for others) or the warm paths into its organisation (for you)."""
    facts = _opportunity(store, opportunity_id)
    referrals = _referrals(store, facts.id)
    if facts.closed:
        return OpportunityView(facts, referrals)
    if not facts.for_me:
        return OpportunityView(facts, referrals, suited=_suited(store, facts))
    if not facts.organization:
        return OpportunityView(facts, referrals)
    from amity.service.paths import PathQuery, TargetKind, paths_to  # numpy: only here

    found = paths_to(store, PathQuery(TargetKind.COMPANY, facts.organization), today, PATHS_READ)
    return OpportunityView(
        facts,
        referrals,
        paths=found.paths[:PATHS_SHOWN],
        known_there=_known_there(found),
        people_there=found.matched,
        suggestions=found.suggestions,
        organization=found.target,
    )


def close_opportunity(
    store: Store, opportunity_id: int, outcome: str | None = None
) -> OpportunityFacts:
    """Close it (it is never matched again), with what came of it if given."""
    facts = _opportunity(store, opportunity_id)
    said = facts.outcome if outcome is None else outcome.strip()
    with store.db.transaction():
        opportunities_store.close_opportunity(store, facts.id, said)
    return _opportunity(store, facts.id)


def pass_on(
    store: Store, opportunity_id: int, person_id: int, on: date, today: date
) -> ReferralRecorded:
    """You passed an opportunity for others to this person: a referral, and a referral you
    gave in the ledger."""
    facts = _opportunity(store, opportunity_id)
    if facts.for_me:
        raise UsageError(
            f"#{facts.id} is for you: record who referred you with "
            f"`amity opportunity referred-by {facts.id} PERSON`"
        )
    if facts.closed:
        raise UsageError(f"#{facts.id} is closed: there is nothing to pass on any more")
    if facts.source is not None and facts.source.id == person_id:
        raise UsageError(f"#{facts.id} came from {facts.source.name}: pass it to someone else")
    what = f"passed on the {facts.kind.value} {_quoted(facts)} (opportunity #{facts.id})"
    return _refer(store, facts, person_id, (ReferralRole.PASSED_TO, PASSED, what), on, today)


def referred_by(
    store: Store, opportunity_id: int, person_id: int, on: date, today: date
) -> ReferralRecorded:
    """This person referred you for one of your opportunities: a referral, and a referral
    received in the ledger."""
    facts = _opportunity(store, opportunity_id)
    if not facts.for_me:
        raise UsageError(
            f"#{facts.id} is for others: record whom you passed it to with "
            f"`amity opportunity pass {facts.id} PERSON`"
        )
    what = f"referred you for the {facts.kind.value} {_quoted(facts)} (opportunity #{facts.id})"
    return _refer(store, facts, person_id, (ReferralRole.REFERRED_ME, REFERRED, what), on, today)


def referral_outcome(
    store: Store, opportunity_id: int, person_id: int, outcome: str
) -> ReferralFacts:
    """Write what came of the referral of this opportunity to (or by) this person."""
    facts = _opportunity(store, opportunity_id)
    person = PersonRef(*person_by_id(store, person_id))
    role = ReferralRole.REFERRED_ME if facts.for_me else ReferralRole.PASSED_TO
    row = opportunities_store.referral(store, facts.id, person.id, role.value)
    if row is None:
        verb = "referred you for" if facts.for_me else "was passed"
        raise NotFound(f"no referral of #{facts.id} to {person.name}: nobody says they {verb} it")
    if not outcome.strip():
        raise UsageError('say what came of it, e.g. "got an interview"')
    with store.db.transaction():
        opportunities_store.set_referral_outcome(store, int(row["id"]), outcome.strip())
    return ReferralFacts(int(row["id"]), person, role, _day(row["on_date"]), outcome.strip())


# -- helpers ---------------------------------------------------------------------------------


def _refer(
    store: Store,
    facts: OpportunityFacts,
    person_id: int,
    how: tuple[ReferralRole, tuple[LedgerDirection, LedgerKind], str],
    on: date,
    today: date,
) -> ReferralRecorded:
    role, (direction, kind), what = how
    person = PersonRef(*person_by_id(store, person_id))
    old = opportunities_store.referral(store, facts.id, person.id, role.value)
    if old is not None:
        done = "passed it to" if role is ReferralRole.PASSED_TO else "were referred by"
        raise UsageError(
            f"you already {done} {person.name} on {_day(old['on_date']).isoformat()} "
            f"(#{facts.id}); write what came of it with `amity opportunity outcome`"
        )
    with store.db.transaction():
        entry = ledger.record(store, person.id, direction, kind, what, on, today)
        referral_id = opportunities_store.add_referral(
            store, facts.id, person.id, role.value, entry.on
        )
    referral = ReferralFacts(referral_id, person, role, entry.on, "")
    return ReferralRecorded(_opportunity(store, facts.id), referral, entry)


def _day(value: Any) -> date:
    day = as_date(value)
    if day is None:  # pragma: no cover - the columns are NOT NULL
        raise ValueError("a referral or an opportunity without its date")
    return day


def _quoted(facts: OpportunityFacts) -> str:
    at = f" at {facts.organization}" if facts.organization else ""
    return f"\u201c{facts.title}\u201d{at}"


def _opportunity(store: Store, opportunity_id: int) -> OpportunityFacts:
    row = opportunities_store.opportunity(store, opportunity_id)
    if row is None:
        raise NotFound(
            f"no opportunity has id {opportunity_id}; `amity opportunity list --all` lists them"
        )
    return _facts(row)


def _facts(row: Any) -> OpportunityFacts:
    source = None
    if row["person_name"] is not None:
        source = PersonRef(int(row["person_id"]), str(row["person_name"]))
    return OpportunityFacts(
        int(row["id"]),
        str(row["title"]),
        OpportunityKind(str(row["kind"])),
        bool(row["for_me"]),
        str(row["organization"]),
        str(row["description"]),
        source,
        _day(row["created_on"]),
        bool(row["closed"]),
        str(row["outcome"]),
        int(row["referrals"]),
    )


def _referrals(store: Store, opportunity_id: int) -> tuple[ReferralFacts, ...]:
    return tuple(
        ReferralFacts(
            int(r["id"]),
            PersonRef(int(r["person_id"]), str(r["name"])),
            ReferralRole(str(r["role"])),
            _day(r["on_date"]),
            str(r["outcome"]),
        )
        for r in opportunities_store.referrals(store, opportunity_id)
    )


def _suited(store: Store, facts: OpportunityFacts) -> tuple[Suited, ...]:
    """The living contacts the opportunity suits, best first: never whoever it came from,
    nor anyone it already went to. Only people whose text holds one of the opportunity's
    words are parsed; the rest count for how rare each word is."""
    wanted = Wanted(facts.kind, facts.title, facts.description, facts.organization)
    pieces = needles(wanted)
    if not pieces:
        return ()
    skip = opportunities_store.referred_ids(store, facts.id)
    if facts.source is not None:
        skip.add(facts.source.id)
    holds = re.compile("|".join(re.escape(piece) for piece in pieces)).search
    total, maybe = 0, []
    for row in opportunities_store.profiles(store):
        total += 1
        if row[0] not in skip and holds(folded("\n".join(row[2:]))):
            maybe.append(Profile(*row))
    fits = suited(wanted, maybe, total=total, limit=SUITED_LIMIT)
    return tuple(Suited(PersonRef(f.person_id, f.name), f.score, f.reason) for f in fits)


def _known_there(found: PathsView) -> tuple[KnownThere, ...]:
    """The people at the organisation you are in touch with yourself: the one-link paths
    among the strongest ones, but not a contact you have never been in touch with (an
    imported connection: you could write to them, you do not know them)."""
    return tuple(
        KnownThere(
            PersonRef(int(path.ask.id or 0), path.ask.name),
            path.target_note,
            path.strength,
            path.hops[0].why,
        )
        for path in found.paths
        if len(path.hops) == 1 and path.hops[0].why != NEVER_IN_TOUCH
    )
