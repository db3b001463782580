"""Double opt-in introductions: propose one, record each step, read where each stands, and
draft the message its next step needs.

The rules (what may follow what, who it waits on, the agenda's words) are the engine's
(`amity.engines.introductions`), the messages `amity.engines.draft_introduction`'s; this
module reads and writes the rows and names the people. An introduction that happens is
something you gave both people: the step writes an `introduction` entry to each one's
ledger, and the inferred tie between them follows at once (`fresh_ties`). A wrong step is
not undone: decline the introduction (`advance(..., DECLINED, declined_by="you")`) and
propose it again.
"""

from __future__ import annotations

from datetime import date

from amity.engines import introductions as rules
from amity.engines.draft_introduction import NEXT_MESSAGE, IntroMessage, Side, draft_message
from amity.engines.drafts import DraftKind, Tone
from amity.errors import NotFound, UsageError
from amity.model import IntroductionState, LedgerDirection, LedgerKind, ReminderState
from amity.model.limits import is_storable
from amity.model.network import Introduction
from amity.service.drafts import Draft, parse_tone
from amity.service.introduction_types import IntroductionView
from amity.service.person_ref import PersonRef
from amity.service.resolve import person_by_id
from amity.service.settings import preferences
from amity.store import Row, Store, reminders
from amity.store import introductions as intro_store
from amity.store import ledger as ledger_store

__all__ = [
    "IntroductionView",
    "advance",
    "agree",
    "ask",
    "draft_for",
    "get",
    "list_introductions",
    "propose",
]

TEXT_MAX = 1000  # characters in a reason or an outcome
S = IntroductionState


def propose(store: Store, a_id: int, b_id: int, reason: str, today: date) -> IntroductionView:
    """Propose introducing `a_id` (asked first: the one whose yes matters most) to `b_id`.
    Refused for one person twice, or when the pair already has an introduction under way
    (a declined or done one may be proposed again)."""
    a = PersonRef(*person_by_id(store, a_id))
    b = PersonRef(*person_by_id(store, b_id))
    if a.id == b.id:
        raise UsageError(f"{a.name} is one person: an introduction needs two")
    why = _text(reason, "reason", 'say why they should meet: --reason "both work on payments"')
    under_way = intro_store.open_between(store, a.id, b.id)
    if under_way is not None:
        n = int(under_way["id"])
        raise UsageError(
            f"{a.name} and {b.name} already have an introduction under way (#{n}, "
            f"{under_way['state']}): see amity intro show {n}"
        )
    with store.db.transaction():
        intro_id = intro_store.add_introduction(store, a.id, b.id, why, today.isoformat())
    return get(store, intro_id, today=today)


def advance(
    store: Store,
    intro_id: int,
    to: IntroductionState,
    today: date,
    *,
    on: date | None = None,
    declined_by: str = "",
    outcome: str = "",
) -> IntroductionView:
    """Record the step `to` of the introduction, taken on `on` (today unless given; never
    after today nor before its latest step). Declined says by whom ("a", "b" or "you"; the
    person asked unless given); done needs its outcome. Made (introduced) writes what you
    gave to both people's ledgers and refreshes the inferred ties."""
    row = _row(store, intro_id)
    intro, names = intro_store.to_introduction(row), _names(row)
    if outcome:
        outcome = _text(outcome, "outcome", "say how it went")
    after = rules.moved(
        intro, to, on or today, today, names, declined_by=declined_by, outcome=outcome
    )
    with store.db.transaction():
        if not intro_store.save_step(store, after, intro.state):
            raise UsageError(f"introduction #{intro_id} changed meanwhile; look again")
        _settle_agenda(store, intro_id, intro.state, on or today)
        if to is S.INTRODUCED:
            _ledger(store, after, names, on or today)
    if to is S.INTRODUCED:
        from amity.service.ties import fresh_ties  # the write path only

        fresh_ties(store, today)
    return get(store, intro_id, today=today)


def ask(store: Store, intro_id: int, today: date, *, on: date | None = None) -> IntroductionView:
    """You asked the person the introduction waits on: A at first, B once A agreed."""
    row = _row(store, intro_id)
    to = rules.asked_step(intro_store.to_introduction(row), _names(row))
    return advance(store, intro_id, to, today, on=on)


def agree(store: Store, intro_id: int, today: date, *, on: date | None = None) -> IntroductionView:
    """The person asked (A, then B) said yes."""
    row = _row(store, intro_id)
    to = rules.agreed_step(intro_store.to_introduction(row), _names(row))
    return advance(store, intro_id, to, today, on=on)


