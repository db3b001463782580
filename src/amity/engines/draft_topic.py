"""A short phrase from a note that reads after "our chat about", or nothing.

Notes are typed between booths: "She is moving her team to Dagster", "Talked about Rust
tooling; he climbs", "Recommended I look at their internship program". A draft may only
quote a noun phrase or an -ing phrase ("moving your team to Dagster", "Rust tooling"); a
whole sentence with its own subject and verb is never pasted after "about". When no good
phrase can be found the draft simply leaves the topic out.

The rules, in order (each one is tested on real-looking notes):
1. Keep the first sentence, and within it what follows a lead-in such as "talked about".
2. Drop a leading subject and auxiliary ("she is", "they're", "we were", "Ana is"). What is
   left must start with an -ing word ("moving ..."), else there is no topic.
3. A phrase that starts with a verb in the past tense ("Recommended I ...", "Worked on
   ...", but not "Distributed systems") or another finite verb ("Runs the team"), a
   verdict ("Great chat!"), a role or a team ("PM at Stripe", "data team at Monzo") gives
   no topic, nor does a phrase with its own verb ("The team is hiring"; "how the team is
   organised" reads well).
4. Cut at the first clause boundary (a comma, "because", "but", "which", "and she" ...).
5. Speak to the person: "her", "his", "their" become "your"; "him", "them" become "you".
6. At most about 60 characters, cut at a word, never ending on "to", "of", "the" ...
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string: easier to read than a list of literals."""
    return frozenset(text.split())


TOPIC_MAX_CHARS = 60

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s|\n")
_LEAD_IN = re.compile(
    r"\b(?:(?:talked|chatted|spoke|conversation|chat|talk|asked|heard|told me|learned|learnt)"
    r"(?: a lot| mostly| mainly| briefly)?\s+(?:about|on)|discussed"
    # note-speak: "talked Go and payments", never "talked to her" nor "talked again"
    r"|(?:talked|chatted)(?: a lot| mostly| mainly| briefly)?(?=\s+(?!(?:to|with|for|again|"
    r"later|soon|briefly|a|an|the|it|them|him|her|me|us)\b)\w))\s+",
    re.I,
)
_SUBJECT = re.compile(
    r"^(?:she|he|they|we|i|you|it|(?-i:[A-Z][\w'-]+))"
    r"(?:'s|'re|'m|\s+is|\s+are|\s+was|\s+were|\s+am|\s+has been|\s+have been|\s+had been|"
    r"\s+will be|'ll be|\s+is now|\s+are now|\s+is also|\s+are also|\s+is currently)\s+",
    re.I,
)
_LIKES = re.compile(
    r"^(?:(?:she|he|they)(?:'s|'re)?\s+)?"
    r"(?:(?:really\s+)?(?:loves?|likes?|enjoys?)|(?:is\s+|are\s+)?into)\s+",
    re.I,
)
_WANTS = re.compile(
    r"^(?:(?:she|he|they)(?:'s|'re)?\s+)?(?:is\s+|are\s+)?"
    r"(?:looking\s+for|searching\s+for|seeking|needs?|wants?|in\s+need\s+of)\s+",
    re.I,
)
_THIRD_PERSON_VERBS = word_set("climbs runs plays loves likes enjoys does goes swims sails")
_BARE_SUBJECT = frozenset({"she", "he", "they", "we", "i", "you", "it", "there", "this", "that"})
_CLAUSE = re.compile(
    r",|:|\(| - | – | — |\s(?:because|but|so that|so|since|which|who|where|while|although|"
    r"though|and (?:she|he|they|we|i|it|also|then)|then)\s",
    re.I,
)
# Words after which a word in -s is a verb with an object ("Runs the platform team",
# "Works at Plaid"; but "Kubernetes on bare metal" is a topic).
_OBJECT_START = word_set(
    "i me we us you her him them my our your their his the a an that to in at with for it "
    "this these those some"
)
# A note that starts with a past tense is a sentence without its subject ("Worked on
# search", "Recommended I apply"), unless the word is one of these adjectives.
_ADJECTIVES_IN_ED = word_set(
    "distributed advanced automated embedded managed federated applied supervised"
    " unsupervised connected decentralized decentralised centralized centralised"
    " accelerated augmented animated detailed extended integrated mixed sustained"
    " red bed speed seed feed need"
)
_FINITE_VERBS = word_set(
    "is are was were has have had does did can could will would should works lives runs "
    "leads wants needs likes loves thinks said says knows"
)
_VERDICTS = word_set(
    "great good nice lovely very super really fun cool awesome friendly helpful smart "
    "kind sharp brilliant amazing"
    # what a message opens with ("Congrats on the new role", "Thanks for the intro"):
    # a pleasantry, not something you talked about
    " congrats congratulations thanks thank hi hey hello dear happy welcome sorry cheers"
    " hope yes no ok okay sure"
)
_ROLES = word_set(
    "pm engineer recruiter manager founder co-founder cofounder cto ceo coo cfo vp "
    "director designer lead ta student intern partner investor analyst scientist "
    "developer head researcher professor consultant architect sre"
)
# Where someone works, after a role or a team: "TA in my algorithms class", "PM at Stripe",
# "recruiter from Monzo", "engineer on the payments team".
_WHERE = re.compile(r" (?:at|@|in|on|from|with) ")
_UNITS = word_set("team group lab squad department office")
_WH = word_set("how why what when where whether who")
_AUXILIARIES = word_set(
    "is are was were has have had will would can could should does did do am isn't aren't "
    "wasn't won't"
)
_DANGLING = word_set(
    "a an the to of for with from in on at by and or but about into onto your my our"
)
_LOWER_FIRST = word_set("a an the their his her our my your its how why what when where whether")
_POSSESSIVE = {"her": "your", "his": "your", "their": "your", "hers": "yours"}
_OBJECT = {"him": "you", "them": "you"}
_SUBJECTS = frozenset({"she", "he", "they"})
_AGREE = {"is": "are", "was": "were", "has": "have", "does": "do", "goes": "go", "'s": "'re"}
_DETERMINERS = word_set("a an the some this that these those")


