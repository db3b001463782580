"""Time Amity's commands as whole processes on a large home and write bench/RESULTS.md.

    python bench/run.py [--home PATH] [--people N --interactions M] [--runs 7] [--only cli|engine]

Without --home, the home is generated once (bench/generate.py) and cached under bench/data/.
Each command runs as `.venv/bin/amity ...` with AMITY_HOME and AMITY_TODAY set; one warm-up
run, then the median, min and max of --runs runs. Misses and failures are profiled
(`-X importtime` and cProfile) and the profile goes into RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from common import (
    BENCH,
    DEFAULT_INTERACTIONS,
    DEFAULT_PEOPLE,
    DEFAULT_SEED,
    DEFAULT_TODAY,
    FREQUENT_WORD,
    MEDIUM_WORD,
    RARE_WORD,
    REPO,
    RESULTS,
    VENV_BIN,
    HomeSpec,
    write_sections,
)

PYTHON = str(VENV_BIN / "python")
AMITY = str(VENV_BIN / "amity")
HEAVY = ("sqlalchemy", "alembic", "fastapi", "jinja2", "uvicorn", "pydantic", "rich",
         "phonenumbers", "rapidfuzz", "vobject", "icalendar")  # fmt: skip
GENERATE_LOG = "generate.log"
BASELINE_LABEL = "`python -c pass` (baseline)"
BASELINE = [PYTHON, "-c", "pass"]


@dataclass(frozen=True, slots=True)
class Case:
    label: str
    argv: list[str]
    target_ms: float | None
    section: str  # "cli" or "engine"
    summarize: Callable[[Any], str] | None = None  # a one-line summary of the --json output
    before: Callable[[Path], None] | None = None  # run on the home before every run


@dataclass(slots=True)
class Outcome:
    case: Case
    times: list[float] = field(default_factory=list)  # wall seconds
    baseline: list[float] = field(default_factory=list)  # `python -c pass`, between the runs
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the process
    load: float = 0.0  # 1-minute load average when the case started
    error: str = ""
    summary: str = ""
    heavy: list[str] = field(default_factory=list)
    profile: str = ""

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000 if self.times else float("nan")

    @property
    def baseline_ms(self) -> float:
        return statistics.median(self.baseline) * 1000 if self.baseline else float("nan")

    @property
    def ratio(self) -> float:
        """The median over the baseline's median measured between this case's runs."""
        return self.median_ms / self.baseline_ms if self.baseline else float("nan")

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000 if self.cpu else float("nan")

    @property
    def verdict(self) -> str:
        if self.error:
            return "FAIL"
        if self.case.target_ms is None:
            return "-"
        return "PASS" if self.median_ms <= self.case.target_ms else "MISS"


# -- the home ----------------------------------------------------------------------------


def ensure_home(spec: HomeSpec, home: Path) -> None:
    if (home / "amity.db").exists():
        return
    print(f"generating {home} ...", flush=True)
    command = [PYTHON, str(BENCH / "generate.py"), "--home", str(home)]
    command += ["--people", str(spec.people), "--interactions", str(spec.interactions)]
    command += ["--seed", str(spec.seed), "--today", spec.today]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    print(done.stdout, end="")
    if done.returncode:
        sys.exit(f"generate.py failed:\n{done.stderr}")
    (home / GENERATE_LOG).write_text(done.stdout, encoding="utf-8")


def bring_to_head(home: Path, env: dict[str, str]) -> None:
    """A cached home made before a new migration is migrated (`amity init`) and re-analysed
    once here, so no timed run pays for it."""
    from amity.store.migrate import HEAD

    conn = sqlite3.connect(home / "amity.db")
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        if version == HEAD:
            return
        print(f"migrating the home from {version} to {HEAD} ...", flush=True)
        subprocess.run([AMITY, "init"], env=env, capture_output=True, check=True)
        conn.execute("ANALYZE")
        conn.execute("PRAGMA optimize")
    finally:
        conn.close()


@dataclass(frozen=True, slots=True)
class HomeFacts:
    people: int
    interactions: int
    size_mb: float
    person_id: int
    person_interactions: int
    frequent_docs: int
    medium_docs: int
    rare_docs: int
    build: str  # the generator's total line, if it was built by this script


def home_facts(home: Path) -> HomeFacts:
    db = home / "amity.db"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        talks = conn.execute("SELECT count(*) FROM interaction").fetchone()[0]
        pid, count = conn.execute(
            "SELECT id, interaction_count FROM person WHERE deleted_on IS NULL "
            "ORDER BY interaction_count DESC, id LIMIT 1"
        ).fetchone()
        words = (FREQUENT_WORD, MEDIUM_WORD, RARE_WORD)
        frequent, medium, rare = (_doc_count(conn, w) for w in words)
    finally:
        conn.close()
    size = sum(f.stat().st_size for f in home.glob("amity.db*")) / 1e6
    log = home / GENERATE_LOG
    build = ""
    if log.exists():
        build = next((ln for ln in log.read_text().splitlines() if ln.startswith("total")), "")
    build = " ".join(build.split())
    return HomeFacts(people, talks, size, pid, count, frequent, medium, rare, build)


def _doc_count(conn: sqlite3.Connection, word: str) -> int:
    row = conn.execute("SELECT doc FROM search_vocab WHERE term = ?", (word,)).fetchone()
    return int(row[0]) if row else 0


# -- the cases ---------------------------------------------------------------------------


def _results(doc: Any) -> str:
    return f"{len(doc['results'])} shown of {doc['total']}"


def _show(doc: Any) -> str:
    return f"{len(doc['interactions'])} interactions shown"


def _today(doc: Any) -> str:
    return f"{len(doc['items'])} items, {doc['later']} later"


def _report(doc: Any) -> str:
    return f"{doc['total']} people, tiers {doc['tiers']}"


def _coach(doc: Any) -> str:
    return f"{len(doc['findings'])} findings"


def _paths(doc: Any) -> str:
    best = doc["paths"][0]["strength"] if doc["paths"] else 0
    return f"{len(doc['paths'])} paths to {doc['target']}, the best {best:.2f}"


PATH_COMPANY = "Plaid"  # one of the big organisations, the goal's target in the home


READ_TARGET_MS = 100  # issue 10: human-facing reads at 100,000 people, whole process
# Today planned and drafted (the first look of a day, or after a write), and the view kept
# ready by that look (`amity.service.agenda_ready`), shown again until the data changes.
COMPUTED = "(planned: first look of the day, or after a write)"
READY = "(kept ready: a second look, nothing written since)"


def _not_ready(home: Path) -> None:
    """Remove the view the last look kept, so this run plans and drafts the agenda."""
    (home / "cache" / "today.json").unlink(missing_ok=True)


def cases(facts: HomeFacts) -> list[Case]:
    pid = str(facts.person_id)
    read = READ_TARGET_MS
    frequent = f"`amity search {FREQUENT_WORD}"
    return [
        Case(BASELINE_LABEL, [PYTHON, "-c", "pass"], None, "cli"),
        Case("`amity --help`", [AMITY, "--help"], 200, "cli"),
        Case(f"`amity show {pid}`", [AMITY, "show", pid], read, "cli"),
        Case(f"`amity show {pid} --json`", [AMITY, "show", pid, "--json"], read, "cli", _show),
        Case(f"{frequent}` (frequent word, top 20)", [AMITY, "search", FREQUENT_WORD], read, "cli"),
        Case(
            f"{frequent} --json` (frequent word, top 20)",
            [AMITY, "search", FREQUENT_WORD, "--json"],
            read,
            "cli",
            _results,
        ),
        Case(
            f"`amity search {MEDIUM_WORD} --json` (medium word)",
            [AMITY, "search", MEDIUM_WORD, "--json"],
            read,
            "cli",
            _results,
        ),
        Case(
            f"`amity search {RARE_WORD} --json` (rare word)",
            [AMITY, "search", RARE_WORD, "--json"],
            read,
            "cli",
            _results,
        ),
        Case(
            "`amity list --sort last --limit 50`",
            [AMITY, "list", "--sort", "last", "--limit", "50"],
            read,
            "cli",
        ),
        Case(
            "`amity list --sort last --limit 50 --json`",
            [AMITY, "list", "--sort", "last", "--limit", "50", "--json"],
            read,
            "cli",
            _results,
        ),
        Case(f"`amity today` {COMPUTED}", [AMITY, "today"], read, "cli", before=_not_ready),
        Case(
            f"`amity today --json` {COMPUTED}",
            [AMITY, "today", "--json"],
            read,
            "cli",
            _today,
            before=_not_ready,
        ),
        Case(f"`amity today` {READY}", [AMITY, "today"], read, "cli"),
        Case(f"`amity today --json` {READY}", [AMITY, "today", "--json"], read, "cli", _today),
        Case("`amity report --json`", [AMITY, "report", "--json"], 3000, "engine", _report),
        Case("`amity coach --json`", [AMITY, "coach", "--json"], 3000, "engine", _coach),
        Case(
            f"`amity path --to-company {PATH_COMPANY} --json` (warm paths, issue 11)",
            [AMITY, "path", "--to-company", PATH_COMPANY, "--json"],
            1000,
            "engine",
            _paths,
        ),
    ]


# -- running -----------------------------------------------------------------------------


def bench_env(home: Path, today: str, **extra: str) -> dict[str, str]:
    # Without PYTHONDONTWRITEBYTECODE the warm-up run leaves the bytecode an installed Amity
    # has, so no timed run compiles a module that changed since the last one.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("AMITY_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(AMITY_HOME=str(home), AMITY_TODAY=today, **extra)
    return env


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    done: subprocess.CompletedProcess[str]


def run_once(argv: list[str], env: dict[str, str]) -> Run:
    """Wall time, and the child's CPU time (so a busy machine shows up as wall >> cpu)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return Run(wall, cpu, done)


