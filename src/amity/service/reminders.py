"""Reminders that reach you: an iCalendar file of the coming agenda, and a daily email."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from amity.errors import AmityError, UsageError
from amity.service.agenda import plan, today_view
from amity.service.files import write_atomically
from amity.service.settings.config_file import SmtpSettings
from amity.store import Store, digests

CATCH_UP_DAYS = 7


def calendar(store: Store, today: date, out: Path, days: int, now: datetime) -> int:
    from amity.io.icalendar_export import agenda_to_ics

    if not 1 <= days <= 366:
        raise UsageError("--days must be between 1 and 366")
    agenda = plan(store, today, horizon=days)
    until = today + timedelta(days=days)
    dated = [(day, item) for day, item in agenda.dated_items() if day <= until]
    write_atomically(out, agenda_to_ics(dated, "Amity", now))
    return len(dated)


def digest_message(
    store: Store, today: date, home: Path, settings: SmtpSettings, missed: list[date]
) -> EmailMessage:
    view = today_view(store, today, home)
    items = view.open_items  # those done today already are not sent again
    message = EmailMessage()
    count = len(items)
    subject = f"Amity: {count} reminder{'s' * (count != 1)} for {today:%A %d %B}"
    if missed:
        subject += f" (catching up {len(missed)} missed day{'s' * (len(missed) > 1)})"
    message["Subject"] = subject
    message["From"] = settings.sender or settings.username or "amity@localhost"
    message["To"] = settings.to or settings.sender
    lines = [f"Today, {today:%A %d %B %Y}", ""]
    if missed:
        lines += [
            f"No digest went out on {', '.join(d.isoformat() for d in missed)}; "
            "anything still open from those days is below.",
            "",
        ]
    for item in items:
        lines += [
            f"{item.number}. {item.person_name}: {item.reason}",
            "",
            *("    " + line for line in item.draft.splitlines()),
            "",
        ]
    if not items:
        lines.append("Nothing due today.")
    if view.later:
        lines.append(f"{view.later} more planned for the coming days.")
    message.set_content("\n".join(lines))
    return message


def pending_days(store: Store, today: date) -> list[date]:
    """Days up to today with no digest sent, back to the last one sent (at most a week)."""
    last = digests.last_digest_day(store)
    first = (
        today
        if last is None
        else max(last + timedelta(days=1), today - timedelta(days=CATCH_UP_DAYS - 1))
    )
    return [first + timedelta(days=n) for n in range((today - first).days + 1)]


@dataclass(frozen=True, slots=True)
class Digest:
    """What `amity digest` did for `days` (today, and missed days it catches up): sent it
    to `to`, or not (`reason`; without `--send`, the `preview` of the email)."""

    sent: bool
    days: tuple[date, ...]
    reason: str = ""
    preview: str | None = None
    to: str = ""
    subject: str = ""

    def as_dict(self) -> dict[str, Any]:
        if self.sent:
            said: dict[str, Any] = {"sent": True, "to": self.to, "subject": self.subject}
        elif self.preview is not None:
            said = {"sent": False, "preview": self.preview}
        else:
            said = {"sent": False, "reason": self.reason}
        return {**said, "days": [d.isoformat() for d in self.days]}


def digest(store: Store, today: date, home: Path, *, send: bool) -> Digest:
    from amity.service.settings.edit import current_smtp, move_legacy_smtp

    if send:
        move_legacy_smtp(store, home)
    settings = current_smtp(store, home)
    days = tuple(pending_days(store, today))
    if not days:
        return Digest(False, (), reason=f"the digest for {today.isoformat()} was already sent")
    message = digest_message(store, today, home, settings, [d for d in days if d != today])
    if not send:
        return Digest(False, days, preview=message.as_string())
    if not settings.host:
        raise UsageError("no SMTP server set; `amity settings smtp.host HOST` (see docs/cli.md)")
    _send(settings, message)
    sent_at = datetime.now(UTC).isoformat(timespec="seconds")
    with store.db.transaction():
        for day in days:
            digests.record_digest(store, day, sent_at, str(message["Subject"]))
    return Digest(True, days, to=str(message["To"]), subject=str(message["Subject"]))


def _send(settings: SmtpSettings, message: EmailMessage) -> None:
    import smtplib

    try:
        factory = smtplib.SMTP_SSL if settings.ssl else smtplib.SMTP
        with factory(settings.host, settings.port, timeout=20) as smtp:
            if settings.starttls and not settings.ssl:
                smtp.starttls()
            if settings.username:
                smtp.login(settings.username, settings.password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise AmityError(
            f"could not send the digest through {settings.host}:{settings.port}: {exc}"
        ) from None
