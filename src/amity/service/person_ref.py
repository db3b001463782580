"""Someone named in a service result: their id and their name, as `{"id", "name"}` in JSON."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Someone in the network, by id and name."""

    id: int
    name: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}
