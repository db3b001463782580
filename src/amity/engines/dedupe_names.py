"""Name knowledge for the duplicate matcher: nicknames, transliteration, a phonetic key.

Pure data and small functions over strings; `dedupe` builds its comparisons on them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

# Canonical given name -> its common nicknames and spelling variants (English usage).
# A nickname may belong to several names ("al", "alex", "sam"); two given names are
# compatible when their sets of canonical names intersect.
_NICKNAMES: dict[str, str] = {
    "abigail": "abby gail",
    "agnes": "aggie",
    "albert": "al bert bertie",
    "alan": "al allan allen",
    "alexander": "alex al sandy xander sasha lex",
    "alexandra": "alex alexa lexi sandra sasha sandy",
    "alfred": "alf alfie al fred",
    "alice": "allie ally",
    "amanda": "mandy",
    "andrew": "andy drew",
    "ann": "anne annie nan nancy anna",
    "anthony": "tony ant",
    "arthur": "art artie",
    "augustus": "gus",
    "barbara": "barb babs barbie",
    "beatrice": "bea trixie",
    "benjamin": "ben benny benji",
    "bradley": "brad",
    "caroline": "carrie carol caro carolyn",
    "catherine": "cathy kate katie kathy kat kitty katherine kathryn",
    "charles": "charlie chuck chas chaz",
    "christine": "chris chrissy tina christina kristy",
    "christopher": "chris kit topher kris",
    "clifford": "cliff",
    "constance": "connie",
    "cynthia": "cindy",
    "daniel": "dan danny",
    "david": "dave davey davy",
    "deborah": "deb debbie debby debra",
    "dominic": "dom",
    "donald": "don donnie",
    "dorothy": "dot dottie dolly",
    "douglas": "doug",
    "edward": "ed eddie ted teddy ned",
    "eleanor": "ellie nell nora elle",
    "elizabeth": "liz lizzie beth betty eliza libby betsy bess elisabeth",
    "eugene": "gene",
    "evelyn": "evie",
    "florence": "flo flossie",
    "frances": "fran frannie frankie",
    "francis": "frank fran",
    "frederick": "fred freddie freddy fritz",
    "gabriel": "gabe",
    "gabrielle": "gabby",
    "gerald": "gerry jerry",
    "gertrude": "gertie trudy",
    "gregory": "greg",
    "gwendolyn": "gwen",
    "harold": "harry hal",
    "henry": "hank harry hal",
    "herbert": "herb bert",
    "isabella": "izzy bella isabel isabelle",
    "jacob": "jake",
    "jacqueline": "jackie",
    "james": "jim jimmy jamie",
    "jennifer": "jen jenny jenn",
    "jessica": "jess jessie",
    "john": "jack johnny jon",
    "jonathan": "jon jonny",
    "joseph": "joe joey",
    "josephine": "jo josie",
    "joshua": "josh",
    "judith": "judy",
    "kenneth": "ken kenny",
    "kimberly": "kim",
    "lawrence": "larry laurie",
    "leonard": "leo len lenny",
    "lillian": "lily lil",
    "louis": "lou",
    "louise": "lou lulu",
    "madeline": "maddie maddy madeleine",
    "margaret": "peggy peg maggie meg marge margie greta madge",
    "martha": "marty mattie",
    "martin": "marty",
    "mary": "molly polly mae",
    "matilda": "tilly tillie mathilda",
    "matthew": "matt matty",
    "maximilian": "max",
    "maxwell": "max",
    "melissa": "mel missy",
    "michael": "mike mick mickey mikey",
    "mildred": "millie",
    "millicent": "millie",
    "mitchell": "mitch",
    "nathaniel": "nate nat nathan",
    "nicholas": "nick nicky nico",
    "nicole": "nikki nicki",
    "oliver": "ollie",
    "olivia": "liv livvy",
    "pamela": "pam",
    "patricia": "pat patty tricia trish",
    "patrick": "pat paddy",
    "penelope": "penny",
    "peter": "pete",
    "philip": "phil phillip",
    "raymond": "ray",
    "rebecca": "becky becca",
    "reginald": "reg reggie",
    "richard": "rick ricky dick rich richie",
    "robert": "bob bobby rob robbie robby bert",
    "ronald": "ron ronnie",
    "samantha": "sam sammie",
    "samuel": "sam sammy",
    "sarah": "sara sally sadie",
    "sophia": "sophie",
    "stanley": "stan",
    "stephanie": "steph",
    "stephen": "steve stevie steven",
    "susan": "sue susie suzy suzanne",
    "theodore": "ted teddy theo",
    "theresa": "terry tess tessa teresa",
    "thomas": "tom tommy",
    "timothy": "tim timmy",
    "valerie": "val",
    "victoria": "vicky vicki tori",
    "vincent": "vince vinny",
    "virginia": "ginny ginger",
    "walter": "walt wally",
    "william": "bill billy will willie willy liam",
    "winifred": "winnie",
    "zachary": "zach zack zak",
}


def _canonical_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for canonical, nicknames in _NICKNAMES.items():
        table.setdefault(canonical, {canonical})
        for nickname in nicknames.split():
            table.setdefault(nickname, {nickname}).add(canonical)
    return {name: frozenset(names) for name, names in table.items()}


_CANONICAL = _canonical_table()

# Letters that Unicode decomposition does not reduce to ASCII, and the German convention
# (ä -> ae) that makes "Müller" and "Mueller" the same name.
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_LETTERS = str.maketrans(
    {
        "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
        "þ": "th", "ı": "i", "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e",
        "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
        "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
    }
)  # fmt: skip
_NOT_NAME = re.compile(r"[^a-z ]+")
_JOINERS = re.compile(r"[-_.,/]+")
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "jr", "sr", "ii", "iii"})


def _ascii_name(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def name_forms(text: str) -> tuple[str, ...]:
    """The comparable spellings of a name: lower-case ASCII letters and single spaces.

    One form for plain ASCII; for "Jürgen" both "juergen" (German convention) and
    "jurgen" (accents stripped), so either spelling matches.
    """
    lowered = _JOINERS.sub(" ", text.casefold().replace("'", ""))
    if lowered.isascii():
        return (_clean(lowered),)
    forms = (_clean(_ascii_name(lowered.translate(_GERMAN))), _clean(_ascii_name(lowered)))
    return forms if forms[0] != forms[1] else forms[:1]


def _clean(text: str) -> str:
    words = _NOT_NAME.sub(" ", text).split()
    return " ".join(word for word in words if word not in _TITLES)


def canonical_given(name: str) -> frozenset[str]:
    """The name itself and every name it is a nickname or variant of."""
    return _CANONICAL.get(name) or frozenset((name,))


@lru_cache(maxsize=65536)
def soundex(name: str) -> str:
    """American Soundex of the letters of `name` ("" for no letters), e.g. Robert -> R163."""
    letters = name.replace(" ", "")
    if not letters:
        return ""
    codes = [_SOUNDEX_CODE.get(ch, "") for ch in letters]
    out = [letters[0].upper()]
    previous = codes[0]
    for ch, code in zip(letters[1:], codes[1:], strict=True):
        if code and code != previous:
            out.append(code)
        if ch not in "hw":
            previous = code
    return "".join(out)[:4].ljust(4, "0")


_SOUNDEX_CODE = {
    ch: code for code, chars in
    (("1", "bfpv"), ("2", "cgjkqsxz"), ("3", "dt"), ("4", "l"), ("5", "mn"), ("6", "r"))
    for ch in chars
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name split into comparable parts; an empty part is unknown, not different."""

    given: tuple[str, ...]  # spellings (see `name_forms`); ("",) when unknown
    family: tuple[str, ...]  # spellings without spaces: "lillie-hinrichs" = "lilliehinrichs"
    given_text: str  # as written, for reasons
    family_text: str
    first: str  # the first given word ("mary" for "Mary Ann")
    canon: frozenset[str]  # the first given word and the names it is a nickname of

    @property
    def complete(self) -> bool:
        return bool(self.given[0] and self.family[0])


