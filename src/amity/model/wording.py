"""Counting words the way a person writes them: "1 interaction", "2 interactions", "1 person".

Pure and tiny, so every layer (engines, service, CLI, web templates) can use the same rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

IRREGULAR = {
    "person": "people",
    "reply": "replies",
    "company": "companies",
    "community": "communities",
    "is": "are",
    "was": "were",
    "has": "have",
}


def plural_of(word: str) -> str:
    """The plural form of an English noun used in Amity's texts; in a phrase such as
    "new person", only the last word changes."""
    head, _, last = word.rpartition(" ")
    if head:
        return f"{head} {plural_of(last)}"
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def plural(count: int, word: str, many: str | None = None) -> str:
    """`plural(1, "week")` is "1 week"; `plural(3, "person")` is "3 people"."""
    return f"{count} {noun(count, word, many)}"


def noun(count: int, word: str, many: str | None = None) -> str:
    """Only the word, in the form that fits `count`: `noun(2, "time")` is "times"."""
    if count == 1:
        return word
    return many if many is not None else plural_of(word)


def every(days: int) -> str:
    """`every day`, `every 3 days`."""
    return "every day" if days == 1 else f"every {days} days"


def names_and_more(names: Sequence[str], total: int, shown: int = 3) -> str:
    """'Ana, Ben, Cy, and 9 more'; 'Ana, Ben, Cy, and Di'; 'Ana and Ben'; 'Ana'.

    `total` may exceed len(names). One more is named rather than counted ("and 1 more").
    """
    if total == shown + 1 and len(names) > shown:
        shown += 1
    first = list(names[:shown])
    rest = total - len(first)
    if rest > 0:
        return ", ".join(first) + f", and {rest} more"
    if len(first) <= 1:
        return "".join(first)
    if len(first) == 2:
        return f"{first[0]} and {first[1]}"
    return ", ".join(first[:-1]) + f", and {first[-1]}"


def short_day(day: date) -> str:
    """'20 Nov 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def week_label(week: date) -> str:
    """'3 Nov': what a week's bar is called in a chart's description."""
    return f"{week.day} {MONTHS[week.month - 1]}"


def week_axis(weeks: Sequence[date]) -> list[str]:
    """Labels under one bar per week that never crowd: the month's short name under the
    first week of each month ('Sep', 'Oct'), nothing under the others. The first week is
    named only when the next month's name is at least three weeks away."""
    starts = [n for n, week in enumerate(weeks) if n > 0 and week.month != weeks[n - 1].month]
    if weeks and (not starts or starts[0] >= 3):
        starts.insert(0, 0)
    return [MONTHS[week.month - 1] if n in starts else "" for n, week in enumerate(weeks)]


def relative_day(delta_days: int) -> str:
    """`today`, `tomorrow`, `yesterday`, `in 3 days`, `3 days ago`."""
    if delta_days == 0:
        return "today"
    if delta_days == 1:
        return "tomorrow"
    if delta_days == -1:
        return "yesterday"
    if delta_days > 0:
        return f"in {delta_days} days"
    return f"{-delta_days} days ago"
