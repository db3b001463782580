"""From a draft to the message: the mail app, a text, or LinkedIn, one tap each.

For each person: their best email, a number that takes a text (E.164), their LinkedIn
profile, and how the user last wrote to them, which comes first. A channel the person has no
address for is not offered. The links are exact: `mailto:` (RFC 6068) and `sms:` (RFC 5724)
with every reserved character of the subject and body percent-encoded as UTF-8 and line
ends as `%0D%0A` in a mail body; LinkedIn has no link that carries a message, so its button
copies the draft and opens the profile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote

from amity.engines.contact_points import is_linkedin_profile
from amity.store import Store
from amity.store import reach as reach_store


class Channel(StrEnum):
    MAIL = "mail"
    TEXT = "text"
    LINKEDIN = "linkedin"


# How a message sent on each channel is logged: words a person reads in their timeline.
SENT_WORDS = {Channel.MAIL: "by email", Channel.TEXT: "by text", Channel.LINKEDIN: "on LinkedIn"}
LABELS = {Channel.MAIL: "Email", Channel.TEXT: "Text", Channel.LINKEDIN: "Copy, open LinkedIn"}
DEFAULT_ORDER = (Channel.MAIL, Channel.TEXT, Channel.LINKEDIN)

# The subject of a mail, by the kind of agenda item or draft (never the word "Draft").
SUBJECTS = {
    "follow_up": "Following up",
    "followup": "Following up",
    "reconnect": "It's been a while",
    "check_in": "Catching up",
    "checkin": "Catching up",
    "going_cold": "Catching up",
    "birthday": "Happy birthday!",
    "new_job": "Congratulations on the new role",
    "anniversary": "Happy work anniversary",
    "congrats": "Congratulations!",
    "promise": "As promised",
    "thanks": "Thank you",
    "ask": "A quick question",
    "reminder": "A quick note",
    "intro": "An introduction",
}
_MOBILE_WORDS = ("mobile", "cell", "iphone", "portable", "handy")
_TEXTABLE = re.compile(r"^\+?[0-9]{3,15}$")
_EMAIL = re.compile(r"^[^\s@<>\"]+@[^\s@<>\"]+$")


@dataclass(frozen=True, slots=True)
class Reach:
    """How to reach one person."""

    person_id: int
    email: str = ""
    phone: str = ""  # E.164 (or the digits, when the number did not parse)
    linkedin: str = ""  # https://www.linkedin.com/in/...
    last: Channel | None = None  # how the user last wrote to them

    @property
    def channels(self) -> tuple[Channel, ...]:
        """The channels with an address, the one last used first."""
        address = {Channel.MAIL: self.email, Channel.TEXT: self.phone}
        address[Channel.LINKEDIN] = self.linkedin
        have = [channel for channel in DEFAULT_ORDER if address[channel]]
        if self.last in have:
            have.remove(self.last)
            have.insert(0, self.last)
        return tuple(have)


@dataclass(frozen=True, slots=True)
class SendLink:
    channel: str  # mail, text or linkedin
    label: str
    href: str
    copies: bool = False  # the draft goes to the clipboard before the link opens

    @property
    def logged_as(self) -> str:
        """The interaction a message sent this way is logged as."""
        return "email" if self.channel == Channel.MAIL else "message"

    @property
    def note(self) -> str:
        """The words logged with it: "sent by text"."""
        return f"sent {SENT_WORDS[Channel(self.channel)]}"


def subject_for(kind: str) -> str:
    """A mail subject for an agenda item's or a draft's kind."""
    key = kind.partition(":")[0]
    return SUBJECTS.get(key, "Hello")


def mailto_href(email: str, subject: str, body: str) -> str:
    """`mailto:` with subject and body (RFC 6068: CRLF line ends, UTF-8, all encoded)."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(email, safe='@')}?subject={quote(subject, safe='')}"
        f"&body={quote(body, safe='')}"
    )


def sms_href(phone: str, body: str) -> str:
    """`sms:` with a body (RFC 5724); the number keeps its `+`."""
    return f"sms:{quote(phone, safe='+')}?body={quote(body, safe='')}"


def send_links(reach: Reach, subject: str, body: str) -> tuple[SendLink, ...]:
    """The links for one draft, in the person's order."""
    links = []
    for channel in reach.channels:
        if channel is Channel.MAIL:
            href = mailto_href(reach.email, subject, body)
        elif channel is Channel.TEXT:
            href = sms_href(reach.phone, body)
        else:
            href = reach.linkedin
        links.append(SendLink(channel.value, LABELS[channel], href, channel is Channel.LINKEDIN))
    return tuple(links)


def reach_of(store: Store, person_ids: Iterable[int]) -> dict[int, Reach]:
    """How to reach each of these people (everyone gets a `Reach`, perhaps empty)."""
    ids = sorted(set(person_ids))
    points = reach_store.contact_points_of(store, ids)
    return {pid: _reach(store, pid, points.get(pid, [])) for pid in ids}


def _reach(store: Store, person_id: int, points: list[tuple[str, str, str, str]]) -> Reach:
    emails = [v.strip() for k, v, _, _ in points if k == "email" and _EMAIL.match(v.strip())]
    phones = [
        (n, label.lower()) for k, _, n, label in points if k == "phone" and _TEXTABLE.match(n)
    ]
    mobile = [n for n, label in phones if any(w in label for w in _MOBILE_WORDS)]
    profiles = [n for k, _, n, _ in points if k in ("url", "social") and is_linkedin_profile(n)]
    return Reach(
        person_id,
        email=emails[0] if emails else "",
        phone=(mobile or [n for n, _ in phones] or [""])[0],
        linkedin=profiles[0] if profiles else "",
        last=_last_channel(store, person_id),
    )


def _last_channel(store: Store, person_id: int) -> Channel | None:
    written = reach_store.last_written(store, person_id)
    if written is None:
        return None
    kind, source, words = written
    if kind == "email":
        return Channel.MAIL
    if source == "linkedin" or SENT_WORDS[Channel.LINKEDIN] in words:
        return Channel.LINKEDIN
    return Channel.TEXT if SENT_WORDS[Channel.TEXT] in words else None  # a message, somehow
