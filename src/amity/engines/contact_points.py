"""Normalise contact points so the same email, phone or profile is recognised anywhere."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from amity.model.enums import ContactKind
from amity.model.limits import indexable_key

_LINKEDIN = re.compile(r"^(?:[a-z]{2,3}\.)?linkedin\.com$")
# The common case, a plain profile URL, without the general URL parser.
_LINKEDIN_PROFILE = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(in|pub|company)/([^/?#]+)/?$",
    re.IGNORECASE,
)


def normalize_email(value: str) -> str:
    return value.strip().lower()


@lru_cache(maxsize=4096)
def normalize_phone(value: str, region: str = "US") -> str:
    """E.164 when the number parses (`+14155550123`), else its digits with a leading `+` kept."""
    import phonenumbers  # imported here: it costs ~100 ms and only writes need it

    raw = value.strip()
    if raw.lower().startswith("tel:"):
        raw = raw[4:]
    try:
        parsed = phonenumbers.parse(raw, region)
        if phonenumbers.is_possible_number(parsed):
            return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    except phonenumbers.NumberParseException:
        pass
    digits = re.sub(r"[^\d]", "", raw)
    return ("+" + digits) if raw.startswith("+") else digits


@lru_cache(maxsize=65536)
def normalize_url(value: str) -> str:
    """A canonical LinkedIn profile URL (`https://www.linkedin.com/in/slug`), else the URL
    lower-cased without scheme noise or a trailing slash."""
    raw = value.strip()
    if not raw:
        return ""
    quick = _LINKEDIN_PROFILE.match(raw)
    if quick:
        slug = unicodedata.normalize("NFC", unquote(quick.group(2))).lower()
        return f"https://www.linkedin.com/{quick.group(1).lower()}/{slug}"
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    host = parts.netloc.lower().split("@")[-1].split(":")[0]
    path = unquote(parts.path).rstrip("/")
    if _LINKEDIN.match(host):
        match = re.match(r"^/(in|pub|company)/([^/?#]+)", path, re.IGNORECASE)
        if match:
            slug = unicodedata.normalize("NFC", match.group(2)).lower()
            return f"https://www.linkedin.com/{match.group(1).lower()}/{slug}"
    host = host.removeprefix("www.")
    return f"{host}{path}".lower()


def is_linkedin_profile(normalized_url: str) -> bool:
    return normalized_url.startswith("https://www.linkedin.com/in/")


def normalize(kind: ContactKind, value: str) -> str:
    """The form contact points are matched by (and indexed: a digest when it is long)."""
    if kind is ContactKind.EMAIL:
        found = normalize_email(value)
    elif kind is ContactKind.PHONE:
        found = normalize_phone(value)
    elif kind in (ContactKind.URL, ContactKind.SOCIAL):
        found = normalize_url(value)
    else:
        found = " ".join(value.lower().split())
    return indexable_key(found)


def name_key(name: str) -> str:
    """Case- and accent-insensitive form of a name, for lookups and prefix matching."""
    if name.isascii():  # the common case needs no Unicode decomposition
        return " ".join(name.lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


_JOINED = re.compile("['\u2018\u2019\u02bc\u0060\u00b4.]+")  # every apostrophe, and dots
_APART = re.compile(r"[^\w\s]+|_+")
_PLAIN = re.compile(r"[a-z0-9 ]*")


@lru_cache(maxsize=65536)
def fold_key(name: str) -> str:
    """A name as a person would look it up: `name_key` without punctuation, so "Ben Obrien"
    finds "Ben O'Brien" and "jean luc" finds "Jean-Luc". Apostrophes and dots join the
    letters around them; other marks (hyphens, commas, slashes) separate words."""
    key = name_key(name)
    if _PLAIN.fullmatch(key):  # the common case: nothing to fold
        return key
    return " ".join(_APART.sub(" ", _JOINED.sub("", key)).split())
