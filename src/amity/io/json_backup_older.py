"""What a backup written by an older Amity lacks or names differently, and how each is read
now: columns added since (with the value such a row means), values renamed, and a goal's
one target organisation (before migration 0009), which becomes its first company target."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Row = dict[str, Any]

# Sections a backup written by an older Amity lacks: read as empty.
OPTIONAL_SECTIONS = frozenset(
    {"dismissed_pairs", "referrals", "goal_targets", "event_targets", "event_goals", "photos"}
)
# Columns a backup written by an older Amity lacks, and what such a row means: its ties
# were written by a person (or the demo), as migration 0007 reads them: confirmed; its
# introductions have no dated steps and its opportunities are jobs for others (0008).
_NO_STEPS = dict.fromkeys(
    ("asked_a_on", "a_agreed_on", "asked_b_on", "b_agreed_on", "introduced_on", "done_on"),
)
LATER_COLUMNS: dict[str, dict[str, Any]] = {
    "tie": {"state": "confirmed", "why": ""},
    "introduction": {**_NO_STEPS, "declined_on": None, "declined_by": "", "outcome": ""},
    "opportunity": {"kind": "job", "for_me": False, "outcome": ""},
    # 0009: events and goals without a plan's extra facts, interactions typed on no phone.
    "event": dict.fromkeys(("starts_at", "source", "source_key"), "")
    | {"created_on": None, "debriefed_on": None},
    "goal": {"created_on": None, "closed_on": None},
    "interaction": {"client_id": None},
}
# Values an older Amity wrote that have another name now: (table, column) -> old -> new.
RENAMED_VALUES: dict[tuple[str, str], dict[str, str]] = {
    ("introduction", "state"): {"accepted": "b_agreed"},  # both agreed (migration 0008)
}


def goal_targets_from_organizations(tables: Mapping[str, list[Row]]) -> None:
    """A goal of an older backup names one target organisation: it becomes the goal's first
    company target, as migration 0009 makes it in a database."""
    targets = tables["goal_target"]
    next_id = max((row["id"] for row in targets), default=0) + 1
    for goal in tables["goal"]:
        if goal["target_organization"]:
            targets.append(
                {
                    "id": next_id,
                    "goal_id": goal["id"],
                    "kind": "company",
                    "value": goal["target_organization"],
                    "person_id": None,
                }
            )
            next_id += 1
            goal["target_organization"] = ""
