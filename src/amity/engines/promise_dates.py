"""When a promise is due, from the words that say so: "send my resume by Friday".

This module finds the date words in a promise (`date_phrase`) and judges what a date
parser made of them (`sensible_due`); reading "Friday" or "15 Jan" as a day is left to the
service, which hands `DatePhrase.date_text` to a well-kept parser. A promise without date
words keeps the default: due the day after it was made.

What counts as date words, and why:
- a weekday ("Friday", "by Friday", "next Friday"), a day and month ("15 Jan", "January
  15th", "15 Jan 2027"), an ISO day, "the 20th" after by/on/before/until;
- "today", "tonight", "tomorrow", "next week", "next month", "in 3 days", "within a week",
  "end of the week" (Friday), "the weekend" (Saturday).
- Not a date: a possessive ("notes on Friday's talk" is about a talk, not a deadline) or a
  day that looks back ("the photos from Friday", "since Monday", "last Tuesday").
- "before the 20th" is due the day before, the 19th; "by" or "on" the day itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

PROMISE_AFTER = timedelta(days=1)  # without date words, a promise is due the next day
# A parsed day further ahead than this is more likely the parser's surprise than the
# user's meaning ("by the 2nd" read as a year away): the promise keeps its default.
LONGEST_AHEAD = timedelta(days=731)

_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_ORDINAL = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)"
_COUNT = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of|a\s+few)"
)
_YEAR = r"(?:,?\s+\d{4}\b)?"
_UNIT = r"(?:days?|weeks?|months?)"
_LEAD = r"(?:by|before|on|until|till|til|no\s+later\s+than|for|over)"

# Each form, with a name for what it is. Order matters only among forms that start at the
# same place (the longer first).
_FORMS = (
    ("iso", r"\d{4}-\d{2}-\d{2}"),
    ("day_month", rf"(?:the\s+)?{_DAY}(?:\s+of)?\s+(?:{_MONTHS})\b\.?{_YEAR}"),
    ("month_day", rf"(?:{_MONTHS})\.?\s+(?:the\s+)?{_DAY}\b{_YEAR}"),
    ("end_of_week", r"(?:the\s+)?end\s+of\s+(?:the|this)\s+week"),
    ("weekend", r"(?:this|the)\s+weekend"),
    ("weekday", rf"(?:(?:next|this|coming|the\s+coming)\s+)?(?:{_WEEKDAYS})"),
    ("relative", r"today|tonight|tomorrow|next\s+week|next\s+month"),
    ("within", rf"(?:in|within)\s+{_COUNT}\s+{_UNIT}"),
    ("ordinal", rf"the\s+{_ORDINAL}"),
)
_PHRASE = re.compile(
    rf"(?P<lead>\b{_LEAD}\s+)?\b(?P<date>"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _FORMS)
    + r")(?P<tail>['’]s\b|\b)",
    re.IGNORECASE,
)
# Words before a day that look back at it rather than promise by it.
_LOOKS_BACK = re.compile(
    r"\b(?:from|since|last|about|after|during|of|at)\s*$|['’]s\s*$", re.IGNORECASE
)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_COUNT_WORDS = {
    "a": "1",
    "an": "1",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}


@dataclass(frozen=True, slots=True)
class DatePhrase:
    """The date words found in a promise."""

    words: str  # as typed, with its leading word: "by Friday", "on 15 Jan"
    date_text: str  # what the date parser reads: "friday", "15 jan", "in 3 days"
    before: bool = False  # "before the 20th": due the day before
    start: int = 0  # where `words` starts in the promise
    end: int = 0  # and ends


def date_phrase(text: str) -> DatePhrase | None:
    """The first date words in `text` that set a due day, or None."""
    for match in _PHRASE.finditer(text):
        lead = (match.group("lead") or "").strip().lower()
        if match.group("tail"):  # "Friday's talk": about a day, not a deadline
            continue
        if match.group("ordinal") and not lead:  # "the 3rd option" is no date
            continue
        if not lead and _LOOKS_BACK.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        return DatePhrase(
            words=match.group(0).strip(),
            date_text=_for_parser(match),
            before=lead == "before",
            start=match.start(),
            end=match.end(),
        )
    return None


def _for_parser(match: re.Match[str]) -> str:
    raw = " ".join(match.group("date").lower().split())
    if match.group("end_of_week"):
        return "friday"
    if match.group("weekend"):
        return "saturday"
    if match.group("weekday"):
        return raw.removeprefix("the ").replace("coming ", "")
    if match.group("within"):
        words = raw.removeprefix("within ").removeprefix("in ")
        words = words.replace("a couple of", "2").replace("a few", "3")
        count, _, unit = words.partition(" ")
        return f"in {_COUNT_WORDS.get(count, count)} {unit}"
    if match.group("relative") and raw == "tonight":
        return "today"
    return raw.removeprefix("the ")


def without_date_words(text: str) -> str:
    """The promise without its date words: "send my resume by Friday" -> "send my resume"."""
    phrase = date_phrase(text)
    if phrase is None:
        return text.strip()
    rest = f"{text[: phrase.start]} {text[phrase.end :]}"
    cleaned = " ".join(rest.split()).strip(" ,;-")
    return cleaned or text.strip()


def sensible_due(
    phrase: DatePhrase | None,
    parsed: date | None,
    promised_on: date,
    default: date | None = None,
) -> date:
    """The due day from what the parser read: the parsed day ("before" one: the day
    before), unless nothing was read, or it fell before the promise or more than two years
    after it; then `default` (the next day unless given)."""
    fallback = promised_on + PROMISE_AFTER if default is None else default
    if phrase is None or parsed is None:
        return fallback
    if parsed < promised_on or parsed > promised_on + LONGEST_AHEAD:
        return fallback
    if phrase.before:
        return max(promised_on, parsed - timedelta(days=1))
    return parsed


def same_day_next_year(parsed: date, base: date, text: str) -> bool:
    """`1 Dec` typed on 1 December means today, though a parser preferring the future reads
    next year's; `in 12 months` or `next year` means what it says."""
    try:
        next_year = base.replace(year=base.year + 1)
    except ValueError:  # 29 February
        return False
    return parsed == next_year and not re.search(
        r"\b(?:years?|months?|weeks?|days?)\b", text, re.IGNORECASE
    )


def day_with_weekday(day: date, today: date) -> str:
    """`Friday 4 Dec`, with the year when it is not `today`'s: `Friday 15 Jan 2027`."""
    shown = f"{_WEEKDAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]}"
    return shown if day.year == today.year else f"{shown} {day.year}"


def day_month(day: date, today: date) -> str:
    """`3 Mar`, with the year when it is not `today`'s."""
    shown = f"{day.day} {_MONTH_NAMES[day.month - 1]}"
    return shown if day.year == today.year else f"{shown} {day.year}"


def days_word(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def due_words(due: date, today: date) -> str:
    """`due today`, `due tomorrow`, `due Friday 4 Dec`, `due Friday 4 Dec, 3 days overdue`."""
    if due == today:
        return "due today"
    if due == today + timedelta(days=1):
        return "due tomorrow"
    shown = f"due {day_with_weekday(due, today)}"
    if due < today:
        return f"{shown}, {days_word((today - due).days)} overdue"
    return shown
