"""Organisation names as a person compares them: "Stripe", "Stripe, Inc." and "STRIPE Inc"
are one company. Case, accents, punctuation and legal suffixes (Inc., Ltd, GmbH, LLC,
Corp...) do not count; the words that name the company do."""

from __future__ import annotations

import re
from functools import lru_cache

from amity.engines.contact_points import name_key

ORGANIZATION_SUFFIXES = frozenset(
    {"inc", "llc", "ltd", "limited", "gmbh", "corp", "corporation", "co", "plc", "ag", "the"}
)
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=16384)
def words(text: str) -> str:
    """`name_key` with punctuation turned into spaces: 'stripe inc' for 'Stripe, Inc.'."""
    return " ".join(_NON_WORD.sub(" ", name_key(text)).split())


def organization_key(text: str) -> str:
    """The words of an organisation's name without its legal suffixes: 'stripe'."""
    return " ".join(w for w in words(text).split() if w not in ORGANIZATION_SUFFIXES)