def measure(case: Case, env: dict[str, str], runs: int) -> Outcome:
    outcome = Outcome(case, load=os.getloadavg()[0])
    home = Path(env["AMITY_HOME"])
    if case.before:
        case.before(home)
    warm = run_once(case.argv, env).done
    if warm.returncode:
        outcome.error = _first_error(warm)
        return outcome
    outcome.summary = _summary(case, warm.stdout)
    for _ in range(runs):
        if case.argv != BASELINE:  # interleaved: both see the same machine at the same time
            outcome.baseline.append(run_once(BASELINE, env).wall)
        if case.before:
            case.before(home)
        run = run_once(case.argv, env)
        if run.done.returncode:
            outcome.error = _first_error(run.done)
            return outcome
        outcome.times.append(run.wall)
        outcome.cpu.append(run.cpu)
    return outcome


def _first_error(done: subprocess.CompletedProcess[str]) -> str:
    lines = [ln for ln in done.stderr.strip().splitlines() if ln.strip()]
    return f"exit {done.returncode}: {lines[-1] if lines else '(no message)'}"


def _summary(case: Case, stdout: str) -> str:
    if case.summarize is None:
        return ""
    try:
        return case.summarize(json.loads(stdout))
    except (ValueError, KeyError, TypeError) as exc:
        return f"output is not the expected JSON ({type(exc).__name__})"