NameVerdict = tuple[float, tuple[str, ...], bool]
"""Log-odds, reasons, and whether the names conflict (both known and disagreeing)."""

_Part = tuple[float, float, str]  # log-odds, similarity (1.0 unless a typo away), reason

# Log-odds weights. A full, exact name is worth 4.9 against a prior of -4.0 (see `dedupe`):
# about 0.71 on its own, well short of a sure match.
_GIVEN = (2.2, -2.0)  # (exact, clearly different)
_FAMILY = (2.7, -3.0)
_NICKNAME = 1.8
_SAME_FIRST_WORD = 1.6  # "Mary Ann" and "Mary"
_INITIAL = 0.6  # "A." and "Ada"
_SWAP_COST = 0.3
_TYPO_FLOOR = 0.75  # Jaro-Winkler similarity at which a typo stops counting for anything
_COMPATIBLE = 0.85
_UNKNOWN: _Part = (0.0, 1.0, "")
_SAME_NAME: NameVerdict = (_GIVEN[0] + _FAMILY[0], ("same name",), False)


@lru_cache(maxsize=65536)
def parse_name(name: str, given_name: str, family_name: str) -> PersonName:
    """Split `name` ("Ada Lovelace", "Lovelace, Ada") when the parts are not given."""
    given_text, family_text = given_name.strip(), family_name.strip()
    if not given_text and not family_text:
        given_text, family_text = _split(name.strip())
    given = (name_forms(given_text) if given_text else ("",)) or ("",)
    family = tuple(form.replace(" ", "") for form in name_forms(family_text)) or ("",)
    first = given[0].split(" ", 1)[0]
    canon = canonical_given(first) if first else frozenset()
    return PersonName(given, family, given_text, family_text, first, canon)


