"""Days in the user's words ("Friday", "15 Jan", "in 3 days"), read by dateparser.

dateparser is imported inside these functions, and only when there are date words to read:
`amity --help`, `amity today` and a promise without date words never load it. It reads
English only (faster, and no "mar" read as Spanish), relative to the day given, and prefers
the future: "Friday" said on a Tuesday is this week's. What it returns is then judged by
`amity.engines.promise_dates`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from amity.engines.promise_dates import date_phrase, same_day_next_year, sensible_due
from amity.model.limits import LATEST_DAY

_WORDS_MAX = 80  # a day in words is short; a longer text is not one


def read_day(words: str, base: date) -> date | None:
    """The day `words` names, counted from `base`, or None when they name none."""
    text = " ".join(words.split())
    if not text or len(text) > _WORDS_MAX or base >= LATEST_DAY:
        return None
    import dateparser

    settings: Any = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # a parser's surprise on odd text is no day, not a crash
        return None
    if parsed is None:
        return None
    day = parsed.date()
    return base if same_day_next_year(day, base, text) else day


def promise_due_for(promise: str, promised_on: date, default: date | None = None) -> date:
    """When a promise is due: the day its date words name ("by Friday"), else `default`
    (the next day unless given). dateparser is loaded only for a promise with date words."""
    phrase = date_phrase(promise)
    parsed = read_day(phrase.date_text, promised_on) if phrase else None
    return sensible_due(phrase, parsed, promised_on, default)
