"""`amity opportunity`: jobs, projects, talks, podcasts and collaborations, for you or others."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from amity.service.opportunity_types import (
        OpportunityFacts,
        OpportunityView,
        ReferralRecorded,
    )
    from amity.store import Store

    Refer = Callable[[Store, int, int, date, date], ReferralRecorded]


KNOWN_SHOWN = 5  # people you know at the organisation, named in the human output


@click.group("opportunity")
def opportunity_command() -> None:
    """Opportunities to pass on or to pursue: add, edit, list, show, pass, referred-by,
    outcome, close."""


@opportunity_command.command("add", short_help="Record one; shows who it suits or the ways in.")
@click.argument("title")
@click.option("--org", metavar="NAME", default="", help="The organisation it is at.")
@click.option("--kind", metavar="KIND", default="job", show_default=True,
              help="job, project, speaking, podcast or collab.")  # fmt: skip
@click.option("--for-me", is_flag=True, help="It is for you (else: one to pass on).")
@click.option("--about", metavar="TEXT", default="", help="What it is about, in more words.")
@click.option("--from", "source", metavar="PERSON", help="Who it came from.")
@json_option
def add_command(
    title: str, org: str, kind: str, for_me: bool, about: str, source: str | None, as_json: bool
) -> None:
    """Record an opportunity, and show who it suits (or, --for-me, the ways in)."""
    from amity.service.opportunities import add_opportunity, parse_kind
    from amity.service.resolve import resolve_person

    ctx = app()
    chosen = parse_kind(kind)
    store = ctx.write_store
    from_id = resolve_person(store, source)[0] if source is not None else None
    view = add_opportunity(
        store,
        title,
        kind=chosen,
        for_me=for_me,
        today=ctx.settings.today,
        organization=org,
        description=about,
        from_id=from_id,
    )
    if as_json:
        emit_json(view.as_dict())
        return
    echo(f"Added opportunity #{view.opportunity.id}: {_headline(view.opportunity)}")
    _render_next(view)


@opportunity_command.command("edit", short_help="Change its title, organisation, kind...")
@click.argument("opportunity_id", metavar="ID", type=NUMBER)
@click.option("--title", metavar="TEXT", help="A new title.")
@click.option("--org", metavar="NAME", help="The organisation it is at ('' for none).")
@click.option("--kind", metavar="KIND", help="job, project, speaking, podcast or collab.")
@click.option("--for-me/--for-others", "for_me", default=None,
              help="It is for you, or one to pass on.")  # fmt: skip
@click.option("--about", metavar="TEXT", help="What it is about, in more words.")
@click.option("--from", "source", metavar="PERSON", help="Who it came from ('' for no one).")
@json_option
def edit_command(
    opportunity_id: int,
    title: str | None,
    org: str | None,
    kind: str | None,
    for_me: bool | None,
    about: str | None,
    source: str | None,
    as_json: bool,
) -> None:
    """Change what you wrote about opportunity ID; its referrals stay."""
    from amity.service.opportunities import edit_opportunity, parse_kind
    from amity.service.resolve import resolve_person

    ctx = app()
    store = ctx.write_store
    chosen = parse_kind(kind) if kind is not None else None
    from_id = resolve_person(store, source)[0] if source else None
    view = edit_opportunity(
        store,
        opportunity_id,
        ctx.settings.today,
        title=title,
        kind=chosen,
        for_me=for_me,
        organization=org,
        description=about,
        from_id=from_id,
        from_no_one=source == "",
    )
    if as_json:
        emit_json(view.as_dict())
        return
    echo(f"Changed opportunity #{view.opportunity.id}: {_headline(view.opportunity)}")


@opportunity_command.command("list", short_help="The open ones (--all: the closed too).")
@click.option("--all", "everything", is_flag=True, help="The closed ones too.")
@json_option
def list_command(everything: bool, as_json: bool) -> None:
    """Open opportunities, newest first (--all: then the closed ones)."""
    from amity.service.opportunities import list_opportunities

    found = list_opportunities(app().store, closed=everything)
    if as_json:
        emit_json(found.as_dict())
        return
    if not found.opportunities:
        echo('No opportunities yet. Add one: amity opportunity add "TITLE" --org NAME')
        return
    for facts in found.opportunities:
        count = f", {facts.referrals} referral{'s' if facts.referrals != 1 else ''}"
        state = f" — closed: {facts.outcome or 'no outcome'}" if facts.closed else ""
        echo(f"#{facts.id} {_headline(facts)}{count if facts.referrals else ''}{state}")


@opportunity_command.command("show", short_help="One, with who it suits or the ways in.")
@click.argument("opportunity_id", metavar="ID", type=NUMBER)
@json_option
def show_command(opportunity_id: int, as_json: bool) -> None:
    """An opportunity, its referrals, and who it suits or the warm paths into it."""
    from amity.service.opportunities import show_opportunity

    ctx = app()
    view = show_opportunity(ctx.store, opportunity_id, ctx.settings.today)
    if as_json:
        emit_json(view.as_dict())
        return
    facts = view.opportunity
    echo(f"#{facts.id} {_headline(facts)}")
    if facts.description:
        echo(f"   {facts.description}")
    if facts.source:
        echo(f"   From {facts.source.name}, {facts.created_on.isoformat()}")
    for referral in view.referrals:
        did = "passed to" if referral.role == "passed_to" else "referred you:"
        outcome = f" — {referral.outcome}" if referral.outcome else ""
        echo(f"   {referral.on.isoformat()} {did} {referral.person.name}{outcome}")
    if facts.closed:
        echo(f"Closed: {facts.outcome or 'no outcome written'}.")
        return
    _render_next(view)


@opportunity_command.command("pass", short_help="You passed one on to PERSON.")
@click.argument("opportunity_id", metavar="ID", type=NUMBER)
@click.argument("person")
@click.option("--on", "on", metavar="DATE", help="When you passed it on (default today).")
@json_option
def pass_command(opportunity_id: int, person: str, on: str | None, as_json: bool) -> None:
    """You passed opportunity ID on to PERSON (a referral you gave)."""
    from amity.service.opportunities import pass_on

    _refer(pass_on, opportunity_id, person, on, as_json)


@opportunity_command.command("referred-by", short_help="PERSON referred you for one of yours.")
@click.argument("opportunity_id", metavar="ID", type=NUMBER)
@click.argument("person")
@click.option("--on", "on", metavar="DATE", help="When they referred you (default today).")
@json_option
def referred_by_command(opportunity_id: int, person: str, on: str | None, as_json: bool) -> None:
    """PERSON referred you for your opportunity ID (a referral you received)."""
    from amity.service.opportunities import referred_by

    _refer(referred_by, opportunity_id, person, on, as_json)


@opportunity_command.command("outcome", short_help="What came of one referral.")
@click.argument("opportunity_id", metavar="ID", type=NUMBER)
@click.argument("person")
@click.argument("text", metavar="TEXT")
@json_option
def outcome_command(opportunity_id: int, person: str, text: str, as_json: bool) -> None:
    """What came of passing ID to PERSON, or of PERSON referring you."""
    from amity.service.opportunities import referral_outcome
    from amity.service.resolve import resolve_person

    store = app().write_store
    person_id, _ = resolve_person(store, person)
    done = referral_outcome(store, opportunity_id, person_id, text)
    if as_json:
        emit_json(done.as_dict())
        return
    echo(f"#{opportunity_id}, {done.person.name}: {done.outcome}")


@opportunity_command.command("close", short_help="Close one: it is never matched again.")
@click.argument("opportunity_id", metavar="ID", type=NUMBER)
@click.option("--outcome", metavar="TEXT", help='What came of it ("hired", "filled").')
@json_option
def close_command(opportunity_id: int, outcome: str | None, as_json: bool) -> None:
    """Close opportunity ID: it is never matched again."""
    from amity.service.opportunities import close_opportunity

    facts = close_opportunity(app().write_store, opportunity_id, outcome)
    if as_json:
        emit_json(facts.as_dict())
        return
    said = f": {facts.outcome}" if facts.outcome else ""
    echo(f"Closed #{facts.id} {facts.title}{said}")


def _refer(action: Refer, opportunity_id: int, person: str, on: str | None, as_json: bool) -> None:
    from amity.service.choices import parse_happened_on
    from amity.service.resolve import resolve_person

    ctx = app()
    store = ctx.write_store
    person_id, _ = resolve_person(store, person)
    day = parse_happened_on(on, ctx.settings.today)
    done = action(store, opportunity_id, person_id, day, ctx.settings.today)
    if as_json:
        emit_json(done.as_dict())
        return
    echo(f"Recorded: {done.ledger.what} — {done.referral.person.name}.")
    echo(f"Give and take with {done.referral.person.name}: {done.ledger.balance.phrase}.")


def _headline(facts: OpportunityFacts) -> str:
    at = f" at {facts.organization}" if facts.organization else ""
    whose = "for you" if facts.for_me else "to pass on"
    return f"{facts.title}{at} ({facts.kind.value}, {whose})"


def _render_next(view: OpportunityView) -> None:
    facts = view.opportunity
    if not facts.for_me:
        _render_suited(view)
        return
    if not facts.organization:
        echo("No organisation given, so no warm paths: add one with --org next time.")
        return
    org = view.organization or facts.organization
    if not view.paths:
        maybe = f" Did you mean {', '.join(view.suggestions)}?" if view.suggestions else ""
        echo(f"Nobody at {org} is in your network.{maybe}")
        return
    echo(f"Warm paths into {org}:")
    for number, path in enumerate(view.paths, 1):
        target = path.hops[-1].end.name
        note = f" ({path.target_note})" if path.target_note else ""
        links = "direct" if len(path.hops) == 1 else f"{len(path.hops)} links"
        echo(f"{number}. {target}{note}: strength {path.strength:.2f}, {links}")
        for hop in path.hops:
            echo(f"   {hop.start.name} \u2194 {hop.end.name} ({hop.strength:.2f}): {hop.why}")
        echo(f"   Ask {path.ask.name} first:")
        for line in f"\u201c{path.draft}\u201d".splitlines():
            echo(f"   {line}" if line else "")
    if view.known_there:
        shown = view.known_there[:KNOWN_SHOWN]
        names = ", ".join(f"{k.person.name} ({k.note})" for k in shown)
        more = len(view.known_there) - len(shown)
        echo(f"You know directly at {org}: {names}{f', and {more} more' if more else ''}.")
    echo(f"People at {org} in your contacts: {view.people_there}.")


def _render_suited(view: OpportunityView) -> None:
    facts = view.opportunity
    if not view.suited:
        echo("Nobody in your network looks suited yet: their needs, offers, interests and "
             "titles share no telling word with it.")  # fmt: skip
        return
    echo("Who it suits:")
    for suited in view.suited:
        echo(f"  #{suited.person.id} {suited.person.name} ({suited.score}): {suited.reason}")
    first = view.suited[0].person.name
    echo(f'Pass it on: amity opportunity pass {facts.id} "{first}"')