def _split(name: str) -> tuple[str, str]:
    if "," in name:
        family, _, given = name.partition(",")
        return given.strip(), family.strip()
    words = name.split()
    if len(words) < 2:
        return name, ""
    return " ".join(words[:-1]), words[-1]


@lru_cache(maxsize=65536)
def name_keys(name: PersonName) -> frozenset[str]:
    """Blocking keys: the sorted words (so a swap meets); one part exact, nicknames resolved,
    with the other part's sound, start or letters (so one typo still meets); and the
    sounds of both parts."""
    keys: set[str] = set()
    for given in name.given:
        for family in name.family:
            keys.add("n:" + " ".join(sorted(f"{given} {family}".split())))
            if family and given:
                keys.update(["f:" + family + key for key in _rough(given.replace(" ", ""))])
                rough = _rough(family)
                keys.update(["g:" + canon + key for canon in name.canon for key in rough])
                keys.add("s:" + "|".join(sorted((soundex(given), soundex(family)))))
    keys.discard("n:")
    return frozenset(keys)


def _rough(word: str) -> tuple[str, ...]:
    """Short keys that survive a typo in `word`: its sound, its start, its letters."""
    return ("|" + soundex(word), "|^" + word[:3], "|=" + "".join(sorted(word)))


def compare_names(p: PersonName, q: PersonName) -> NameVerdict:
    if p.given == q.given and p.family == q.family and p.complete:
        return _SAME_NAME
    given, family = _given(p, q), _family(p, q)
    direct = given[0] + family[0]
    if direct < _SAME_NAME[0] - 1.0 and _may_be_swapped(p, q):
        swapped = _swapped(p, q)
        if swapped is not None and swapped[0] > direct:
            return swapped
    reasons = tuple(part[2] for part in (given, family) if part[2])
    typo = min(given[1], family[1])
    if _COMPATIBLE <= typo < 1.0:
        reasons += (f"name typo ({round(typo * 100)}%)",)
    elif given[0] > 0 and family[0] > 0 and not reasons:
        reasons = ("same name",)
    return direct, reasons, typo < _COMPATIBLE


def _may_be_swapped(p: PersonName, q: PersonName) -> bool:
    if not (p.complete and q.complete):
        return False
    return p.given[0][0] == q.family[0][0] or p.family[0][0] == q.given[0][0]


def _swapped(p: PersonName, q: PersonName) -> NameVerdict | None:
    """Given and family names recorded the wrong way round on one side."""
    given = _fuzzy(p.given, q.family, _GIVEN)
    family = _fuzzy(p.family, tuple(form.replace(" ", "") for form in q.given), _FAMILY)
    if min(given[1], family[1]) <= 0.9:
        return None
    return given[0] + family[0] - _SWAP_COST, ("given and family names swapped",), False


def _given(p: PersonName, q: PersonName) -> _Part:
    if not p.first or not q.first:
        return _UNKNOWN
    if p.given == q.given or not set(p.given).isdisjoint(q.given):
        return _GIVEN[0], 1.0, _transliteration(p.given_text, q.given_text)
    if p.first == q.first:
        return _SAME_FIRST_WORD, 1.0, ""
    if not p.canon.isdisjoint(q.canon):
        return _NICKNAME, 1.0, f"nickname: {_word(p.given_text)} = {_word(q.given_text)}"
    if len(p.first) == 1 or len(q.first) == 1:
        return (_INITIAL, 1.0, "") if p.first[0] == q.first[0] else (_GIVEN[1], 0.0, "")
    return _fuzzy(p.given, q.given, _GIVEN)


def _family(p: PersonName, q: PersonName) -> _Part:
    if p.family[0] and q.family[0] and not set(p.family).isdisjoint(q.family):
        return _FAMILY[0], 1.0, _transliteration(p.family_text, q.family_text)
    return _fuzzy(p.family, q.family, _FAMILY)


def _fuzzy(p: tuple[str, ...], q: tuple[str, ...], weights: tuple[float, float]) -> _Part:
    if not p[0] or not q[0]:
        return _UNKNOWN
    if p == q:
        return weights[0], 1.0, ""
    if len(p) == 1 and len(q) == 1:
        similarity = JaroWinkler.normalized_similarity(p[0], q[0])
    else:
        similarity = max(JaroWinkler.normalized_similarity(a, b) for a in p for b in q)
    if similarity >= 1.0:
        return weights[0], 1.0, ""
    exact, different = weights
    share = min(1.0, max(0.0, (similarity - _TYPO_FLOOR) / (1.0 - _TYPO_FLOOR)))
    return different + (exact - different) * share, similarity, ""


def _transliteration(p_text: str, q_text: str) -> str:
    if p_text.casefold() == q_text.casefold() or (p_text.isascii() and q_text.isascii()):
        return ""
    return f"transliteration: {_word(p_text)} = {_word(q_text)}"


def _word(text: str) -> str:
    words = text.split()
    return words[0] if words else text