def topic_phrase(text: str) -> str:
    """The phrase a draft may use for this note, or "" when none reads well. A note that
    opens with who they are ("Stripe engineer, talked Go and payments") is read from its
    next clause."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    first, comma, rest = sentence.partition(", ")
    talked_of = _LEAD_IN.search(rest) or _first_word(rest).endswith("ing")
    if comma and talked_of and _about_the_person(first) and not _LEAD_IN.search(first):
        found = _topic_of(rest)
        if found:
            return found
    return _topic_of(sentence)


def _topic_of(sentence: str) -> str:
    if _LIKES.match(sentence) or _WANTS.match(sentence):
        return ""  # "Loves bouldering", "Looking for a head of sales": about them, no topic
    lead_in = _LEAD_IN.search(sentence)
    if lead_in:
        sentence = sentence[lead_in.end() :]
    elif (phrase := _predicate(sentence)) is not None:
        sentence = phrase
    else:
        return ""
    sentence = _CLAUSE.split(sentence, maxsplit=1)[0].strip(" .!?;:-–—'\"")
    if _has_own_verb(sentence) or _about_the_person(sentence):
        return ""
    return _lower_first_word(" ".join(_shorten(to_second_person(sentence).split())))


def _about_the_person(phrase: str) -> bool:
    """'PM at Stripe', 'Great chat', 'very friendly': a note about them, not a topic."""
    words = [w.lower().strip(",.;:!?") for w in phrase.split()]
    if not words or words[0] in _VERDICTS:
        return True
    head = _WHERE.split(phrase.lower(), maxsplit=1)[0].split()
    if not head or len(head) > 4:
        return False
    # "Plaid payments team", "data team at Monzo": where they work ("the team", "her team"
    # after "talked about" is a topic)
    return head[-1] in _ROLES or (head[-1] in _UNITS and head[0] not in _LOWER_FIRST)


def _has_own_verb(phrase: str) -> bool:
    """'the team is hiring' is a sentence; 'how the team is organised' reads after 'about'."""
    words = [w.lower().strip(",.;:!?") for w in phrase.split()]
    if not words or words[0] in _WH:
        return False
    return any(w in _AUXILIARIES or (w.endswith(("'s", "'re")) and w != "'s") for w in words[1:])


def _predicate(sentence: str) -> str | None:
    """The sentence without a leading subject, or None when it is a clause we cannot quote."""
    subject = _SUBJECT.match(sentence)
    if subject:
        rest = sentence[subject.end() :]
        return rest if _first_word(rest).endswith("ing") else None
    words = sentence.split()
    if not words:
        return None
    first = _first_word(sentence)
    if first in _BARE_SUBJECT | _AUXILIARIES | {"might", "must", "shall"}:
        return None  # "Will talk again in January"
    if len(words) > 1 and words[1].lower() in _FINITE_VERBS:
        return None  # "She works at Plaid", "Ana works at Plaid"
    if first.endswith("ed") and first not in _ADJECTIVES_IN_ED:
        return None  # "Recommended I look at their internship program"
    if first.endswith("s") and len(words) > 1 and words[1].lower() in _OBJECT_START - {"a"}:
        return None  # "Runs the platform team", "Wants me to apply"
    return sentence


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0].lower().strip(",.;:") if text.strip() else ""


def to_second_person(text: str) -> str:
    """Speak to the person the note is about: 'her team' -> 'your team', 'him' -> 'you'."""
    words = text.split()
    out: list[str] = []
    for i, word in enumerate(words):
        core = word.strip(",.;:!?")
        lower = core.lower()
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if lower == "her" and (not following or following in _DETERMINERS | _DANGLING):
            swap = "you"  # "introduce her to Sam", "send her the deck"
        elif lower in _POSSESSIVE:
            swap = _POSSESSIVE[lower]
        elif lower in _OBJECT:
            swap = _OBJECT[lower]
        elif lower in _SUBJECTS and i > 0:
            swap = "you"  # "how she got into ML" -> "how you got into ML"
            if following in _AGREE:
                words[i + 1] = _AGREE[following]
            elif following.endswith("s") and not following.endswith("ss") and len(following) > 3:
                words[i + 1] = words[i + 1][:-1]  # "how she leads" -> "how you lead"
        else:
            out.append(word)
            continue
        if core[:1].isupper() and i == 0:
            swap = swap.capitalize()
        out.append(word.replace(core, swap))
    return " ".join(out)


def _shorten(words: list[str]) -> list[str]:
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > TOPIC_MAX_CHARS:
            break
        kept.append(word)
    while kept and kept[-1] in _DANGLING:  # "Series A" keeps its A
        kept.pop()
    return kept


def _lower_first_word(text: str) -> str:
    word, _, rest = text.partition(" ")
    if word.lower() in _LOWER_FIRST or (word.lower().endswith("ing") and word[1:].islower()):
        return " ".join(part for part in (word.lower(), rest) if part)
    return text


def first_item(text: str, max_chars: int = 40) -> str:
    """The first item of a list the user typed ('climbing, jazz; Rust' -> 'climbing'),
    spoken to the person; "" when it is too long or is a sentence ("She climbs").

    A leading "loves", "is into", "she likes" is dropped: "Loves bouldering" -> "bouldering".
    """
    item = re.split(r"[,;/\n]|\band\b|\.\s", text.strip(), maxsplit=1)[0]
    item = _LIKES.sub("", item.strip(" .!?-–—'\""))
    words = item.lower().split()
    if not words or words[0] in _BARE_SUBJECT or _has_own_verb(item):
        return ""
    if len(words) > 1 and words[1] in _FINITE_VERBS | _THIRD_PERSON_VERBS:
        return ""
    item = to_second_person(item)
    return _lower_first_word(item) if len(item) <= max_chars else ""


def need_said(text: str) -> str:
    """A need written as a note ("Looking for a head of sales" -> "a head of sales"), or ""
    when the note says something else."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    return first_need(sentence) if _WANTS.match(sentence) else ""


def liking_said(text: str) -> str:
    """A liking written as a note ("Loves bouldering" -> "bouldering"), or ""."""
    sentence = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    return first_item(sentence) if _LIKES.match(sentence) else ""


def first_need(text: str) -> str:
    """What they are looking for, as a phrase: "Looking for a designer" -> "a designer"."""
    need = first_item(_WANTS.sub("", text.strip()))
    return "" if need.lower().startswith("to ") else need  # "wants to move to product"
