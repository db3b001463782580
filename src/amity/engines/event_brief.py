"""An event's brief, one page to read before going: the model and its Markdown and HTML.

The brief says why you are going (purpose, goals), who will be there that you know and
what you know of each (what they do, your last talk, what they need, what you could offer,
questions to open with), who you hope to meet and the warm way to each, questions for
anyone in the room, and your pitch. Sections with nothing in them are left out; the
pitch, when there is none, says how to get one.

The HTML is one self-contained page with print styles (A4, no colours that waste ink, no
person split across pages); every text is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True, slots=True)
class BriefPerson:
    name: str
    role: str  # "going", "speaking", "hoping to meet", "met"
    works_as: str = ""  # "Engineer at Stripe"
    last_talk: str = ""  # "2026-10-02: talked Go and payments"
    needs: str = ""
    could_offer: tuple[str, ...] = ()  # "introduce them to Ben Ode (offers: Go mentoring)"
    path: str = ""  # the warm way in, for someone you hope to meet and have no tie with
    openers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefTarget:
    """A company or a role you hope to meet, and the best warm path to it."""

    label: str  # "Plaid", "engineering manager"
    path: str


@dataclass(frozen=True, slots=True)
class Brief:
    name: str
    when: str  # "2026-12-03 18:30"
    place: str
    purpose: str
    goals: tuple[str, ...]
    pitch: str
    pitch_hint: str
    people: tuple[BriefPerson, ...]  # known to attend or speak
    hoping: tuple[BriefPerson, ...]  # people you hope to meet
    targets: tuple[BriefTarget, ...]
    openers: tuple[str, ...]  # for anyone in the room


def markdown(brief: Brief) -> str:
    lines = [f"# Brief: {brief.name}", "", f"**When:** {brief.when}"]
    if brief.place:
        lines.append(f"**Where:** {brief.place}")
    if brief.purpose:
        lines += ["", "## Why you are going", "", brief.purpose]
    if brief.goals:
        lines += ["", "## Goals it serves", ""] + [f"- {goal}" for goal in brief.goals]
    lines += ["", "## Your pitch", "", brief.pitch or f"_{brief.pitch_hint}_"]
    for title, people in (("Who you know there", brief.people),
                          ("People you hope to meet", brief.hoping)):  # fmt: skip
        if people:
            lines += ["", f"## {title}"]
            for person in people:
                lines += ["", *_person_md(person)]
    if brief.targets:
        lines += ["", "## Companies and roles you hope to meet", ""]
        lines += [f"- **{t.label}**: {t.path}" for t in brief.targets]
    if brief.openers:
        lines += ["", "## Questions for anyone you meet", ""]
        lines += [f"- {question}" for question in brief.openers]
    return "\n".join(lines) + "\n"


def _person_md(person: BriefPerson) -> list[str]:
    head = f"### {person.name}"
    lines = [head + (f" ({person.role})" if person.role else "")]
    facts = _facts(person)
    if facts:
        lines += [""] + [f"- {label}: {value}" for label, value in facts]
    if person.openers:
        lines += ["", "Ask:"] + [f"- {question}" for question in person.openers]
    return lines


def _facts(person: BriefPerson) -> list[tuple[str, str]]:
    facts = [
        ("Works as", person.works_as),
        ("Last talk", person.last_talk),
        ("Needs", person.needs),
        ("Way in", person.path),
    ]
    found = [(label, value) for label, value in facts if value]
    found += [("You could offer", offer) for offer in person.could_offer]
    return found


_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 46rem; margin: 1.5rem auto;
       padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin: .9rem 0 .2rem; }
.role { font-weight: normal; color: #555; }
.pitch { font-style: italic; }
dl { margin: .2rem 0; display: grid; grid-template-columns: 8rem 1fr; gap: .1rem .6rem; }
dt { color: #555; } dd { margin: 0; overflow-wrap: anywhere; }
ul { margin: .2rem 0; padding-left: 1.2rem; }
section.person { break-inside: avoid; }
@media (max-width: 30rem) { dl { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 16mm; }
  body { font-size: 11pt; margin: 0; max-width: none; color: #000; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def html_page(brief: Brief) -> str:
    """The brief as one printable HTML page."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Brief: {escape(brief.name)}</title><style>{_STYLE}</style></head>"
        f"<body>\n{html_body(brief)}</body></html>\n"
    )


def html_body(brief: Brief) -> str:
    """The brief's content as HTML, for the page above and the web app's event page."""
    e = escape
    parts = [f'<article class="brief"><h1>Brief: {e(brief.name)}</h1>']
    where = f" &middot; {e(brief.place)}" if brief.place else ""
    parts.append(f'<p class="when">{e(brief.when)}{where}</p>')
    if brief.purpose:
        parts.append(f"<h2>Why you are going</h2><p>{e(brief.purpose)}</p>")
    if brief.goals:
        parts.append("<h2>Goals it serves</h2>" + _list(brief.goals))
    pitch = brief.pitch or brief.pitch_hint
    parts.append(f'<h2>Your pitch</h2><p class="pitch">{e(pitch)}</p>')
    for title, people in (("Who you know there", brief.people),
                          ("People you hope to meet", brief.hoping)):  # fmt: skip
        if people:
            parts.append(f"<h2>{title}</h2>" + "".join(_person_html(p) for p in people))
    if brief.targets:
        items = "".join(
            f"<li><strong>{e(t.label)}</strong>: {e(t.path)}</li>" for t in brief.targets
        )
        parts.append(f"<h2>Companies and roles you hope to meet</h2><ul>{items}</ul>")
    if brief.openers:
        parts.append("<h2>Questions for anyone you meet</h2>" + _list(brief.openers))
    parts.append("</article>\n")
    return "\n".join(parts)


def _person_html(person: BriefPerson) -> str:
    e = escape
    role = f' <span class="role">({e(person.role)})</span>' if person.role else ""
    facts = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in _facts(person))
    body = f"<dl>{facts}</dl>" if facts else ""
    if person.openers:
        body += "<p>Ask:</p>" + _list(person.openers)
    return f'<section class="person"><h3>{e(person.name)}{role}</h3>{body}</section>'


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
