"""Time the agenda's goal item (`amity.service.agenda_goals.goal_items`) on a copy of the
cached 100,000-person home: a goal aimed at Plaid and Stripe, on the days it is a goal's
turn (the costly ones) and on the others.

    .venv/bin/python bench/bench_goals.py --db /tmp/copy-of-amity.db [--runs 50]

It writes a goal into the database it is given: pass a copy, never the cached home.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date, timedelta

from amity.model.enums import TargetKind
from amity.model.events import Goal, Target
from amity.service.agenda_goals import goal_items
from amity.store import goals as goal_store
from amity.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--today", default="2026-11-22")
    args = parser.parse_args()
    store = open_store(f"sqlite:///{args.db}", account_id=1)
    today = date.fromisoformat(args.today)
    if not any(goal.targets for goal in goal_store.goals(store)):
        targets = (Target(TargetKind.COMPANY, "Plaid"), Target(TargetKind.COMPANY, "Stripe"))
        with store.db.transaction():
            goal_store.insert_goal(
                store, Goal("Backend role at a fintech", created_on=today, targets=targets)
            )
    store.db.end_read()
    turn = today + timedelta(days=(-today.toordinal()) % 3)
    for label, day in (("a goal's turn", turn), ("another day", turn + timedelta(days=1))):
        goal_items(store, day)  # warm
        times, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            found = goal_items(store, day)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            store.db.end_read()
        print(
            f"{label} ({day}): median {statistics.median(times):.2f} ms, "
            f"min {min(times):.2f} ms, max {max(times):.2f} ms, median CPU "
            f"{statistics.median(cpu):.2f} ms; item: "
            f"{found[0].reason if found else None}"
        )


if __name__ == "__main__":
    main()
