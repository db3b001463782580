"""People commands: add, show, list, edit, forget, unforget, search."""

from __future__ import annotations

from typing import Any

import click

from amity.cli import reads
from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo


@click.command("add")
@click.argument("name")
@click.option("--email", multiple=True, help="Email address (repeatable).")
@click.option("--phone", multiple=True, help="Phone number (repeatable).")
@click.option("--company", default="", help="Where they work now.")
@click.option("--title", default="", help="Their job title (needs --company).")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--circle", help="inner, close, active, acquaintance or dormant.")
@click.option("--every", type=NUMBER, help="Keep in touch every DAYS days.")
@click.option("--how-met", default="", help="How you met, in your words.")
@click.option("--met-through", help="The person who introduced you.")
@click.option("--birthday", metavar="YYYY-MM-DD|--MM-DD", help="Birthday, year optional.")
@json_option
def add_command(
    name: str,
    email: tuple[str, ...],
    phone: tuple[str, ...],
    company: str,
    title: str,
    tags: tuple[str, ...],
    circle: str | None,
    every: int | None,
    how_met: str,
    met_through: str | None,
    birthday: str | None,
    as_json: bool,
) -> None:
    """Add a person to your network and print their id."""
    from amity.service.people import NewPerson, add_person

    ctx = app()
    new = NewPerson(
        name=name,
        emails=list(email),
        phones=list(phone),
        company=company,
        title=title,
        tags=list(tags),
        circle=circle,
        every=every,
        how_met=how_met,
        met_through=met_through,
        birthday=birthday,
    )
    person_id, similar = add_person(ctx.write_store, new, ctx.settings.today)
    if as_json:
        emit_json({"id": person_id, "similar": [{"id": i, "name": n} for i, n in similar]})
        return
    echo(person_id)
    for other_id, other in similar:
        echo(f"note: {other} (#{other_id}) has a very similar name", err=True)


@click.command("show")
@click.argument("person")
@click.option("--limit", default=20, show_default=True, type=NUMBER, help="Interactions to show.")
@json_option
def show_command(person: str, limit: int, as_json: bool) -> None:
    """Show a person: profile, contact points, strength and recent interactions."""
    reads.show(app(), person, limit, as_json)


@click.command("list")
@click.option("--tag", "tags", multiple=True, help="Only people with this tag (repeatable).")
@click.option("--circle", help="Only this circle.")
@click.option("--company", help="Only people at this company.")
@click.option(
    "--sort",
    default="name",
    show_default=True,
    type=click.Choice(reads.SORTS),
    help="Order.",
)
@click.option("--limit", type=NUMBER, help="At most this many.")
@click.option("--archived", is_flag=True, help="Include archived people.")
@click.option(
    "--tier",
    type=click.Choice(reads.TIERS),
    help="Only this tier (from the stored strength).",
)
@click.option(
    "--source",
    type=click.Choice(reads.SOURCES),
    help="Only people imported from this source (manual: never imported).",
)
@json_option
def list_command(
    tags: tuple[str, ...],
    circle: str | None,
    company: str | None,
    sort: str,
    limit: int | None,
    archived: bool,
    tier: str | None,
    source: str | None,
    as_json: bool,
) -> None:
    """List people with filters; --json returns every match unless --limit is given."""
    reads.list_people(app(), tags, circle, company, sort, limit, archived, tier, source, as_json)


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option(
    "--limit", default=20, show_default=True, type=NUMBER, help="At most this many results."
)
@json_option
def search_command(query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Search everything; filters: company:NAME tag:TAG circle:CIRCLE name:TEXT."""
    reads.search(app(), query, limit, as_json)


@click.command("edit")
@click.argument("person")
@click.option("--name", help="Full name.")
@click.option("--nickname")
@click.option("--headline")
@click.option("--location")
@click.option("--circle", help="inner, close, active, acquaintance or dormant.")
@click.option("--every", type=NUMBER, help="Keep in touch every DAYS days (0 = circle default).")
@click.option("--birthday", metavar="YYYY-MM-DD|--MM-DD", help="Birthday ('none' clears it).")
@click.option("--how-met")
@click.option("--where-met")
@click.option("--met-through", help="The person who introduced you.")
@click.option("--about")
@click.option("--needs", help="What they are looking for.")
@click.option("--offers", help="What they can help others with.")
@click.option("--interests")
@click.option("--company", help="A new current company (closes the old job).")
@click.option("--title", help="Current title.")
@click.option("--email", multiple=True, help="Add an email address.")
@click.option("--phone", multiple=True, help="Add a phone number.")
@click.option("--add-tag", multiple=True, help="Add a tag.")
@click.option("--remove-tag", multiple=True, help="Remove a tag.")
@click.option("--archive/--unarchive", "archived", default=None, help="Archive or restore.")
def edit_command(person: str, **changes: Any) -> None:
    """Change a person's fields: amity edit ada --circle inner --add-tag mentor."""
    from amity.service.people import edit_person, read_changes
    from amity.service.resolve import resolve_person

    ctx = app()
    store = ctx.write_store
    person_id, _ = resolve_person(store, person)
    edit_person(store, person_id, read_changes(store, changes), ctx.settings.today)
    echo(f"updated #{person_id}")


@click.command("forget")
@click.argument("person")
def forget_command(person: str) -> None:
    """Move a person to the trash; they are deleted for good after 30 days."""
    from amity.service.people import forget_person
    from amity.service.resolve import resolve_person

    ctx = app()
    store = ctx.write_store
    person_id, _ = resolve_person(store, person)
    name = forget_person(store, person_id, ctx.settings.today)
    echo(
        f"{name} (#{person_id}) is in the trash for 30 days; `amity unforget {person_id}`"
        " brings them back"
    )


@click.command("unforget")
@click.argument("person")
def unforget_command(person: str) -> None:
    """Bring a forgotten person back from the trash."""
    from amity.service.people import resolve_forgotten, unforget_person

    ctx = app()
    store = ctx.write_store
    person_id, _ = resolve_forgotten(store, person)
    name = unforget_person(store, person_id, ctx.settings.today)
    echo(f"{name} (#{person_id}) is back")
