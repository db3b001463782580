"""LinkedIn `messages.csv` and `Invitations.csv` as `InteractionDraft`s.

Columns are mapped by name; the sets vary by year:
- messages, now: `CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,
  RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER[,ATTACHMENTS][,IS MESSAGE DRAFT]…`;
  several recipients' URLs are `;`-separated.
- messages, 2018: `From,To,Date,Subject,Content,Direction,Folder` (HTML entities in Content).
- invitations: `From,To,Sent At,Message,Direction[,inviterProfileUrl,inviteeProfileUrl]`.

A message is outbound when its sender is the owner of the export: known from `Profile.csv`'s
name (and the profile URLs seen next to it), else guessed as the sender found in the most
conversations. `source_key` = conversation id | DATE as written | sender | hash of content,
so two messages sent in the same minute stay apart and a re-import finds the same keys.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from amity.engines.contact_points import name_key, normalize_url
from amity.io.csv_text import Table, paused_gc, read_table, repair_mojibake
from amity.io.linkedin_connections import SOURCE
from amity.io.linkedin_dates import parse_date
from amity.model import Direction, InteractionDraft, InteractionKind, SkippedRow

_TAG = re.compile(r"<[^>]+>")
_URL_SEPARATOR = re.compile(r"[;,]\s*")
_SUMMARY_LENGTH = 100
_MESSAGE_COLUMNS = (
    "CONVERSATION ID",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "DIRECTION",
    "IS MESSAGE DRAFT",
)
_INVITATION_COLUMNS = (
    "From",
    "To",
    "Sent At",
    "Message",
    "Direction",
    "inviterProfileUrl",
    "inviteeProfileUrl",
)


@dataclass(slots=True)
class Owner:
    """Who the export belongs to, so a message can be told sent from received."""

    names: set[str] = field(default_factory=set)  # name_key of each known spelling
    urls: set[str] = field(default_factory=set)  # canonical profile URLs

    def learn(self, name: str = "", url: str = "") -> None:
        if name.strip():
            self.names.add(name_key(repair_mojibake(name)))
        if canonical := normalize_url(url):
            self.urls.add(canonical)

    def is_owner(self, name: str, url: str = "") -> bool:
        canonical = normalize_url(url)
        if canonical and canonical in self.urls:
            return True
        return bool(name) and name_key(repair_mojibake(name)) in self.names

    def __bool__(self) -> bool:
        return bool(self.names or self.urls)


@dataclass(frozen=True, slots=True)
class _Participant:
    name: str
    url: str  # canonical, or ""


def is_messages_header(keys: set[str]) -> bool:
    return {"from", "to", "date", "content"} <= keys


def is_invitations_header(keys: set[str]) -> bool:
    return {"from", "to", "sent at"} <= keys


def guess_owner(data: bytes | str, file: str) -> Owner:
    """The sender found in the most conversations: the owner takes part in every one."""
    table = read_table(data, file, is_messages_header)
    sender, conversation = table.cell("FROM"), table.cell("CONVERSATION ID")
    to = table.cell("TO")
    seen = {(conversation(row) or to(row), sender(row)) for _line, row in table.rows}
    counts = Counter(name for _conversation, name in seen if name)
    owner = Owner()
    if counts:
        owner.learn(counts.most_common(1)[0][0])
    return owner


def read_messages(
    data: bytes | str, file: str, today: date, owner: Owner
) -> tuple[list[InteractionDraft], list[SkippedRow]]:
    """One `message` interaction per row; drafts and rows without a valid DATE are skipped."""
    table = read_table(data, file, is_messages_header)
    _learn_owner_urls(table, owner)
    with paused_gc():
        return _each_row(table, _MESSAGE_COLUMNS, file, lambda v: _message(v, today, owner))


def _each_row(
    table: Table,
    columns: Iterable[str],
    file: str,
    build: Callable[[dict[str, str]], InteractionDraft],
) -> tuple[list[InteractionDraft], list[SkippedRow]]:
    """One interaction per row; a row `build` rejects (ValueError) is skipped with its line."""
    cells = table.cells(columns)
    interactions: list[InteractionDraft] = []
    skipped: list[SkippedRow] = []
    for line, row in table.rows:
        try:
            interaction = build({name: cell(row) for name, cell in cells.items()})
        except ValueError as error:
            skipped.append(SkippedRow(file, line, str(error)))
            continue
        interaction.file, interaction.line = file, line
        interactions.append(interaction)
    return interactions, skipped


def _learn_owner_urls(table: Table, owner: Owner) -> None:
    sender, sender_url = table.cell("FROM"), table.cell("SENDER PROFILE URL")
    for _line, row in table.rows:
        if sender_url(row) and owner.is_owner(sender(row)):
            owner.learn(url=sender_url(row))


def _message(values: dict[str, str], today: date, owner: Owner) -> InteractionDraft:
    if values["IS MESSAGE DRAFT"].casefold() == "yes":
        raise ValueError("unsent draft")
    raw_date = values["DATE"]
    occurred_on = _required_date(raw_date, "DATE", today)
    sender = _Participant(
        repair_mojibake(values["FROM"]), normalize_url(values["SENDER PROFILE URL"])
    )
    recipients = list(_recipients(values["TO"], values["RECIPIENT PROFILE URLS"]))
    if not sender.name and not sender.url and not recipients:
        raise ValueError("no sender and no recipient")
    outbound = _is_outbound(values["DIRECTION"], sender, owner)
    others = [p for p in ([] if outbound else [sender]) + recipients if not _is_owner(p, owner)]
    content = _plain_text(values["CONTENT"])
    subject = _plain_text(values["SUBJECT"])
    conversation = values["CONVERSATION ID"] or "~" + name_key(values["TO"])
    return InteractionDraft(
        kind=InteractionKind.MESSAGE,
        occurred_on=occurred_on,
        direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
        source=SOURCE,
        source_key="|".join(
            (conversation, raw_date, sender.url or name_key(sender.name), _digest(content))
        ),
        counterpart_keys=_unique(p.url for p in others if p.url),
        counterpart_names=_unique(p.name for p in others if p.name),
        summary=subject or _summary(content),
        notes=content,
    )


def _recipients(names: str, urls: str) -> Iterator[_Participant]:
    """Pairs the `;`-separated TO names with RECIPIENT PROFILE URLS when the counts agree."""
    name_list = [repair_mojibake(n.strip()) for n in names.split(";") if n.strip()]
    url_list = [normalize_url(u) for u in _URL_SEPARATOR.split(urls) if u.strip()]
    if len(name_list) == len(url_list):
        yield from (_Participant(n, u) for n, u in zip(name_list, url_list, strict=True))
        return
    yield from (_Participant(n, "") for n in name_list)
    yield from (_Participant("", u) for u in url_list)


def _is_outbound(direction: str, sender: _Participant, owner: Owner) -> bool:
    """The 2018 layout says so in a Direction column; later layouts only name the sender."""
    if direction.upper() in ("OUTGOING", "SENT", "OUTBOUND"):
        return True
    if direction.upper() in ("INCOMING", "RECEIVED", "INBOUND"):
        return False
    return _is_owner(sender, owner)


def _is_owner(participant: _Participant, owner: Owner) -> bool:
    return owner.is_owner(participant.name, participant.url)


def read_invitations(
    data: bytes | str, file: str, today: date, owner: Owner
) -> tuple[list[InteractionDraft], list[SkippedRow]]:
    """One `other` interaction per invitation, inbound when they invited the owner."""
    table = read_table(data, file, is_invitations_header)
    return _each_row(table, _INVITATION_COLUMNS, file, lambda v: _invitation(v, today, owner))


def _invitation(values: dict[str, str], today: date, owner: Owner) -> InteractionDraft:
    raw_date = values["Sent At"]
    occurred_on = _required_date(raw_date, "Sent At", today)
    inviter = _Participant(
        repair_mojibake(values["From"]), normalize_url(values["inviterProfileUrl"])
    )
    invitee = _Participant(
        repair_mojibake(values["To"]), normalize_url(values["inviteeProfileUrl"])
    )
    outbound = _is_outbound(values["Direction"], inviter, owner)
    other = invitee if outbound else inviter
    if not other.name and not other.url:
        raise ValueError("no name")
    summary = f"LinkedIn invitation {'to' if outbound else 'from'} {other.name or other.url}"
    return InteractionDraft(
        kind=InteractionKind.OTHER,
        occurred_on=occurred_on,
        direction=Direction.OUTBOUND if outbound else Direction.INBOUND,
        source=SOURCE,
        source_key=f"invitation|{raw_date}|{other.url or name_key(other.name)}",
        counterpart_keys=[other.url] if other.url else [],
        counterpart_names=[other.name] if other.name else [],
        summary=summary,
        notes=values["Message"],
    )


def owner_from_invitations(data: bytes | str, file: str, owner: Owner) -> None:
    """An outgoing invitation names the owner as its sender; an incoming one as its recipient."""
    table = read_table(data, file, is_invitations_header)
    direction = table.cell("Direction")
    for _line, row in table.rows:
        if direction(row).upper() == "OUTGOING":
            owner.learn(table.cell("From")(row), table.cell("inviterProfileUrl")(row))
        elif direction(row).upper() == "INCOMING":
            owner.learn(table.cell("To")(row), table.cell("inviteeProfileUrl")(row))


def _required_date(text: str, column: str, today: date) -> date:
    try:
        parsed = parse_date(text, today)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError(f"unparseable {column} date {text!r}")
    return parsed


def _plain_text(text: str) -> str:
    if "<" in text:
        text = _TAG.sub("", re.sub(r"<br\s*/?>|</p>", "\n", text, flags=re.IGNORECASE))
    if "&" in text:
        text = html.unescape(text)
    return text.replace("\xa0", " ").strip()


def _summary(content: str) -> str:
    first_line = content.strip().split("\n", 1)[0]
    if len(first_line) <= _SUMMARY_LENGTH:
        return first_line
    return first_line[: _SUMMARY_LENGTH - 1].rstrip() + "…"


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:10]


def _unique(values: Iterator[str] | list[str]) -> list[str]:
    return list(dict.fromkeys(values))
