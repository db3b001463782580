"""What an email address says about who reads it: a role mailbox (`info@`, `office@`) is
read by whoever holds the role, a free-mail inbox (`@gmail.com`) by one person. The
duplicate matcher weighs shared and differing emails by it.
"""

from __future__ import annotations


def is_role_mailbox(email: str) -> bool:
    """`info@acme.example`: an address for a role, not a person (normalised, lower-case)."""
    local = email.partition("@")[0]
    return local in _ROLE_MAILBOXES


def is_personal(email: str) -> bool:
    """A person's own inbox at a free-mail provider (`ada.l@gmail.com`)."""
    local, _, domain = email.partition("@")
    return domain in _FREE_MAIL and local not in _ROLE_MAILBOXES


_ROLE_MAILBOXES = frozenset(
    {
        "info", "office", "contact", "hello", "hi", "team", "admin", "sales", "support",
        "mail", "email", "enquiries", "inquiries", "reception", "frontdesk", "hr", "jobs",
        "careers", "billing", "accounts", "accounting", "noreply", "no-reply", "help",
        "service", "marketing", "press", "media", "general", "family", "home", "events",
    }
)  # fmt: skip
_FREE_MAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk",
        "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "icloud.com",
        "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.de",
        "gmx.net", "gmx.com", "web.de", "t-online.de", "mail.ru", "yandex.ru", "yandex.com",
        "fastmail.com", "hey.com", "zoho.com", "qq.com", "163.com", "orange.fr", "free.fr",
        "libero.it", "laposte.net",
    }
)  # fmt: skip
