"""Drafted messages: facts from the store, phrases from the engine, words from templates.

Templates are Jinja2 files; a user overrides any of them by putting a file of the same
name in `AMITY_HOME/templates/drafts/`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from amity.engines.drafts import (
    DraftContext,
    DraftFacts,
    DraftKind,
    LifeEventFacts,
    Tone,
    draft_context,
)
from amity.errors import UsageError
from amity.model import LifeEventKind, ReminderKind
from amity.service.choices import parse_choice
from amity.service.draft_facts import facts_for
from amity.service.person_ref import PersonRef
from amity.service.settings import preferences
from amity.store import Store, reminders

KINDS = ", ".join(k.value for k in DraftKind)
_BUILTIN = Path(__file__).resolve().parent.parent / "templates" / "drafts"


def parse_kind(text: str) -> DraftKind:
    return parse_choice(DraftKind, text, "draft")


def parse_tone(text: str | None, store: Store) -> Tone:
    return parse_choice(Tone, text or preferences.get(store, "tone") or "casual", "tone")


class DraftWriter:
    """Renders drafts. The built-in templates go through a small renderer of their Jinja2
    subset (fast start, `amity.service.draft_text`); a user's own template, put in
    `AMITY_HOME/templates/drafts/`, goes through Jinja2 itself, loaded only then."""

    def __init__(self, home: Path) -> None:
        self._user_dir = home / "templates" / "drafts"
        self._env: Any = None

    def render(self, context: DraftContext) -> str:
        own = self._user_dir / context.template_name
        if not own.is_file():
            from amity.service.draft_text import Unsupported, render_file

            try:
                return (
                    render_file(_BUILTIN / context.template_name, context.as_dict()).strip() + "\n"
                )
            except Unsupported:
                pass  # a built-in template that outgrew the subset: Jinja2 renders it
        return self._jinja(context)

    def _jinja(self, context: DraftContext) -> str:
        import jinja2

        if self._env is None:
            loaders = [
                jinja2.FileSystemLoader(str(self._user_dir)),
                jinja2.FileSystemLoader(str(_BUILTIN)),
            ]
            # Drafts are plain text for an email or a chat, not HTML: no autoescaping here;
            # every page that shows one escapes it.
            self._env = jinja2.Environment(  # noqa: S701
                loader=jinja2.ChoiceLoader(loaders),
                undefined=jinja2.StrictUndefined,
                keep_trailing_newline=False,
            )
        try:
            template = self._env.get_template(context.template_name)
            return str(template.render(**context.as_dict())).strip() + "\n"
        except jinja2.TemplateError as exc:
            raise UsageError(
                f"the draft template {context.template_name} is broken: {exc}"
            ) from None


@lru_cache(maxsize=8)
def writer_for(home: Path) -> DraftWriter:
    """One writer per home and process: templates compile once (edits are still noticed,
    Jinja2 checks each file's modification time)."""
    return DraftWriter(home)


def draft_for(
    store: Store,
    home: Path,
    person_id: int,
    kind: DraftKind,
    today: date,
    tone: Tone | None = None,
    writer: DraftWriter | None = None,
    occasion: LifeEventKind | None = None,
    facts: DraftFacts | None = None,
    signature: str | None = None,
    promise: str = "",
) -> str:
    facts = facts or facts_for(store, person_id, today)
    if promise:
        facts = replace(facts, promise=promise)
    if occasion is not None and (facts.life_event is None or facts.life_event.kind != occasion):
        facts = replace(facts, life_event=LifeEventFacts(occasion, facts.organization))
    if signature is None:
        signature = str(preferences.get(store, "signature") or "")
    context = draft_context(kind, facts, today, tone or parse_tone(None, store), signature)
    return (writer or writer_for(home)).render(context)


def open_promise(store: Store, person_id: int) -> str:
    """The words of the earliest-due promise still open to this person, or ""."""
    for row in reminders.open_reminders(store):
        if row["person_id"] == person_id and row["kind"] == ReminderKind.PROMISE.value:
            return str(row["reason"] or "")
    return ""


@dataclass(frozen=True, slots=True)
class Draft:
    """A message ready to send to someone, of a kind and in a tone."""

    person: PersonRef
    kind: DraftKind
    tone: Tone
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.as_dict(),
            "kind": self.kind.value,
            "tone": self.tone.value,
            "text": self.text,
        }


def draft(
    store: Store,
    home: Path,
    person_id: int,
    kind: DraftKind,
    today: date,
    tone: Tone | None = None,
) -> Draft:
    """A draft for this person (`amity draft`); a promise draft is about their earliest
    open promise. The tone is the user's default unless given."""
    from amity.service.resolve import person_by_id  # not needed by Today's drafts

    person = PersonRef(*person_by_id(store, person_id))
    chosen = tone or parse_tone(None, store)
    promise = open_promise(store, person.id) if kind is DraftKind.PROMISE else ""
    text = draft_for(store, home, person.id, kind, today, chosen, promise=promise)
    return Draft(person, kind, chosen, text)
