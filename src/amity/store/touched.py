"""What a writing statement touched: its table, and for an update the columns it sets.

A check that runs after a command (`amity.service.tie_freshness`) reads this to look only at
what the command could have changed. The statements are Amity's own (`INSERT INTO t`,
`UPDATE t SET a = ?, b = ?`, `DELETE FROM t`); one this does not understand is `*`, which
a reader takes as "anything". Parsed once per distinct statement.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amity.store.handle import Store

_WRITE = re.compile(
    r"^\s*(?:(INSERT)\s+(?:OR\s+\w+\s+)?INTO|(UPDATE)|(DELETE)\s+FROM)\s+(\w+)", re.IGNORECASE
)
_SET = re.compile(r"\bSET\b(.*?)(?:\bWHERE\b|\bFROM\b|\bRETURNING\b|$)", re.IGNORECASE | re.DOTALL)
_ASSIGNED = re.compile(r"(?:^|,)\s*(\w+)\s*=")
_NESTED = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=4096)
def touched_by(sql: str) -> frozenset[str]:
    """`table`, or `table.column` for each column an UPDATE sets; `*` when not understood."""
    found = _WRITE.match(sql)
    if found is None:
        return frozenset({"*"})
    table = found.group(4).lower()
    if found.group(2) is None:  # an insert (an upsert's update included) or a delete
        return frozenset({table})
    assignments = _SET.search(sql)
    if assignments is None:
        return frozenset({"*"})
    text = assignments.group(1)
    while _NESTED.search(text):  # a CASE or a function call: its commas are not ours
        text = _NESTED.sub("", text)
    columns = _ASSIGNED.findall(text)
    if not columns:
        return frozenset({"*"})
    return frozenset(f"{table}.{column.lower()}" for column in columns)


def take_touched(store: Store) -> frozenset[str]:
    """What this store's connection touched since the last call (`Database.take_touched`)."""
    return store.db.take_touched()
