"""The first sentence of a message that delivers a promise, from the user's own words.

"send the accessibility audit checklist" -> "Here is the accessibility audit checklist I
promised." "intro you to Sam" -> "As promised, I'd love to introduce you to Sam." "the
slides" -> "Here are the slides I promised." Any other promise keeps the user's words:
"ask Sam about the role" -> "Following up on my promise to ask Sam about the role." A
deadline the user wrote ("by Friday", "next week") is dropped: the message is the delivery.
"""

from __future__ import annotations

import re

from amity.engines.draft_topic import to_second_person, word_set

_DEADLINE = re.compile(
    r"\s+(?:(?:by|before|on|until|this|next|coming)\s+(?:the\s+)?(?:end\s+of\s+)?"
    r"(?:mon|tue|wed|thu|fri|sat|sun|week|month|weekend|tomorrow|today|tonight|morning|"
    r"evening|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)\w*.*"
    r"|(?:tomorrow|today|tonight|asap|soon|later)\b.*"
    r"|in\s+(?:a|an|one|two|three|\d+)\s+(?:day|week|month)s?\b.*)$",
    re.I,
)
_SEND = word_set("send share forward email mail get give pass bring drop dig post attach")
_INTRO = re.compile(
    r"^(?:intro|introduce|connect)\s+(?:you\s+|her\s+|him\s+|them\s+)?(?:to|with)\s+(.+)$",
    re.I,
)
_SOME = ("a few ", "a couple ", "a bunch ", "a list ", "a good ", "a great ")
_THING_START = word_set("the a an my our some your her his their")
_RECIPIENT = frozenset({"you", "her", "him", "them", "over", "along", "across"})
_FIND = re.compile(
    r"^(?:find|look up|dig up|track down)\s+(.+?)(?:\s+for\s+(?:you|her|him|them))?$"
)


def promise_opening(promise: str, formal: bool) -> str:
    """The sentence that opens the message; '' when nothing was promised."""
    words = _without_deadline(promise.strip().rstrip(".!"))
    if not words:
        return ""
    intro = _INTRO.match(words)
    if intro:
        who = intro.group(1)
        if formal:
            return f"As promised, I would like to introduce you to {who}."
        return f"As promised, I'd love to introduce you to {who}."
    thing = _sent_thing(words) or _found_thing(words)
    if thing:
        return _here_is(thing, formal)
    if words.split()[0].lower() in _THING_START:
        return _here_is(to_second_person(words), formal)
    done = to_second_person(words)
    if formal:
        return f"I am following up on my promise to {done}."
    return f"Following up on my promise to {done}."


def _without_deadline(text: str) -> str:
    return _DEADLINE.sub("", text).strip(" ,.")


def _sent_thing(text: str) -> str:
    """'send her the slides' -> 'the slides'; '' unless the promise is to send something."""
    verb, _, rest = text.partition(" ")
    if verb.lower() not in _SEND or not rest:
        return ""
    words = rest.split()
    while words and words[0].lower() in _RECIPIENT:
        words = words[1:]
    if len(words) > 2 and words[-1].lower() in _RECIPIENT and words[-2] in ("to", "with"):
        words = words[:-2]  # "send the deck to her", "share the link with him"
    return to_second_person(" ".join(words))


def _found_thing(text: str) -> str:
    match = _FIND.match(text)
    return to_second_person(match.group(1)) if match else ""


def _here_is(thing: str, formal: bool) -> str:
    verb = "are" if _plural(thing) else "is"
    if thing.lower().startswith(("my ", "our ")):
        return f"Here {verb} {thing}, as promised."
    if thing.lower().startswith(("a ", "an ")) and not thing.lower().startswith(_SOME):
        thing = "the " + thing.split(" ", 1)[1]  # "send a link" -> "the link I promised"
    if len(thing.split()) <= 5 and " to " not in thing and " for " not in thing:
        article = "" if thing.split()[0].lower() in _THING_START else "the "
        return f"Here {verb} {article}{thing} I promised."
    return f"As promised, here {verb} {thing}."


def _plural(thing: str) -> bool:
    head = re.split(r"\s(?:of|for|to|on|about|from|with)\s", thing, maxsplit=1)[0]
    last = head.split()[-1].lower() if head.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "ics"))


def promise_shape(promise: str) -> str:
    """ "introduction", "delivery" (something sent), "deed" (anything else), or ""."""
    words = _without_deadline(promise.strip().rstrip(".!"))
    if not words:
        return ""
    if _INTRO.match(words):
        return "introduction"
    thing = _sent_thing(words) or _found_thing(words)
    return "delivery" if thing or words.split()[0].lower() in _THING_START else "deed"
