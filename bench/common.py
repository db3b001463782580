"""What the benchmark generator and runner share: paths, the searched words, RESULTS.md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
DATA = BENCH / "data"  # git-ignored cache of generated homes
VENV_BIN = REPO / ".venv" / "bin"
RESULTS = BENCH / "RESULTS.md"

DEFAULT_PEOPLE = 100_000
DEFAULT_INTERACTIONS = 2_000_000
DEFAULT_SEED = 1
DEFAULT_TODAY = "2026-11-22"

# The generator writes FREQUENT_WORD into a large share of interaction notes and RARE_WORD
# into about RARE_DOCS of them, so the runner can time a common, a medium and a rare query.
FREQUENT_WORD = "project"
MEDIUM_WORD = "sourdough"  # in the notes' long tail: about 2 % of documents
RARE_WORD = "zeppelin"
RARE_DOCS = 12

SECTIONS = ("Core CLI", "Import and dedupe", "Engine", "Web")
RESULTS_TITLE = "# Benchmark results"
RESULTS_INTRO = (
    "Median whole-process wall time unless a section says otherwise. One `## ` section per\n"
    "area; each is rewritten by the script that measures it (see bench/README.md)."
)
NOT_YET = "not yet measured"


@dataclass(frozen=True, slots=True)
class HomeSpec:
    people: int
    interactions: int
    seed: int
    today: str

    def default_home(self) -> Path:
        name = f"home-p{self.people}-i{self.interactions}-s{self.seed}-{self.today}"
        return DATA / name


def read_sections(path: Path) -> dict[str, str]:
    """The body of each `## ` section of a markdown file, keyed by its title."""
    if not path.exists():
        return {}
    sections: dict[str, str] = {}
    title: str | None = None
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^## (.+?)\s*$", line)
        if match:
            if title is not None:
                sections[title] = "\n".join(lines).strip("\n")
            title, lines = match.group(1), []
        elif title is not None:
            lines.append(line)
    if title is not None:
        sections[title] = "\n".join(lines).strip("\n")
    return sections


def write_sections(path: Path, updates: dict[str, str]) -> None:
    """Replace the given sections, keep every other one as it is, in the standard order."""
    sections = read_sections(path)
    sections.update(updates)
    order = [*SECTIONS, *(t for t in sections if t not in SECTIONS)]
    parts = [RESULTS_TITLE, "", RESULTS_INTRO, ""]
    for title in order:
        parts += [f"## {title}", "", sections.get(title) or NOT_YET, ""]
    path.write_text("\n".join(parts), encoding="utf-8")
