"""Amity's command line: thin commands over `amity.service`, loaded only when used.

`amity --help` lists every command from the table below without importing any of them,
so starting Amity stays fast (no SQLAlchemy, Rich, FastAPI or Jinja2 at startup).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import click

# name -> (module, one-line help). The module defines a click command named like the entry.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("amity.cli.setup", "Create the Amity home and database (safe to run again)."),
    "demo": ("amity.cli.setup", "Load a realistic demo network relative to today."),
    "add": ("amity.cli.people", "Add a person and print their id."),
    "met": ("amity.cli.interactions", "Log meeting someone (creates them if new)."),
    "log": ("amity.cli.interactions", "Log a call, message, coffee or other interaction."),
    "show": ("amity.cli.people", "Show a person: profile, strength and timeline."),
    "list": ("amity.cli.people", "List people, filtered and sorted."),
    "edit": ("amity.cli.people", "Change a person's fields."),
    "forget": ("amity.cli.people", "Move a person to the trash (kept 30 days)."),
    "unforget": ("amity.cli.people", "Bring a person back from the trash."),
    "search": ("amity.cli.people", "Search people, organisations, notes and interactions."),
    "today": ("amity.cli.agenda", "Today's agenda: who to reach out to, why, and a draft."),
    "done": ("amity.cli.agenda", "Mark an agenda item done."),
    "snooze": ("amity.cli.agenda", "Put an agenda item off for some days."),
    "skip": ("amity.cli.agenda", "Drop an agenda item without doing it."),
    "draft": ("amity.cli.agenda", "Draft a follow-up, check-in, congrats, thanks, ask or promise."),
    "life": ("amity.cli.agenda", "Record a life event: new job, promotion, moved..."),
    "remind": ("amity.cli.remind", "Remind yourself about someone on a day (--list, --cancel)."),
    "promise": ("amity.cli.remind", "Keep a promise to someone on the agenda, on its own."),
    "knows": ("amity.cli.ties", "Record that two people know each other, or list who one knows."),
    "gave": ("amity.cli.ledger", "Record something you gave someone."),
    "got": ("amity.cli.ledger", "Record something someone gave you."),
    "asked": ("amity.cli.ledger", "Record something you asked someone for."),
    "report": ("amity.cli.report", "How your network is doing: tiers, follow-ups, give and take."),
    "coach": ("amity.cli.report", "Networking habits to change, found in your own history."),
    "calendar": ("amity.cli.reminders", "Write the coming agenda as an iCalendar file."),
    "digest": ("amity.cli.reminders", "Email today's agenda (SMTP settings in the home)."),
    "settings": ("amity.cli.reminders", "Show or change preferences (budget, tone, SMTP...)."),
    "import": ("amity.cli.importing", "Import LinkedIn, vCard, Google or Outlook contacts."),
    "export": ("amity.cli.transfer", "Export everything as vCard, CSV or a JSON backup."),
    "restore": ("amity.cli.transfer", "Restore a JSON backup into an empty home."),
    "dedupe": ("amity.cli.duplicates", "Find (and merge) people who are probably one person."),
    "merge": ("amity.cli.duplicates", "Merge two people into one."),
    "undo": ("amity.cli.duplicates", "Undo the last merge, import or dismissal."),
    "path": ("amity.cli.paths", "Warm-intro paths to a company, a role or a person."),
    "intro": ("amity.cli.intros", "Introduce two people, double opt-in: ask A, then B."),
    "opportunity": ("amity.cli.opportunities", "Opportunities to pass on, or to pursue yourself."),
    "event": ("amity.cli.events", "Plan an event, read its brief, debrief after."),
    "events": ("amity.cli.event_rank", "Which past events and communities were worth it (--rank)."),
    "goal": ("amity.cli.goals", "Networking goals: set one, see its progress and next step."),
    "intros": ("amity.cli.suggestions", "Who among your contacts should meet, and why."),
    "serve": ("amity.cli.web", "Run the web app on this home."),
    "db": ("amity.cli.db", "The database schema: status, and upgrade to the newest."),
}


def __getattr__(name: str) -> Any:
    """`cli` (the Click group) and `LazyGroup`, imported from `amity.cli.group` when asked
    for: the hot read commands run without Click (`amity.cli.reads`)."""
    if name in ("cli", "LazyGroup"):
        from amity.cli import group

        return getattr(group, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn every error into one line, never a traceback."""
    from amity.errors import AmityError

    args = sys.argv[1:] if argv is None else list(argv)
    try:
        _check_arguments(args)
        from amity.cli.reads import run

        if not run(args):  # the hot read commands in their plain forms run without Click
            _run_click(args)
    except AmityError as exc:
        _report(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _echo_err("Interrupted; nothing was half-written.")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # the last line of defence: one line and a crash log
        _crash(exc, args)
        sys.exit(1)


def _run_click(args: list[str]) -> None:
    import click

    from amity.cli.group import cli

    try:
        cli.main(args=args, prog_name="amity", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _show_click_error(exc)
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)


def _check_arguments(args: list[str]) -> None:
    """Bytes that are not UTF-8 reach Python as lone surrogates, which nothing can store:
    refuse them before anything is read or written."""
    for position, arg in enumerate(args, start=1):
        if arg.isascii() and "\x00" not in arg:  # the common case, without an import
            continue
        from amity.errors import UsageError
        from amity.service.settings.environment import has_surrogates

        if "\x00" in arg:  # only from a program calling main(): a shell cannot pass one
            raise UsageError(f"argument {position} contains a NUL character; remove it")
        if has_surrogates(arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            raise UsageError(
                f"argument {position} ({shown}) is not valid UTF-8 text; "
                "retype it in a UTF-8 terminal, or rename the file it names"
            )


def _show_click_error(exc: click.ClickException) -> None:
    import io

    import click

    from amity.cli.terminal import plain
    from amity.store.database import redact

    shown = io.StringIO()
    exc.show(file=shown)  # click's own wording and usage hint, then made safe to print
    click.echo(plain(redact(shown.getvalue())), err=True, nl=False)


def _crash(exc: BaseException, args: list[str]) -> None:
    import errno

    from amity.cli.crash import write_crash_log

    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        _say("disk full: nothing was half-written; free some space and try again")
        return
    try:
        log = write_crash_log(exc, args)
    except Exception:  # out of memory again, say: the one line still goes out
        log = None
    where = f"details are in {log}" if log else "no crash log could be written"
    if isinstance(exc, MemoryError):
        what = "out of memory: the input is too large for this machine; try a smaller one"
    elif isinstance(exc, ModuleNotFoundError) and exc.name:
        what = (
            f"a library Amity needs ({exc.name}) is not installed; reinstall Amity "
            "(`pip install --upgrade amity`, or `pip install -e .` in a checkout)"
        )
    else:
        what = f"unexpected error ({type(exc).__name__}); nothing was half-written"
    _say(f"{what}; {where}; please report it if it happens again")


def _report(exc: Any) -> None:
    import click

    from amity.cli.terminal import plain
    from amity.errors import Ambiguous

    _say(str(exc))
    if isinstance(exc, Ambiguous):
        for person_id, name in exc.candidates:
            click.echo(f"  #{person_id}  {plain(name)}", err=True)


def _echo_err(message: str) -> None:
    import click

    click.echo(message, err=True)


def _say(message: str) -> None:
    import click

    from amity.cli.terminal import plain
    from amity.store.database import redact

    click.secho(f"amity: {plain(redact(message))}", fg="red", err=True)
