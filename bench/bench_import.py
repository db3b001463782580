"""Import and dedupe, measured as whole processes; writes "Import and dedupe" in RESULTS.md.

- `amity import linkedin` of a 30,000-row Connections.csv into an empty home (≤ 3 s), and
  the same file again (≤ 2 s); 10,000 vCards (≤ 5 s); each with its peak memory (< 500 MB).
- `amity dedupe --json` on the 100,000-person home from bench/generate.py (≤ 20 s).
- The matcher's pairwise F1 on FEBRL febrl3 / febrl4 (≥ 0.95), from bench/bench_dedupe.py.

    .venv/bin/python bench/bench_import.py [--runs 5] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from common import BENCH, DEFAULT_TODAY, RESULTS, VENV_BIN, HomeSpec, write_sections

AMITY = str(VENV_BIN / "amity")
PYTHON = str(VENV_BIN / "python")


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_mb: float
    ok: bool
    tail: str
    cpu_seconds: float = 0.0  # user + system time of the process


def run(argv: list[str], env: dict[str, str]) -> Run:
    """One whole process: wall time and its own peak resident memory (wait4's rusage)."""
    with tempfile.TemporaryFile() as out_file:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdout=out_file, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        out_file.seek(0)
        out = out_file.read()
    lines = out.decode(errors="replace").strip().splitlines()
    return Run(
        seconds,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status) == 0,
        lines[-1][:120] if lines else "",
        usage.ru_utime + usage.ru_stime,
    )


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AMITY_")}
    env.update(AMITY_HOME=str(home), AMITY_TODAY=DEFAULT_TODAY)
    return env


def fresh_home(root: Path) -> Path:
    home = Path(tempfile.mkdtemp(dir=root))
    subprocess.run([AMITY, "init"], env=env_for(home), check=True, capture_output=True)
    return home


def write_vcards(path: Path, count: int) -> None:
    sys.path.insert(0, str(BENCH))
    import bench_vcard

    path.write_bytes(bench_vcard.generate(count))


@dataclass(frozen=True, slots=True)
class Row:
    what: str
    runs: list[Run]
    target_s: float

    def line(self) -> str:
        times = sorted(r.seconds for r in self.runs)
        med = statistics.median(times)
        peak = max(r.peak_mb for r in self.runs)
        ok = all(r.ok for r in self.runs)
        verdict = "PASS" if ok and med <= self.target_s and peak < 500 else "MISS"
        return (
            f"| {self.what} | {med:.2f} | {times[0]:.2f} | {times[-1]:.2f} | "
            f"{peak:.0f} | ≤ {self.target_s:g} s, < 500 MB | {verdict} | "
            f"{self.runs[-1].tail} |"
        )


def import_rows(root: Path, runs: int) -> list[Row]:
    csv_file, cards = root / "Connections.csv", root / "cards.vcf"
    subprocess.run(
        [
            PYTHON,
            str(BENCH / "gen_linkedin.py"),
            "--rows",
            "30000",
            "-o",
            str(csv_file),
            "--seed",
            "1",
        ],
        check=True,
    )
    write_vcards(cards, 10_000)
    first, again, vcards = [], [], []
    for _ in range(runs):
        home = fresh_home(root)
        first.append(run([AMITY, "import", "linkedin", str(csv_file)], env_for(home)))
        again.append(run([AMITY, "import", "linkedin", str(csv_file)], env_for(home)))
        home = fresh_home(root)
        vcards.append(run([AMITY, "import", "vcard", str(cards)], env_for(home)))
    return [
        Row("`amity import linkedin` 30,000-row Connections.csv, empty home", first, 3),
        Row("the same file again (nothing changes)", again, 2),
        Row("`amity import vcard` 10,000 cards, empty home", vcards, 5),
    ]


def dedupe_row(runs: int) -> Row:
    spec = HomeSpec(100_000, 2_000_000, 1, DEFAULT_TODAY)
    home = spec.default_home()
    if not (home / "amity.db").exists():
        subprocess.run(
            [PYTHON, str(BENCH / "run.py"), "--no-write", "--only", "cli", "--runs", "1"],
            check=True,
        )
    done = [run([AMITY, "dedupe", "--json"], env_for(home)) for _ in range(runs)]
    return Row("`amity dedupe --json`, 100,000 people", done, 20)


def febrl_lines() -> list[str]:
    out = subprocess.run(
        [PYTHON, str(BENCH / "bench_dedupe.py"), "--size", "0"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if line.startswith("|")]


def section(rows: list[Row], febrl: list[str], runs: int) -> str:
    head = [
        f"- Machine: {os.cpu_count()} CPUs, {platform.platform()}, Python "
        f"{platform.python_version()}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Whole processes, median (min, max) of {runs} runs; peak memory is the largest "
        "resident set of one process (wait4). `python bench/bench_import.py`",
        "",
        "| what | median s | min s | max s | peak MB | target | result | last line |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- | --- |",
        *(r.line() for r in rows),
        "",
        "Matcher accuracy on FEBRL (pairwise, `python bench/bench_dedupe.py`; target F1 ≥ 0.95,",
        "`soc_sec_id` not used):",
        "",
        *febrl,
    ]
    return "\n".join(head)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="amity-bench-import-"))
    try:
        rows = [*import_rows(root, args.runs), dedupe_row(max(1, args.runs // 2))]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    text = section(rows, febrl_lines(), args.runs)
    print(text)
    if not args.no_write:
        write_sections(RESULTS, {"Import and dedupe": text})


if __name__ == "__main__":
    main()
