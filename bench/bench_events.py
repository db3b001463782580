"""`amity events --rank` on the 100,000-person home, whole process: the "Events" section.

    .venv/bin/python bench/bench_events.py [--runs 7] [--max-load 1.5] [--wait 60] [--no-write]

The same home, runner and table as bench/run.py (the home is generated and cached the same
way, so this needs no home of its own and changes nobody's cached home). What the ranking
reads there: the generator's 40 events (36 past, each with 10 to 80 people met, about 1,800
`met` attendance rows), the interactions of everyone met at them (about 36,000), and, for the
communities and sources, the first 90 days of interactions of everyone first in touch in the
six months that ended 90 days ago (about 6,800 people) with their import source and tags.
Target (issue 12): a median of at most 2 s.
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

TITLE = "Events"
TARGET_MS = 2000


def _ranking(doc: Any) -> str:
    events, sources = doc["events"], doc["sources"]
    best = events[0]["name"] if events else "none"
    return f"{len(events)} events (best: {best}), {len(sources)} communities or sources"


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
        Case("`amity events --rank`", [AMITY, "events", "--rank"], TARGET_MS, "engine"),
        Case(
            "`amity events --rank --json`",
            [AMITY, "events", "--rank", "--json"],
            TARGET_MS,
            "engine",
            _ranking,
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
