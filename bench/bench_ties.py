"""Inferred ties on the 100,000-person home: a full refresh, and the check after each write.

    .venv/bin/python bench/bench_ties.py [--home PATH] [--runs 7] [--no-write]

Uses the home `run.py` builds (bench/data/, generated on first use). The first refresh on
a fresh home writes every inferred tie (reported once); then, in this process, it times:

- `refresh_ties` with nothing to change: read the whole account's evidence and infer every
  tie (what any write that changed the evidence pays); "ties unchanged" when the inference
  gives what the last refresh wrote (its digest says so: nothing more is read), "compared in
  full" when it does not (the digest made to differ first): the stored ties are read and
  compared too;
- the check `keep_ties_fresh` runs after a write that touched no evidence: a revision bumped
  by a harmless settings write, told it touched what logging a meeting touches (the
  interactions since the last refresh and the people's part of the fingerprint), or a
  position (a job's title edited: that part too);
- the whole fingerprint, as `amity knows` reads it after another process wrote;
- the check when nothing was written since (the revision alone).

Each: one warm-up, then the median, min and max wall time and the median CPU time of
`--runs` runs. Target (the ties-freshness task): refresh ≤ 2 s, the check a few ms. Writes
the "Inferred ties" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from amity.service.home import open_for_reading
from amity.service.tie_freshness import FRESH_KEY, fresh_ties, keep_ties_fresh
from amity.service.tie_refresh import refresh_ties
from amity.store import Store
from amity.store import settings as settings_store
from amity.store.touched import take_touched
from common import (
    DEFAULT_INTERACTIONS,
    DEFAULT_PEOPLE,
    DEFAULT_SEED,
    DEFAULT_TODAY,
    RESULTS,
    HomeSpec,
    write_sections,
)
from run import bench_env, bring_to_head, code_version, ensure_home, wait_for_quiet

SECTION = "Inferred ties"
BARS_MS = {
    "refresh, ties unchanged": 2000.0,
    "refresh, compared in full": 2000.0,
    "check after logging a meeting": 10.0,
    "check after a title edited": 50.0,
    "whole fingerprint (amity knows)": 200.0,
    "check, nothing written": 10.0,
}
MEETING = frozenset(
    {"interaction", "interaction_participant", "person.last_contact_on", "person.strength",
     "person.next_due_on", "reminder", "search_doc"}
)  # fmt: skip
TITLE = frozenset({"position.title", "person.title", "search_doc"})


def timed(action: Callable[[], object], runs: int) -> tuple[list[float], list[float]]:
    action()  # warm-up
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def harmless_write(store: Store, n: list[int]) -> None:
    n[0] += 1
    with store.db.transaction():
        settings_store.put_setting(store, "bench_touch", str(n[0]))


def forget_digest(store: Store) -> None:
    """The marker as if the last refresh had inferred something else."""
    at, day, last, _, parts = str(settings_store.setting_value(store, FRESH_KEY)).split(" ", 4)
    with store.db.transaction():
        settings_store.put_setting(store, FRESH_KEY, f"{at} {day} {last} x {parts}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-write", action="store_true", help="Do not write RESULTS.md.")
    parser.add_argument("--max-load", type=float, default=2.5)
    parser.add_argument("--wait", type=float, default=120.0)
    args = parser.parse_args()
    spec = HomeSpec(DEFAULT_PEOPLE, DEFAULT_INTERACTIONS, DEFAULT_SEED, DEFAULT_TODAY)
    home = args.home or spec.default_home()
    if args.home is None:
        ensure_home(spec, home)
    bring_to_head(home, bench_env(home, spec.today))
    today = date.fromisoformat(spec.today)
    store = open_for_reading(f"sqlite:///{home / 'amity.db'}")
    wait_for_quiet(args.max_load, args.wait)
    start = time.perf_counter()
    first = refresh_ties(store, today)
    first_s = time.perf_counter() - start
    print(f"first refresh: {first_s:.1f} s, {first.as_dict()}", flush=True)
    touches = [0]

    def after_write(touched: frozenset[str] | None) -> Callable[[], None]:
        def check() -> None:
            harmless_write(store, touches)
            take_touched(store)
            fresh_ties(store, today, touched)  # as keep_ties_fresh, with what the write touched

        return check

    cases: list[tuple[str, Callable[[], object]]] = [
        ("refresh, ties unchanged", lambda: refresh_ties(store, today)),
        ("refresh, compared in full", lambda: (forget_digest(store), refresh_ties(store, today))),
        ("check after logging a meeting", after_write(MEETING)),
        ("check after a title edited", after_write(TITLE)),
        ("whole fingerprint (amity knows)", after_write(None)),
        ("check, nothing written", lambda: keep_ties_fresh(store, today)),
    ]
    rows = []
    for label, action in cases:
        wait_for_quiet(args.max_load, args.wait)
        load = os.getloadavg()[0]
        walls, cpus = timed(action, args.runs)
        median = statistics.median(walls) * 1000
        verdict = "PASS" if median <= BARS_MS[label] else "MISS"
        rows.append(
            f"| {label} | {median:.1f} | {min(walls) * 1000:.1f} | {max(walls) * 1000:.1f} "
            f"| {statistics.median(cpus) * 1000:.1f} | {load:.1f} | {BARS_MS[label]:.0f} "
            f"| {verdict} |"
        )
        print(rows[-1], flush=True)
    writes, _ = timed(lambda: harmless_write(store, touches), args.runs)
    write_ms = statistics.median(writes) * 1000
    store.close()
    text = "\n".join(
        [
            f"`bench/bench_ties.py` on {home.name} ({first.inferred:,} inferred ties), "
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {code_version()}, "
            f"{platform.python_version()}, {os.cpu_count()} CPUs. The first refresh of the "
            f"generated home wrote {first.added:,} ties in {first_s:.1f} s. "
            "A check after a write includes that write (a one-row settings write, "
            f"{write_ms:.1f} ms median here).",
            "",
            "| case | median ms | min ms | max ms | cpu ms | load | target ms | verdict |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
            *rows,
        ]
    )
    if not args.no_write:
        write_sections(RESULTS, {SECTION: text})
    print(text)


if __name__ == "__main__":
    main()
