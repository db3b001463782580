"""The first message of a warm path: asking the first person on it for an introduction.

A path you -> Ana -> Ben asks Ana to introduce you to Ben; you -> Ana -> Carl -> Ben asks
Ana whether Carl would introduce you to Ben (Ana knows Carl, not Ben); a direct contact is
asked for a conversation about what you are after. The reason is the target as asked
("someone at Stripe", "a data engineer"), so the note says why without inventing anything.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AskReason:
    """Why you ask, in two forms: whom you hope to meet ("someone at Stripe"), for an
    introduction, and what you hope to learn about ("Stripe"), for a direct contact.
    Both empty when the target is one person."""

    whom: str = ""
    about: str = ""


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def ask_for_intro(
    chain: tuple[str, ...], reason: AskReason, signature: str = "", *, first_contact: bool = False
) -> str:
    """The draft to the first person of `chain` (the names after you, the target last),
    signed with your signature (docs/drafts.md) when you have one. With `first_contact`
    (you have never been in touch with them) it says so, instead of asking how they are."""
    text = _ask(chain, reason, first_contact)
    return f"{text}\n\n{signature.strip()}" if signature.strip() else text


def _ask(chain: tuple[str, ...], reason: AskReason, first_contact: bool) -> str:
    asked = first_name(chain[0])
    if first_contact:
        return _first_ask(asked, chain, reason)
    if len(chain) == 1:
        topic = (
            f" I'm hoping to learn more about {reason.about}, and you came to mind."
            if (reason.about)
            else ""
        )
        return (
            f"Hi {asked}, I hope you're well!{topic} Would you have 20 minutes for a call in "
            "the next few weeks? I'd love to hear how things are going for you."
        )
    why = f" I'm hoping to talk to {reason.whom}." if reason.whom else ""
    target = chain[-1]
    if len(chain) == 2:
        ask = f"I saw you know {target}: would you be open to introducing us?"
    else:
        ask = (
            f"I saw you know {chain[1]}, who knows {target}: would you be comfortable asking "
            f"{first_name(chain[1])} whether they'd introduce me to {first_name(target)}?"
        )
    return (
        f"Hi {asked}, I hope you're well!{why} {ask} I can send a short note you could "
        "forward, and no worries at all if it's not a good moment."
    )


def _first_ask(asked: str, chain: tuple[str, ...], reason: AskReason) -> str:
    """To someone you are connected with but have never written to: no "how are things"."""
    hello = f"Hi {asked}, we're connected but haven't spoken yet, so I hope you don't mind a note."
    if len(chain) == 1:
        about = f" I'm hoping to learn more about {reason.about}." if reason.about else ""
        return (
            f"{hello}{about} Would you have 15 minutes for a call in the next few weeks? "
            "I'd be grateful for your view."
        )
    why = (
        f" I'm hoping to talk to {reason.whom}, and I saw you know {chain[1]}."
        if (reason.whom)
        else f" I saw you know {chain[1]}."
    )
    return (
        f"{hello}{why} Would you be open to telling me a little about them, or to "
        "introducing us if it feels right? No worries at all if not."
    )