# -- imports and profiles ----------------------------------------------------------------


def import_times(argv: list[str], env: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Module -> (nesting depth, cumulative µs) from `-X importtime` (PYTHONPROFILEIMPORTTIME)."""
    done = subprocess.run(
        argv, env={**env, "PYTHONPROFILEIMPORTTIME": "1"}, capture_output=True, text=True,
        check=False,
    )  # fmt: skip
    found: dict[str, tuple[int, int]] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _own, cumulative, raw = line[12:].split("|", 2)
        depth = (len(raw) - len(raw.lstrip()) - 1) // 2
        found.setdefault(raw.strip(), (depth, int(cumulative)))
    return found


def heavy_modules(modules: dict[str, tuple[int, int]]) -> list[str]:
    return [m for m in HEAVY if m in modules]


def top_imports(modules: dict[str, tuple[int, int]], count: int = 12) -> list[str]:
    """The slowest imports that the program itself triggered (top level of importtime)."""
    ranked = sorted(
        ((cum, name) for name, (depth, cum) in modules.items() if depth == 0), reverse=True
    )
    return [f"{cum / 1000:8.1f} ms cumulative  {name}" for cum, name in ranked[:count]]


_NOISE = ("<frozen", "runpy", "click/", "<string>", "builtins.exec", "__main__.py", "importlib")


def cprofile(argv: list[str], env: dict[str, str], count: int = 20) -> list[str]:
    """One run under cProfile: the top entries by cumulative time (start-up plumbing left
    out), then the top by own time."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run.prof"
        command = [PYTHON, "-m", "cProfile", "-o", str(out), "-m", "amity", *argv[1:]]
        subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if not out.exists():
            return ["(cProfile wrote no profile)"]
        raw = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    rows = [(cum, own, calls, _where(func)) for func, (_, calls, own, cum, _) in raw.items()]
    by_cum = sorted((r for r in rows if not any(n in r[3] for n in _NOISE)), reverse=True)
    by_own = sorted(rows, key=lambda r: -r[1])
    lines = ["by cumulative time:", *(_profile_line(r) for r in by_cum[:count])]
    return [*lines, "", "by own time:", *(_profile_line(r) for r in by_own[: count // 2])]


def _profile_line(row: tuple[float, float, int, str]) -> str:
    cum, own, calls, where = row
    return f"{cum * 1000:7.0f} ms cum {own * 1000:6.0f} ms own {calls:>8} calls  {where}"


def _where(func: tuple[str, int, str]) -> str:
    path, line, name = func
    short = path.split("site-packages/")[-1].split("/src/")[-1]
    return f"{short}:{line}({name})" if line else name


def diagnose(outcome: Outcome, env: dict[str, str]) -> None:
    modules = import_times(outcome.case.argv, env)
    lines = ["imports (-X importtime, slowest cumulative):", *top_imports(modules)]
    lines += ["", "cProfile (one run; profiling adds overhead)", *cprofile(outcome.case.argv, env)]
    outcome.profile = "\n".join(lines)


# -- RESULTS.md --------------------------------------------------------------------------


def machine_facts() -> list[str]:
    return [
        f"- Machine: {os.cpu_count()} CPUs (nproc), {platform.platform()}, Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}",
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}; code: {code_version()}",
    ]


def code_version() -> str:
    """The commit measured, and whether src/ had uncommitted changes (read-only git)."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "src")
    return f"commit {commit}" + (" with uncommitted changes in src/" if dirty else "")


def home_lines(facts: HomeFacts, spec: HomeSpec, runs: int, area: str) -> list[str]:
    lines = [
        f"- Home: {facts.people:,} people, {facts.interactions:,} interactions, "
        f"{facts.size_mb:,.0f} MB SQLite (`python bench/generate.py --people {spec.people} "
        f"--interactions {spec.interactions} --seed {spec.seed} --today {spec.today}`)",
        f"- AMITY_TODAY={spec.today}; one warm-up run, then the median (min, max) of {runs} "
        "runs of the whole process (`.venv/bin/amity ...` as a subprocess).",
    ]
    if area == "cli":
        lines.append(
            f"- `show` uses person {facts.person_id}, the one with the most interactions "
            f"({facts.person_interactions:,}); search documents containing `{FREQUENT_WORD}`: "
            f"{facts.frequent_docs:,}, `{MEDIUM_WORD}`: {facts.medium_docs:,}, `{RARE_WORD}`: "
            f"{facts.rare_docs} (of {facts.people + facts.interactions:,})."
        )
    lines += [
        "- `cpu ms` is the median user + system time of the process; `load` the 1-minute load "
        "average when the case started (other work on the machine inflates wall time).",
        "- `python -c pass ms` is the median of a `python -c pass` run before each timed run of "
        "the case (interleaved, so both saw the same machine), and `ratio` the case's median "
        f"over it: on the machine the {READ_TARGET_MS} ms target was set on, `python -c pass` "
        f"took 13 ms, so {READ_TARGET_MS} ms is about {READ_TARGET_MS / 13:.1f}× it; a slower "
        "or busier machine shows in both columns.",
    ]
    if facts.build:
        lines.append(f"- Generation (bench/generate.py, whole home): {facts.build.split(' /')[0]}")
    return lines


def table(outcomes: list[Outcome]) -> list[str]:
    lines = [
        "| command | median ms | min ms | max ms | cpu ms | `python -c pass` ms | ratio "
        "| load | target ms | result | heavy imports | output |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for o in outcomes:
        target = f"≤ {o.case.target_ms:.0f}" if o.case.target_ms else ""
        load = f"{o.load:.1f}"
        if o.error:
            cells = ["", "", "", "", "", "", load, target, f"FAIL ({o.error})"]
        else:
            low, high = min(o.times) * 1000, max(o.times) * 1000
            cells = [f"{o.median_ms:.0f}", f"{low:.0f}", f"{high:.0f}", f"{o.cpu_ms:.0f}"]
            base, ratio = (
                ("", "") if not o.baseline else (f"{o.baseline_ms:.0f}", f"{o.ratio:.1f}×")
            )
            cells += [base, ratio, load, target, o.verdict]
        heavy = ", ".join(o.heavy) or "none"
        lines.append(f"| {o.case.label} | {' | '.join(cells)} | {heavy} | {o.summary} |")
    return lines


def profiles(outcomes: list[Outcome]) -> list[str]:
    lines: list[str] = []
    for o in outcomes:
        if o.profile:
            lines += [
                "",
                f"#### Profile: {o.case.label} ({o.verdict})",
                "",
                "```",
                o.profile,
                "```",
            ]
    return lines


def section(head: list[str], outcomes: list[Outcome], extra: list[str]) -> str:
    return "\n".join([*head, "", *table(outcomes), *extra, *profiles(outcomes)])


# -- main --------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="an existing home (default: cached build)")
    parser.add_argument("--people", type=int, default=DEFAULT_PEOPLE)
    parser.add_argument("--interactions", type=int, default=DEFAULT_INTERACTIONS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--today", default=DEFAULT_TODAY)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=["cli", "engine"])
    parser.add_argument("--no-write", action="store_true", help="print, do not touch RESULTS.md")
    parser.add_argument(
        "--max-load",
        type=float,
        default=0.75 * (os.cpu_count() or 1),
        help="before each command, wait for the 1-minute load average to drop below this",
    )
    parser.add_argument("--wait", type=float, default=60, help="longest wait for that, seconds")
    return parser.parse_args(argv)


@dataclass(frozen=True, slots=True)
class ImportRule:
    section: str
    argv: list[str]
    forbidden: tuple[str, ...]
    why: str


IMPORT_RULES = [
    ImportRule("cli", ["--help"], ("sqlalchemy", "fastapi", "jinja2"), "issue 2"),
    ImportRule("cli", ["list", "--limit", "1", "--json"], ("sqlalchemy",), "issue 2, read path"),
    ImportRule("cli", ["today", "--json"], ("fastapi", "uvicorn", "jinja2"), "STYLE.md 7"),
    ImportRule("cli", ["today"], ("rich", "fastapi", "jinja2"), "issue 10, rendered"),
    ImportRule("cli", ["show", "1"], ("rich", "sqlalchemy"), "issue 10, rendered"),
]


def import_check(rule: ImportRule, env: dict[str, str]) -> str:
    modules = import_times([AMITY, *rule.argv], env)
    loaded = [m for m in rule.forbidden if m in modules]
    verdict = "PASS" if not loaded else f"MISS (imports {', '.join(loaded)})"
    line = (
        f"- `amity {' '.join(rule.argv)}` imports none of {', '.join(rule.forbidden)} "
        f"({rule.why}): **{verdict}**; heavy modules it loads: "
        f"{', '.join(heavy_modules(modules)) or 'none'}."
    )
    for name in loaded:
        cost = modules[name][1] / 1000
        line += f"\n  - `{name}` ({cost:.0f} ms cumulative import) is imported from: "
        line += " ← ".join(f"`{frame}`" for frame in import_origin(rule.argv, name, env))
    return line


# Runs the CLI with an import hook that prints the Amity frames importing a given module.
_ORIGIN = """
import sys, traceback
target, argv = sys.argv[1], sys.argv[2:]
class Spy:
    def find_spec(self, name, path=None, target_=None):
        if name == target:
            frames = [f for f in traceback.extract_stack() if "/amity/" in f.filename]
            for f in reversed(frames):
                short = f.filename.split("/amity/", 1)[1]
                print(f"ORIGIN amity/{short}:{f.lineno} {f.name}", file=sys.stderr)
            sys.meta_path.remove(self)
        return None
sys.meta_path.insert(0, Spy())
sys.argv = ["amity", *argv]
from amity.cli import main
main()
"""


def import_origin(argv: list[str], module: str, env: dict[str, str]) -> list[str]:
    """Innermost first: the Amity functions on the stack when `module` is first imported."""
    command = [PYTHON, "-c", _ORIGIN, module, *argv]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    origin = [ln[7:] for ln in done.stderr.splitlines() if ln.startswith("ORIGIN ")]
    return origin[:6] or ["(not found)"]


def wait_for_quiet(max_load: float, wait: float) -> None:
    """Other work on a small machine inflates wall times: wait (a bounded time) for it."""
    deadline = time.monotonic() + wait
    if os.getloadavg()[0] > max_load:
        print(f"  waiting up to {wait:.0f} s for the load to drop below {max_load} ...", flush=True)
    while os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        time.sleep(5)


def run_cases(selected: list[Case], env: dict[str, str], args: argparse.Namespace) -> list[Outcome]:
    outcomes = []
    for case in selected:
        wait_for_quiet(args.max_load, args.wait)
        outcome = measure(case, env, args.runs)
        if case.before:
            case.before(Path(env["AMITY_HOME"]))
        outcome.heavy = heavy_modules(import_times(case.argv, env))
        if outcome.verdict in ("MISS", "FAIL"):
            if case.before:
                case.before(Path(env["AMITY_HOME"]))
            diagnose(outcome, env)
        ratio = f", {outcome.ratio:4.1f}× pass" if outcome.baseline else ""
        print(
            f"{outcome.verdict:5} {outcome.median_ms:6.0f} ms (cpu {outcome.cpu_ms:6.0f}{ratio}, "
            f"load {outcome.load:.1f})  {case.label}  {outcome.error}",
            flush=True,
        )
        outcomes.append(outcome)
    return outcomes


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    spec = HomeSpec(args.people, args.interactions, args.seed, args.today)
    home = (args.home or spec.default_home()).absolute()
    ensure_home(spec, home)
    env = bench_env(home, args.today)
    bring_to_head(home, env)
    facts = home_facts(home)
    areas = [a for a in ("cli", "engine") if args.only in (None, a)]
    outcomes = run_cases([c for c in cases(facts) if c.section in areas], env, args)
    updates = {}
    for area in areas:
        checks = []
        for rule in IMPORT_RULES:
            if rule.section == area:
                _not_ready(home)  # `today` plans: the path that imports the most
                checks.append(import_check(rule, env))
        print("\n".join(checks))
        mine = [o for o in outcomes if o.case.section == area]
        title = "Core CLI" if area == "cli" else "Engine"
        head = [*machine_facts(), *home_lines(facts, spec, args.runs, area)]
        updates[title] = section(head, mine, ["", "Start-up imports:", "", *checks])
    if not args.no_write:
        write_sections(RESULTS, updates)
        print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
