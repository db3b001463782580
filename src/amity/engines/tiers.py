"""Where a relationship's tier begins: the score and the recency each tier needs.

`amity.engines.strength` decides tiers with these; the store's list filter says the same
rule in SQL (`amity.store.people_query`), and reads them from here without loading the
strength engine.
"""

from __future__ import annotations

NEW_DAYS = 30  # known less than this: new, whatever the score
CORE_MIN_SCORE = 70
ACTIVE_MIN_SCORE = 45
COOLING_MIN_SCORE = 15
# However high the score was when last refreshed, a tier needs contact within this long.
CORE_MAX_DAYS = 180
ACTIVE_MAX_DAYS = 365
COOLING_MAX_DAYS = 730
