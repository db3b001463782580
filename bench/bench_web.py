"""Web benchmark: server time of the main pages on a big home, and p95 under load.

    python bench/bench_web.py [--home PATH] [--requests 30] [--clients 20] [--seconds 30]
                              [--write]

1. In-process: the median and p95 of N requests per page through FastAPI's TestClient
   (the app, the templates and the store; no network).
2. Under load: `amity serve` in a subprocess on a free loopback port, 20 concurrent httpx
   clients for 30 s cycling through the same pages; p50/p95 per page and requests/s.

The home comes from bench/generate.py (`--home`, default: the cached 100,000-person home).
`--write` replaces the "Web" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
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

BUDGET_MEDIAN_MS = 150
BUDGET_P95_MS = 300


def pages(home: Path) -> dict[str, str]:
    import sqlite3

    with sqlite3.connect(home / "amity.db") as conn:
        busy = conn.execute(
            "SELECT id FROM person WHERE deleted_on IS NULL ORDER BY interaction_count DESC LIMIT 1"
        ).fetchone()[0]
        surname = conn.execute(
            "SELECT family_name FROM person WHERE family_name <> '' LIMIT 1 OFFSET 500"
        ).fetchone()[0]
    return {
        "Today": "/",
        "People, first page": "/people",
        f"People, search “{surname}”": f"/people?q={surname}",
        "Person (most interactions)": f"/people/{busy}",
    }


def in_process(home: Path, today: date, targets: dict[str, str], n: int) -> dict[str, list[float]]:
    from fastapi.testclient import TestClient

    from amity.service.settings.environment import Settings
    from amity.web import create_app

    settings = Settings(home, f"sqlite:///{home / 'amity.db'}", today)
    timings: dict[str, list[float]] = {}
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        for label, path in targets.items():
            client.get(path)  # warm: templates compiled, pages cached by SQLite
            samples = []
            for _ in range(n):
                start = time.perf_counter()
                response = client.get(path)
                samples.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{path} answered {response.status_code}")
            timings[label] = samples
    timings["Today, first view after a change (no cache)"] = _cold_today(settings, n)
    return timings


def _cold_today(settings: Any, n: int) -> list[float]:
    """The agenda computed from scratch, as after any write (the page's own cache missed)."""
    from amity.service.agenda import today_view
    from amity.service.home import open_for_reading

    store = open_for_reading(settings.database_url)
    try:
        today_view(store, settings.today, settings.home)
        samples = []
        for _ in range(n):
            start = time.perf_counter()
            today_view(store, settings.today, settings.home)
            samples.append((time.perf_counter() - start) * 1000)
        return samples
    finally:
        store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def under_load(
    home: Path,
    today: date,
    targets: dict[str, str],
    clients: int,
    seconds: float,
    workers: int = 1,
) -> tuple[dict[str, tuple[float, float, float]], int]:
    port = _free_port()
    env = {**os.environ, "AMITY_HOME": str(home), "AMITY_TODAY": today.isoformat()}
    env.pop("AMITY_DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "amity", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/help")
        if shutil.which("wrk"):
            return _wrk(base, targets, clients, seconds), 0
        timings, total = asyncio.run(_load(base, targets, clients, seconds))
        return {
            k: (statistics.median(v), p95(v), len(v) / seconds) for k, v in timings.items()
        }, total
    finally:
        server.terminate()
        server.wait(timeout=10)


_WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("AMITY %f %f %d\\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, summary.requests))
end
"""


def _wrk(
    base: str, targets: dict[str, str], clients: int, seconds: float
) -> dict[str, tuple[float, float, float]]:
    """Debian's wrk (C, so the load costs the server little CPU): one run per page, `clients`
    connections for `seconds`; p50, p95 (ms) and requests per second."""
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT)
    out: dict[str, tuple[float, float, float]] = {}
    try:
        for label, path in targets.items():
            done = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    f"-c{clients}",
                    f"-d{int(seconds)}s",
                    "-s",
                    script.name,
                    base + path,
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            line = next(x for x in done.stdout.splitlines() if x.startswith("AMITY "))
            p50, p95_ms, count = line.split()[1:]
            out[label] = (float(p50), float(p95_ms), int(count) / seconds)
    finally:
        Path(script.name).unlink()
    return out


def _wait(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("amity serve did not start")


async def _load(
    base: str, targets: dict[str, str], clients: int, seconds: float
) -> tuple[dict[str, list[float]], int]:
    import httpx

    timings: dict[str, list[float]] = {label: [] for label in targets}
    items = list(targets.items())
    stop = time.monotonic() + seconds

    async def worker(offset: int, client: httpx.AsyncClient) -> None:
        n = offset
        while time.monotonic() < stop:
            label, path = items[n % len(items)]
            start = time.perf_counter()
            response = await client.get(path)
            timings[label].append((time.perf_counter() - start) * 1000)
            response.raise_for_status()
            n += 1

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        await asyncio.gather(*(worker(i, client) for i in range(clients)))
    return timings, sum(len(v) for v in timings.values())


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def table(
    local: dict[str, list[float]],
    loaded: dict[str, tuple[float, float, float]] | None,
    clients: int,
) -> str:
    head = "| page | median (in-process) | p95 (in-process) |"
    rule = "| --- | ---: | ---: |"
    if loaded:
        head += f" p50 ({clients} clients) | p95 ({clients} clients) | requests/s |"
        rule += " ---: | ---: | ---: |"
    lines = [head, rule]
    for label, samples in local.items():
        row = f"| {label} | {statistics.median(samples):.1f} ms | {p95(samples):.1f} ms |"
        if loaded:
            if label in loaded:
                p50, high, rate = loaded[label]
                row += f" {p50:.0f} ms | {high:.0f} ms | {rate:.0f} |"
            else:
                row += " | | |"
        lines.append(row)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_home = HomeSpec(
        DEFAULT_PEOPLE, DEFAULT_INTERACTIONS, DEFAULT_SEED, DEFAULT_TODAY
    ).default_home()
    parser.add_argument("--home", type=Path, default=default_home)
    parser.add_argument("--today", default=DEFAULT_TODAY)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2, help="amity serve --workers")
    parser.add_argument("--no-load", action="store_true", help="only the in-process timings")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    args = parser.parse_args()
    if not (args.home / "amity.db").exists():
        raise SystemExit(f"no home at {args.home}; run bench/generate.py --home {args.home}")
    today = date.fromisoformat(args.today)
    targets = pages(args.home)
    local = in_process(args.home, today, targets, args.requests)
    loaded: dict[str, tuple[float, float, float]] | None = None

    if not args.no_load:
        loaded, _ = under_load(args.home, today, targets, args.clients, args.seconds, args.workers)
    text = table(local, loaded, args.clients)
    people = _count(args.home)
    summary = (
        f"Home: {people:,} people. In-process: {args.requests} requests per page through "
        f"TestClient. Budget: median ≤ {BUDGET_MEDIAN_MS} ms, p95 ≤ {BUDGET_P95_MS} ms."
    )
    if loaded:
        summary += (
            f" Under load: `amity serve --workers {args.workers}`, {args.clients} concurrent "
            f"clients for {args.seconds:.0f} s per page "
            f"({'wrk' if shutil.which('wrk') else 'httpx'}; a request starts when one ends)."
        )
    print(summary + "\n\n" + text)
    if args.write:
        write_sections(RESULTS, {"Web": summary + "\n\n" + text})


def _count(home: Path) -> int:
    import sqlite3

    with sqlite3.connect(home / "amity.db") as conn:
        return int(
            conn.execute("SELECT count(*) FROM person WHERE deleted_on IS NULL").fetchone()[0]
        )


if __name__ == "__main__":
    main()