def get(store: Store, intro_id: int, *, today: date) -> IntroductionView:
    """One introduction as it stands on `today`."""
    return _view(_row(store, intro_id), today)


def list_introductions(
    store: Store, *, today: date, include_closed: bool = False
) -> list[IntroductionView]:
    """Every open introduction, newest first (with `include_closed`, done and declined ones
    too); none of someone in the trash."""
    return [_view(row, today) for row in intro_store.introductions(store, closed=include_closed)]


def draft_for(store: Store, intro_id: int, today: date) -> Draft:
    """The message the introduction's next step needs: the ask to A, a nudge, the ask to B,
    the introduction itself (to both: its `person` is A), or the thank-you asking how it
    went. A done or declined introduction has none (UsageError)."""
    row = _row(store, intro_id)
    intro = intro_store.to_introduction(row)
    message = NEXT_MESSAGE.get(intro.state)
    if message is None:
        raise UsageError(f"introduction #{intro_id} is {intro.state.value}: nothing to send")
    return _draft(store, row, intro, message)


def _draft(store: Store, row: Row, intro: Introduction, message: IntroMessage) -> Draft:
    tone = parse_tone(None, store)
    signature = str(preferences.get(store, "signature") or "")
    a, b = _side(row, "a"), _side(row, "b")
    text = draft_message(
        message, a, b, intro.reason, formal=tone is Tone.FORMAL, signature=signature
    )
    to = b if message in (IntroMessage.ASK_B, IntroMessage.NUDGE_B) else a
    kind = DraftKind.THANKS if message is IntroMessage.THANKS else DraftKind.ASK
    return Draft(PersonRef(to.person_id, to.name), kind, tone, text + "\n")


# --- reading --------------------------------------------------------------------------------


def _row(store: Store, intro_id: int) -> Row:
    row = intro_store.introduction(store, intro_id)
    if row is None:
        raise NotFound(f"no introduction #{intro_id}; `amity intro status --all` lists them")
    return row


def _names(row: Row) -> rules.Pair:
    return rules.Pair(str(row["a_name"]), str(row["b_name"]))


def _side(row: Row, which: str) -> Side:
    return Side(
        int(row[f"person_{which}_id"]),
        str(row[f"{which}_name"]),
        str(row[f"{which}_given_name"] or ""),
        str(row[f"{which}_nickname"] or ""),
        str(row[f"{which}_title"] or ""),
        str(row[f"{which}_organization"] or ""),
        str(row[f"{which}_headline"] or ""),
    )


def _view(row: Row, today: date) -> IntroductionView:
    intro, names = intro_store.to_introduction(row), _names(row)
    here = rules.status(intro, names, today)
    return IntroductionView(
        id=int(row["id"]),
        a=PersonRef(intro.person_a_id, names.a),
        b=PersonRef(intro.person_b_id, names.b),
        reason=intro.reason,
        state=intro.state,
        waiting_on=here.waiting_on,
        since=here.since,
        next_step=here.next_step,
        steps=rules.steps(intro),
        outcome=intro.outcome,
        declined_by=intro.declined_by,
        your_move=here.your_move,
    )


# --- writing --------------------------------------------------------------------------------


def _text(text: str, what: str, hint: str) -> str:
    clean = text.strip()
    if not clean:
        raise UsageError(f"the {what} is empty: {hint}")
    if len(clean) > TEXT_MAX:
        raise UsageError(f"the {what} is {len(clean)} characters; keep it under {TEXT_MAX}")
    if not is_storable(clean):
        raise UsageError(f"the {what} holds control characters; retype it")
    return clean


def _settle_agenda(store: Store, intro_id: int, was: IntroductionState, day: date) -> None:
    """The step's agenda item is settled by the step itself: one snoozed on the agenda
    must not come back once the introduction moved on."""
    key = rules.item_key(intro_id, was)
    row = reminders.get_by_key(store, key)
    if row is not None and row["state"] in reminders.OPEN_STATES:
        reminders.set_state(store, key, ReminderState.DONE, on=day)


def _ledger(store: Store, intro: Introduction, names: rules.Pair, day: date) -> None:
    """What you gave each of them on `day`: the introduction to the other."""
    for person_id, other in ((intro.person_a_id, names.b), (intro.person_b_id, names.a)):
        ledger_store.add_ledger_entry(
            store,
            person_id,
            LedgerDirection.GAVE.value,
            LedgerKind.INTRODUCTION.value,
            f"an introduction to {other}",
            day,
        )
