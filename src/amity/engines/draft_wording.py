"""The words of a draft: a few phrasings for each part, one chosen per person.

Six people met at one fair get six drafts that do not all open or end alike, and each
person's draft is the same on every run. The choice is `(person_id + crc32(part)) % n`:
stable across processes (never Python's randomised `hash()`), and people added one after
another (consecutive ids, as at a fair) walk through the phrasings in turn.

`{met}` is "at PyCon yesterday" or empty, `{topic}` a short phrase; a phrasing that needs a
value is only offered when the value is there.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from amity.model.enums import LifeEventKind

Pair = tuple[Sequence[str], Sequence[str]]  # (casual, formal)


def choose(options: Sequence[str], seed: int, part: str) -> str:
    """One of `options` for this person and part of the message."""
    if not options:
        return ""
    return options[(seed + zlib.crc32(part.encode("utf-8"))) % len(options)]


def seed_for(person_id: int, name: str) -> int:
    return person_id if person_id > 0 else zlib.crc32(name.strip().lower().encode("utf-8"))


GREETING: dict[bool, Pair] = {  # by "known before"
    False: (("Hi {name},", "Hi {name},", "Hello {name},"), ("Dear {name},",)),
    True: (("Hi {name},", "Hey {name},"), ("Dear {name},",)),
}

FOLLOWUP_OPENER: dict[bool, Pair] = {
    False: (
        (
            "Great to meet you{met}!",
            "It was really nice meeting you{met}.",
            "So glad we got to talk{met}!",
        ),
        (
            "Thank you for taking the time to talk{met}.",
            "It was a pleasure to meet you{met}.",
            "Thank you for your time{met}.",
        ),
    ),
    True: (
        (
            "Good to see you again{met}!",
            "It was great to catch up{met}.",
            "Lovely to see you again{met}!",
        ),
        ("It was good to see you again{met}.", "It was a pleasure to catch up{met}."),
    ),
}
FOLLOWUP_FINALLY: Pair = (  # in touch before, but this was the first meeting
    ("Great to finally meet you{met}!", "So good to finally meet{met}!"),
    ("It was a pleasure to finally meet you{met}.",),
)
FOLLOWUP_TOPIC: dict[bool, Pair] = {
    False: (
        (
            "I really enjoyed our chat about {topic}.",
            "I enjoyed hearing about {topic}.",
            "Thanks for telling me about {topic}.",
        ),
        (
            "I particularly enjoyed our conversation about {topic}.",
            "I appreciated hearing your perspective on {topic}.",
        ),
    ),
    True: (
        ("I enjoyed catching up on {topic}.", "Thanks for filling me in on {topic}."),
        ("I enjoyed hearing about {topic}.", "Thank you for filling me in on {topic}."),
    ),
}
FOLLOWUP_QUESTION: dict[bool, Pair] = {
    False: (
        (
            "What are you working on next?",
            "What's keeping you busy these days?",
            "What's next on your plate?",
        ),
        (
            "What are you focusing on in the coming months?",
            "What are you most focused on at the moment?",
            "What is next for you?",
        ),
    ),
    True: (
        ("What's next for you?", "How's everything else going?"),
        ("What is next for you?", "How is everything else going?"),
    ),
}
FOLLOWUP_CLOSING: dict[bool, Pair] = {
    False: (
        (
            "Let's keep in touch.",
            "Hope our paths cross again soon.",
            "Would be great to stay in touch.",
            "",
        ),
        (
            "I would be glad to stay in touch.",
            "I hope we can stay in touch.",
            "I look forward to staying in touch.",
        ),
    ),
    True: (
        ("Talk soon!", "Let's do it again soon.", ""),
        ("I hope to see you again soon.", "I look forward to our next conversation."),
    ),
}

CHECKIN_OPENER: dict[str, Pair] = {  # "long": beyond their cadence; "never": no contact yet
    "long": (
        (
            "It's been a while! You came to mind today and I wanted to say hello.",
            "It's been too long! I was thinking of you today and wanted to say hi.",
            "It feels like ages since we last talked, so I wanted to say hello.",
        ),
        (
            "I hope you are well. It has been a while since we last "
            "spoke, and I wanted to get back in touch.",
            "I hope this finds you well. It has been some time since we "
            "last spoke, and you came to mind recently.",
        ),
    ),
    "within": (
        (
            "You came to mind today and I wanted to say hello.",
            "Hope you're doing well! I was thinking of you today.",
            "Just wanted to say hi and see how you're doing.",
        ),
        (
            "I hope you are well. You came to mind recently, and I wanted to say hello.",
            "I hope this finds you well. I was thinking of you "
            "recently and wanted to get in touch.",
        ),
    ),
    "never": (
        ("I realised we've never properly caught up, so I wanted to say hello.",),
        ("I realised we have never properly spoken, and I wanted to say hello.",),
    ),
}


CHECKIN_QUESTION: Pair = (
    ("What's been keeping you busy?", "What's new with you?", "How have things been?"),
    (
        "What has been keeping you busy lately?",
        "How have things been with you?",
        "What are you working on these days?",
    ),
)
CHECKIN_CLOSING: Pair = (
    ("", "Would be great to catch up properly soon.", ""),
    ("", "I would be glad to catch up whenever suits you."),
)

RECONNECT_OPENER: dict[bool, Pair] = {  # by "known before"
    False: (
        (
            "We met {met}{and_topic}, and I've been meaning to write ever since.",
            "I meant to write sooner after we met {met}{and_topic}.",
            "It took me a while to write, but I've been thinking "
            "about our chat {met}{about_topic}.",
        ),
        (
            "I hope you are well. We met {met}{and_topic}, and I have been meaning to write since.",
            "I hope this finds you well. I had meant to write "
            "sooner after we met {met}{and_topic}.",
        ),
    ),
    True: (
        ("It was good to see you {met}{and_topic}, and I've been meaning to write since.",),
        (
            "I hope you are well. It was good to see you {met}, and "
            "I have been meaning to write since.",
        ),
    ),
}
RECONNECT_UNDATED: Pair = (
    ("I've been meaning to write for a while.", "I meant to write sooner!"),
    ("I hope you are well. I have been meaning to write for some time.",),
)
RECONNECT_QUESTION: dict[bool, Pair] = {  # by "we know when we met"
    True: (
        (
            "How have things been since?",
            "What have you been up to since?",
            "How are things on your side?",
        ),
        ("How have things been since we spoke?", "What have you been working on since?"),
    ),
    False: (
        ("How have things been?", "What have you been up to?"),
        ("How have things been with you?", "What have you been working on lately?"),
    ),
}
RECONNECT_CLOSING: Pair = (
    ("", "Would be great to stay in touch."),
    ("I would be glad to stay in touch.",),
)

THANKS_RECEIVED: Pair = (
    (
        "Thanks so much for {gave}! It made a real difference.",
        "I wanted to say a big thank you for {gave}. It really helped.",
        "Thank you again for {gave}; I really appreciate it.",
    ),
    (
        "Thank you very much for {gave}. I truly appreciate the time and care you put into it.",
        "I wanted to thank you for {gave}; it made a real difference.",
    ),
)
THANKS_TIME: Pair = (  # nothing received: thank them for the conversation itself
    ("Thanks again for taking the time to chat{met}; I really appreciated it.",),
    ("Thank you again for taking the time to speak with me{met}; I appreciated it.",),
)
THANKS_TOPIC: Pair = (
    ("I'm still thinking about what you said about {topic}.",),
    ("I learned a great deal from our conversation about {topic}.",),
)
THANKS_QUESTION: dict[bool, Pair] = {  # by "received something"
    True: (
        (
            "Is there anything I can do for you in return?",
            "Let me know if I can ever return the favour.",
        ),
        (
            "Is there anything I could do for you in return?",
            "Please let me know if I can ever return the favour.",
        ),
    ),
    False: (
        ("Is there anything I can help you with?", "Let me know if I can ever help with anything."),
        ("Please let me know if I can ever be of help.",),
    ),
}

CONGRATS_OPENER: Pair = (
    (
        "Congratulations on {event}! So happy for you.",
        "I just saw the news about {event}. Congratulations!",
    ),
    (
        "Congratulations on {event}; I was delighted to hear it.",
        "Many congratulations on {event}; it is wonderful news.",
    ),
)
CONGRATS_CAREER: Pair = (
    (
        "Congratulations on {event}! So happy for you.",
        "Huge congratulations on {event}! Well deserved.",
    ),
    (
        "Congratulations on {event}; I was delighted to hear it.",
        "Warm congratulations on {event}; it is very well deserved.",
    ),
)
BIRTHDAY_OPENER: Pair = (
    ("Happy birthday! I hope it's a great year.", "Happy birthday! Hope you have a wonderful day."),
    ("Wishing you a very happy birthday and a wonderful year ahead.",),
)

CONGRATS_QUESTIONS: dict[LifeEventKind, Pair] = {
    LifeEventKind.NEW_JOB: (
        ("What are you most excited about in the new role?",),
        ("What are you most looking forward to in the new role?",),
    ),
    LifeEventKind.PROMOTION: (
        ("What's the first thing you want to take on?",),
        ("What will you be taking on first?",),
    ),
    LifeEventKind.WORK_ANNIVERSARY: (
        ("What's been the highlight so far?",),
        ("What has been the highlight so far?",),
    ),
    LifeEventKind.BIRTHDAY: (
        ("Doing anything fun to celebrate?", "Any plans for the day?"),
        ("Do you have anything nice planned for the day?",),
    ),
    LifeEventKind.MOVED: (("How are you settling in?",), ("How are you settling in?",)),
}
DEFAULT_CONGRATS: Pair = (("How are you doing?",), ("How are you doing?",))

ASK_OPENER: dict[str, Pair] = {  # "recent": met lately; "old": met long ago; "": known
    "old": (
        (
            "Hope you're doing well! We met {met}, and I have a small ask: I'd be grateful "
            "for {ask}.",
        ),
        (
            "I hope you are well. We met {met}, and I am writing with a request: I would be "
            "grateful for {ask}.",
        ),
    ),
    "recent": (
        (
            "Hope you're doing well! It was great meeting you {met}. I "
            "have a small ask: I'd be grateful for {ask}.",
            "Hope all is well! It was good to meet you {met}. I wanted to "
            "ask a small favour: I'd be grateful for {ask}.",
        ),
        (
            "I hope you are well. It was a pleasure to meet you {met}. I am "
            "writing with a request: I would be grateful for {ask}.",
        ),
    ),
    "": (
        (
            "Hope you're doing well! I have a small ask: I'd be grateful for {ask}.",
            "Hope all is well! I wanted to ask a small favour: I'd be grateful for {ask}.",
        ),
        ("I hope you are well. I am writing with a request: I would be grateful for {ask}.",),
    ),
}
ASK_QUESTION: Pair = (
    ("Would that be okay?", "Would you be open to that?"),
    ("Would that be possible?", "Would you be open to that?"),
)
ASK_CLOSING: Pair = (
    ("No worries at all if now isn't a good time.", "Totally fine if the timing isn't right."),
    (
        "Please feel free to say no if the timing is not right.",
        "I completely understand if the timing is not right.",
    ),
)

PROMISE_MET: Pair = (  # before the delivery, for someone met this week
    ("It was great meeting you {met}.", "Lovely to meet you {met}!"),
    ("It was a pleasure to meet you {met}.",),
)
PROMISE_UNKNOWN: Pair = (
    ("Here's what I promised.",),
    ("As promised, here is what I said I would send.",),
)
PROMISE_QUESTION: Pair = (
    ("Let me know if it helps.", "Hope it's useful!", "Let me know if you have any questions."),
    (
        "Please let me know if it is useful.",
        "I hope it is helpful; please let me know if you have any questions.",
    ),
)
DEED_QUESTION: Pair = (
    ("Anything else I can help with?", "Let me know if there's anything else I can do."),
    ("Please let me know if there is anything else I can do.",),
)
INTRO_QUESTION: Pair = (
    (
        "Would you be up for that? If so, I'll put you two in touch.",
        "Shall I connect you two by email?",
    ),
    ("Would that be welcome? If so, I will put you in touch.",),
)

# A question that fits the person, from what Amity knows about them.
NEED_ACTIVITY: Pair = (("How is {need} going?",), ("How is {need} progressing?",))
NEED_THING: dict[bool, Pair] = {  # by "asked before": only then "still"
    False: (("How is the search for {need} going?",), ("How is the search for {need} going?",)),
    True: (("Are you still looking for {need}?",), ("Are you still looking for {need}?",)),
}
NEED_OFFER: Pair = (("Happy to help if I can.",), ("I would be glad to help if I can.",))
INTEREST_NEW: Pair = (
    ("What got you into {interest}?", "How did you get into {interest}?"),
    ("How did you get into {interest}?",),
)
INTEREST_KNOWN: Pair = (
    ("Are you still into {interest}?",),
    ("Do you still find time for {interest}?",),
)
TOPIC_ACTIVITY: Pair = (("How is {topic} going?",), ("How is {topic} going?",))
TOPIC_THING: Pair = (
    ("How are things going with {topic}?",),
    ("How are things progressing with {topic}?",),
)

SIGN_OFF: dict[str, Pair] = {
    "thanks": (("", "Best,", "Cheers,"), ("With gratitude,", "Kind regards,")),
    "congrats": (("", "Cheers,", "Best,"), ("Warm regards,", "Best wishes,")),
    "": (("", "Best,", "Cheers,"), ("Kind regards,", "Best regards,", "Best wishes,")),
}
