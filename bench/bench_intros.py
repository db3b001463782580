"""`amity intros` on the 100,000-person home, whole process: the "Introductions" section.

    .venv/bin/python bench/bench_intros.py [--runs 7] [--max-load 1.5] [--wait 60] [--no-write]

The same home, runner and table as bench/run.py (the home is generated and cached the same
way); a section of its own, so timing suggestions never rewrites the other engine rows. The
home's people carry varied needs and offers (3 % each, drawn from bench/vocabulary.py's
NEEDS and OFFERS) and interests (20 %); every person has a title and most an organisation.
Target (the network issue): a median of at most 5 s.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from common import (
    DEFAULT_INTERACTIONS,
    DEFAULT_PEOPLE,
    DEFAULT_SEED,
    DEFAULT_TODAY,
    RESULTS,
    HomeSpec,
    write_sections,
)
from run import (
    AMITY,
    Case,
    bench_env,
    bring_to_head,
    ensure_home,
    home_facts,
    home_lines,
    machine_facts,
    run_cases,
    section,
)

TITLE = "Introductions"
TARGET_MS = 5000


def _suggestions(doc: Any) -> str:
    found = doc["suggestions"]
    best = found[0]["score"] if found else 0
    return f"{len(found)} suggestions, the best {best}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--max-load", type=float, default=0.75 * (os.cpu_count() or 1))
    parser.add_argument("--wait", type=float, default=60)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    spec = HomeSpec(DEFAULT_PEOPLE, DEFAULT_INTERACTIONS, DEFAULT_SEED, DEFAULT_TODAY)
    home = spec.default_home().absolute()
    ensure_home(spec, home)
    env = bench_env(home, spec.today)
    bring_to_head(home, env)
    facts = home_facts(home)
    cases = [
        Case("`amity intros`", [AMITY, "intros"], TARGET_MS, "engine"),
        Case(
            "`amity intros --json`", [AMITY, "intros", "--json"], TARGET_MS, "engine", _suggestions
        ),
    ]
    outcomes = run_cases(cases, env, args)
    head = [*machine_facts(), *home_lines(facts, spec, args.runs, "engine")]
    body = section(head, outcomes, [])
    print(body)
    if not args.no_write:
        write_sections(RESULTS, {TITLE: body})
        print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
