"""The terms of a text, for `amity.engines.text_match`: folded, cut, stemmed, filtered.

A text is folded (NFKD, accents dropped, `casefold`), cut into runs of letters
and digits, and each word is stemmed by a few suffix rules, enough for the forms people
write in a profile to meet: plurals ("designers" → "designer", "companies" → "company"),
-ing and -ed ("hiring", "hired" → "hire"; "climbing" → "climb") and an agent -er on a long
word ("designer" → "design", "climber" → "climb"), applied until nothing changes. Pure
numbers, one-letter words, English stop words and the generic words of a profile that
never make a match ("help", "stuff", "things", "looking", "happy", "someone", ...) are
left out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
_VOWELS = frozenset("aeiouy")
_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each etc every few
for from further had has have having he her here hers him his how i if in into is it its
just me more most my no nor not now of off on once only or other our out over own same she
should so some such than that the their them then there these they this those through to
too under until up very was we were what when where which while who whom why will with
would you your yours via per yet still much many
help helping stuff thing things something anything everything someone somebody anyone
anybody people person look looking need needs want wants offer offers happy glad keen
open able love like lot lots great good nice new really kind sort maybe general generally
various misc etc get getting make making work working use using way ways
intro intros introduction introduce connect connection contact contacts advice feedback
chat question questions role roles opportunity opportunities
"""


def fold(text: str) -> str:
    """Case and accents folded: "Café Zürich" → "cafe zurich"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _cvc(stem: str) -> bool:
    """Ends consonant-vowel-consonant (not w, x or y): "hir", "cod" (they take back an e)."""
    return (
        len(stem) >= 3
        and stem[-1] not in _VOWELS
        and stem[-1] not in "wxy"
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    )


def _after_suffix(stem: str) -> str:
    """The stem left by -ing/-ed/-er: a doubled consonant undone ("runn" → "run") and a
    short consonant-vowel-consonant stem given back its e ("hir" → "hire")."""
    if (
        len(stem) >= 3
        and stem[-1] == stem[-2]
        and stem[-1] not in _VOWELS
        and stem[-1] not in "lsz"
    ):
        return stem[:-1]
    if len(stem) <= 4 and _cvc(stem):
        return stem + "e"
    return stem


def _step(word: str) -> str:
    n = len(word)
    if n > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if n > 4 and word.endswith("sses"):
        return word[:-2]
    if n > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix, shortest in (("ing", 3), ("ed", 3), ("er", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            stem = word[: -len(suffix)]
            if suffix == "er" and stem.endswith("e"):
                return word  # "engineer", "volunteer", "career": not an agent -er
            if not any(ch in _VOWELS for ch in stem):
                return word
            return _after_suffix(stem)
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A folded word's stem: the suffix rules until nothing changes (at most 3 times)."""
    for _ in range(3):
        shorter = _step(word)
        if shorter == word:
            break
        word = shorter
    return word


STOP_TERMS = frozenset(stem(w) for w in _STOP_TEXT.split()) | frozenset(_STOP_TEXT.split())


_TERM_OF: dict[str, str] = {}  # folded word → its term, "" when it is none (a memo)


def _term_of(word: str) -> str:
    term = _TERM_OF.get(word)
    if term is None:
        term = ""
        if len(word) > 1 and not word.isdigit() and word not in STOP_TERMS:
            stemmed = stem(word)
            term = "" if stemmed in STOP_TERMS else stemmed
        if len(_TERM_OF) < 500_000:
            _TERM_OF[word] = term
    return term


def words(text: str) -> list[tuple[str, str]]:
    """The text's terms in order, each with the folded word it came from."""
    found: list[tuple[str, str]] = []
    for word in _WORD.findall(fold(text)):
        term = _term_of(word)
        if term:
            found.append((term, word))
    return found


def terms(text: str) -> list[str]:
    """The text's terms in order (see `words`)."""
    return [t for t in map(_term_of, _WORD.findall(fold(text))) if t]
