"""What an import did: created, updated, unchanged, merged, skipped (with reasons)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from amity.model import SkippedRow


@dataclass(slots=True)
class ImportReport:
    source: str
    path: str
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    missing: int = 0
    new_jobs: int = 0
    interactions: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    merges: list[dict[str, Any]] = field(default_factory=list)  # who joined whom, and why
    photos: int = 0  # photos kept (new or replaced)
    photo_notes: list[SkippedRow] = field(default_factory=list)  # people imported without one

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "path": self.path,
            "dry_run": self.dry_run,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "merged": self.merged,
            "missing": self.missing,
            "new_jobs": self.new_jobs,
            "interactions": self.interactions,
            "skipped": [{"file": s.file, "line": s.line, "reason": s.reason} for s in self.skipped],
            "merges": self.merges,
            "photos": {
                "kept": self.photos,
                "not_kept": [
                    {"file": s.file, "line": s.line, "reason": s.reason} for s in self.photo_notes
                ],
            },
        }

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.merged
