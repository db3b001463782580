"""Warm-intro paths on a synthetic graph of 1,000,000 people and 10,000,000 ties (issue 11).

    .venv/bin/python bench/bench_paths.py [--people N --ties M] [--seed 1] [--rounds 5] [--no-write]

The graph is generated once from the seed (bench/data/paths-*.npz, git-ignored): companies
whose sizes follow a heavy tail (a few of 20,000 people, most of a few dozen), 50 target
companies of exactly 200, ties mostly inside a company and a quarter of long links between
companies, both ends drawn by a heavy-tailed "sociability" so degrees are heavy-tailed too;
every tie is a distinct pair. Person ids are a shuffled sample of 1..1.25 N (gaps, as a
database leaves). You know 1,500 people: many at your own company and a former one, the
rest anywhere, most of them weakly. 1 % of people are archived (excluded) and 1,000 existing
ties are declined introductions.

A fresh process then loads the arrays and measures `build_graph` (wall and CPU time, the
process's peak resident memory, read before any query), and `best_paths`
(top 5, at most 3 hops) to each of the 50 companies: one warm-up round, then the median over
`--rounds` rounds of all 50. Every answer is checked against an unpruned join (every 3-hop
chain through every neighbour of every target's neighbours), so the pruning is shown exact at
full size too. Writes the "Warm paths" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from amity.engines.warm_graph import row_ranges
from amity.engines.warm_paths import WarmGraph, best_paths, build_graph
from common import DATA, RESULTS, write_sections
from run import code_version, wait_for_quiet

SECTION = "Warm paths"
YOU = 0  # not a person id: the generated ids start at 1
TARGET_COMPANIES = 50
TARGET_SIZE = 200
MY_CONTACTS = 1_500
LONG_SHARE = 0.25
ARCHIVED_SHARE = 0.01
DECLINED = 1_000
BARS = {"build_s": 10.0, "peak_mb": 1024.0, "query_ms": 10.0}


def generate(people: int, ties: int, seed: int, path: Path) -> None:
    """Write the graph's columns to `path` (an uncompressed .npz)."""
    rng = np.random.default_rng(seed)
    sizes = _company_sizes(rng, people)
    company = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    sociable = np.minimum(rng.pareto(1.6, people) + 1.0, 500.0)
    chance = sociable / sociable.sum()
    drawn = int(ties * 1.3)  # pairs drawn twice and self-ties are dropped below
    long_links = int(drawn * LONG_SHARE)
    u = rng.choice(people, size=drawn, p=chance).astype(np.int64)
    c = company[u]
    v = starts[c] + (rng.random(drawn) * sizes[c]).astype(np.int64)
    v[:long_links] = rng.choice(people, size=long_links, p=chance)
    strength = rng.beta(2.0, 3.0, drawn)
    strength[:long_links] = rng.beta(1.2, 5.0, long_links)
    _, first = np.unique(np.minimum(u, v) * people + np.maximum(u, v), return_index=True)
    first = first[u[first] != v[first]]
    if len(first) < ties:
        raise SystemExit(f"only {len(first):,} distinct ties drawn; ask for fewer")
    keep = rng.permutation(first)[:ties]  # distinct ties, long and short mixed
    u, v, strength = u[keep], v[keep], strength[keep]
    ids = (rng.permutation(people + people // 4)[:people] + 1).astype(np.int32)
    mine = _my_contacts(rng, company, sizes, starts, chance)
    my_strength = np.where(rng.random(len(mine)) < 0.08, rng.uniform(0.7, 1.0, len(mine)),
                           rng.beta(1.3, 4.0, len(mine)))  # fmt: skip
    declined = rng.choice(ties, size=min(DECLINED, ties), replace=False)
    np.savez(
        path,
        a=ids[u], b=ids[v], strength=np.clip(strength, 0.01, 1.0).astype(np.float32),
        mine=ids[mine], my_strength=np.clip(my_strength, 0.01, 1.0).astype(np.float32),
        archived=ids[rng.choice(people, size=int(people * ARCHIVED_SHARE), replace=False)],
        declined_a=ids[u[declined]], declined_b=ids[v[declined]],
        targets=_targets(ids, starts, sizes),
    )  # fmt: skip


def _company_sizes(rng: np.random.Generator, people: int) -> np.ndarray[Any, Any]:
    """Targets first (50 x 200), then heavy-tailed sizes from 2 to 20,000 filling the rest."""
    rest = people - TARGET_COMPANIES * TARGET_SIZE
    sizes = np.minimum((rng.pareto(1.1, rest // 10 + 10) + 1) * 8, 20_000).astype(np.int64)
    sizes = sizes[np.cumsum(sizes) < rest]
    sizes = np.append(sizes, rest - sizes.sum())
    return np.concatenate([np.full(TARGET_COMPANIES, TARGET_SIZE), sizes[sizes > 0]])


def _targets(ids: np.ndarray[Any, Any], starts: Any, sizes: Any) -> np.ndarray[Any, Any]:
    rows = [ids[starts[c] : starts[c] + sizes[c]] for c in range(TARGET_COMPANIES)]
    return np.stack(rows)


def _my_contacts(
    rng: np.random.Generator, company: Any, sizes: Any, starts: Any, chance: Any
) -> np.ndarray[Any, Any]:
    """300 colleagues at a large company, 200 at a former one, the rest anywhere."""
    big = np.flatnonzero(sizes >= 1_000)
    own, former = big[0], big[1]
    picks = [starts[own] + rng.choice(sizes[own], size=300, replace=False),
             starts[former] + rng.choice(sizes[former], size=200, replace=False),
             rng.choice(len(company), size=MY_CONTACTS - 500, p=chance)]  # fmt: skip
    return np.unique(np.concatenate(picks))


def reference_paths(graph: WarmGraph, goal_ids: Any, k: int = 5) -> list[tuple[Any, ...]]:
    """Every path of 1 to 3 hops by plain joins over the CSR, no bound: (people, strength)."""
    goal = np.unique(graph.nodes_of(goal_ids))
    goal = goal[goal != graph.you_node].astype(np.int64)
    rows: list[tuple[float, int, tuple[int, ...]]] = []
    rows += [(graph.mine[t], 1, (t,)) for t in goal[graph.mine[goal] > 0]]
    lengths = graph.indptr[goal + 1] - graph.indptr[goal]
    links = row_ranges(graph.indptr[goal], lengths)
    b, t = graph.indices[links].astype(np.int64), np.repeat(goal, lengths)
    wbt = graph.weights[links].astype(np.float64)
    ok = ~np.isin(b, goal) & (b != graph.you_node)
    b, t, wbt = b[ok], t[ok], wbt[ok]
    two = graph.mine[b] > 0
    strength2 = graph.mine[b[two]] * wbt[two]
    rows += [(s, 2, (x, y)) for s, x, y in zip(strength2, b[two], t[two], strict=True)]
    lengths = graph.indptr[b + 1] - graph.indptr[b]
    links = row_ranges(graph.indptr[b], lengths)
    a = graph.indices[links].astype(np.int64)
    b3, t3, w3 = np.repeat(b, lengths), np.repeat(t, lengths), np.repeat(wbt, lengths)
    ok = (graph.mine[a] > 0) & (a != t3) & ~np.isin(a, goal)
    a, b3, t3, w3, wab = a[ok], b3[ok], t3[ok], w3[ok], graph.weights[links[ok]]
    strength3 = graph.mine[a] * wab.astype(np.float64) * w3
    best = np.argsort(-strength3, kind="stable")[: 50 * k]  # enough to settle any ties
    rows += [(strength3[i], 3, (a[i], b3[i], t3[i])) for i in best]
    rows.sort(key=lambda r: (-r[0], r[1], r[2]))
    return [((graph.you, *(int(graph.ids[n]) for n in r[2])), float(r[0])) for r in rows[:k]]


def measure(path: Path, rounds: int) -> dict[str, Any]:
    """Run in a fresh process: load, build, query; the numbers as a dict."""
    data = dict(np.load(path))
    loaded_mb = _rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    graph = build_graph(
        YOU, (data["mine"], data["my_strength"]), (data["a"], data["b"], data["strength"]),
        excluded=data["archived"], blocked=(data["declined_a"], data["declined_b"]),
    )  # fmt: skip
    build_s, build_cpu_s = time.perf_counter() - wall, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    built_mb = _rss_mb()
    companies = list(data["targets"])
    answers = [best_paths(graph, c) for c in companies]  # warm-up
    walls, cpus = [], []
    for _ in range(rounds):
        for company in companies:
            wall, cpu = time.perf_counter(), time.thread_time()
            best_paths(graph, company)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.thread_time() - cpu)
    checked = [[(p.people, p.strength) for p in got] == reference_paths(graph, c)
               for got, c in zip(answers, companies, strict=True)]  # fmt: skip
    hops = [len(p.hops) for got in answers for p in got]
    return {
        "people": graph.people, "ties_given": len(data["a"]), "ties": graph.ties,
        "contacts": int(np.count_nonzero(graph.mine)),
        "second_circle": len(graph.circle_via), "graph_mb": _graph_mb(graph),
        "inputs_mb": sum(v.nbytes for v in data.values()) / 2**20, "loaded_mb": loaded_mb,
        "build_s": build_s, "build_cpu_s": build_cpu_s, "peak_mb": peak_mb,
        "built_mb": built_mb, "queries": len(walls),
        "query_ms": statistics.median(walls) * 1000, "query_cpu_ms": statistics.median(cpus) * 1000,
        "query_p90_ms": float(np.percentile(walls, 90)) * 1000, "query_max_ms": max(walls) * 1000,
        "exact": sum(checked), "companies": len(companies),
        "hop_mix": [hops.count(h) for h in (1, 2, 3)],
        "best": [round(got[0].strength, 4) if got else None for got in answers[:5]],
    }  # fmt: skip


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _graph_mb(graph: WarmGraph) -> float:
    arrays = [v for v in (getattr(graph, f) for f in graph.__slots__) if hasattr(v, "nbytes")]
    return sum(a.nbytes for a in arrays) / 2**20


def section(facts: dict[str, Any], args: argparse.Namespace, load: str, took: float) -> str:
    verdict = {key: "PASS" if facts[key] <= bar else "MISS" for key, bar in BARS.items()}
    mix = facts["hop_mix"]
    return "\n".join([
        f"- Machine: {os.cpu_count()} CPUs (nproc), {platform.platform()}, Python "
        f"{platform.python_version()}, numpy {np.__version__}",
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}; code: {code_version()}; "
        f"load average when measuring (1, 5, 15 min): {load} on 2 CPUs shared with other work, "
        "so CPU times are given beside wall times",
        f"- Graph (`python bench/bench_paths.py --people {args.people} --ties {args.ties} --seed "
        f"{args.seed}`, generated in {took:.1f} s): {facts['people']:,} nodes, "
        f"{facts['ties_given']:,} ties given, {facts['ties']:,} kept (duplicates merged, archived "
        f"people's and declined pairs' ties dropped); you know {facts['contacts']:,} people, your "
        f"second circle has {facts['second_circle']:,} chains; the graph's arrays take "
        f"{facts['graph_mb']:.0f} MB.",
        f"- Inputs: numpy columns, {facts['inputs_mb']:.0f} MB, loaded before the clock starts "
        f"(process resident {facts['loaded_mb']:.0f} MB after loading).",
        "",
        "| what | measured | target | result |",
        "| --- | ---: | --- | --- |",
        f"| `build_graph` wall (CPU), median of {args.builds} fresh processes (wall range "
        f"{facts['build_range'][0]:.2f}–{facts['build_range'][1]:.2f} s) | {facts['build_s']:.2f} "
        f"s ({facts['build_cpu_s']:.2f} s) | ≤ 10 s | {verdict['build_s']} |",
        f"| peak resident memory of the whole process (inputs included; the largest of the "
        f"{args.builds}) | {facts['peak_mb']:.0f} MB | ≤ 1 GB | {verdict['peak_mb']} |",
        f"| resident memory once built (inputs still loaded) | {facts['built_mb']:.0f} MB | | |",
        f"| `best_paths` top 5, ≤ 3 hops, median wall (CPU) of {facts['queries']} queries over "
        f"{facts['companies']} companies of 200 | {facts['query_ms']:.2f} ms "
        f"({facts['query_cpu_ms']:.2f} ms) | ≤ 10 ms | {verdict['query_ms']} |",
        f"| the same, 90th percentile / slowest | {facts['query_p90_ms']:.2f} / "
        f"{facts['query_max_ms']:.2f} ms | | |",
        f"| answers equal to the unpruned join | {facts['exact']} of {facts['companies']} "
        f"| all | {'PASS' if facts['exact'] == facts['companies'] else 'FAIL'} |",
        "",
        f"The {sum(mix)} paths found: {mix[0]} of 1 hop, {mix[1]} of 2, {mix[2]} of "
        f"3; the best to the first five companies: {facts['best']}.",
    ])


def _measure_in_fresh_process(path: Path, rounds: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(path), "--rounds", str(rounds)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--ties", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--builds", type=int, default=3, help="fresh processes; the median is kept")
    parser.add_argument("--max-load", type=float, default=3.0, help="wait for a quieter machine")
    parser.add_argument("--wait", type=float, default=600.0, help="seconds to wait at most")
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.rounds)))
        return
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"paths-p{args.people}-t{args.ties}-s{args.seed}.npz"
    timing = path.with_suffix(".json")
    if not path.exists():
        start = time.perf_counter()
        generate(args.people, args.ties, args.seed, path)
        timing.write_text(json.dumps({"generated_s": time.perf_counter() - start}))
    took = json.loads(timing.read_text())["generated_s"]
    wait_for_quiet(args.max_load, args.wait)
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    runs = sorted((_measure_in_fresh_process(path, args.rounds) for _ in range(args.builds)),
                  key=lambda run: run["build_s"])  # fmt: skip
    facts = runs[len(runs) // 2]
    facts["build_range"] = [runs[0]["build_s"], runs[-1]["build_s"]]
    facts["peak_mb"] = max(run["peak_mb"] for run in runs)
    text = section(facts, args, load, took)
    print(text)
    if not args.no_write:
        write_sections(RESULTS, {SECTION: text})


if __name__ == "__main__":
    main()
