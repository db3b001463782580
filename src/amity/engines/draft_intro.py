"""The first message of a warm path: asking the first person on it for an introduction.

A path you -> Ana -> Ben asks Ana to introduce you to Ben; you -> Ana -> Carl -> Ben asks
Ana whether Carl would introduce you (Ana knows Carl, not Ben); a direct contact is simply
asked for a conversation. The reason is the target as asked ("someone at Stripe", "a
data engineer"), so the note says why without inventing anything.
"""

from __future__ import annotations


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def ask_for_intro(chain: tuple[str, ...], about: str) -> str:
    """The draft to the first person of `chain` (the names after you, target last).

    `about` says who you hope to talk to: "someone at Stripe", "a data engineer", or ""
    for one person."""
    asked = first_name(chain[0])
    reason = f" I'm hoping to talk to {about}." if about else ""
    if len(chain) == 1:
        return (
            f"Hi {asked}, I hope you're well!{reason} Would you have 20 minutes for a call "
            "in the next few weeks? I'd love to hear how things are going for you."
        )
    target = chain[-1]
    if len(chain) == 2:
        ask = f"I saw you know {target}: would you be open to introducing us?"
    else:
        ask = (
            f"I saw you know {chain[1]}, who knows {target}: would you be comfortable asking "
            f"{first_name(chain[1])} whether they'd introduce us?"
        )
    return (
        f"Hi {asked}, I hope you're well!{reason} {ask} I can send a short note you could "
        "forward, and no worries at all if it's not a good moment."
    )
