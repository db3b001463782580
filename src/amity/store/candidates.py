"""People as the duplicate matcher sees them, loaded in a few set-wise queries."""

from __future__ import annotations

from collections import defaultdict

from amity.engines.contact_points import is_linkedin_profile
from amity.engines.dedupe import Candidate
from amity.store.handle import Store


def load_candidates(store: Store, person_ids: list[int] | None = None) -> list[Candidate]:
    """Every person not in the trash (or only `person_ids`) with their contact points. Rows
    come as tuples (`Database.rows`): at 100,000 people a dict per row is most of the load."""
    points: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for person_id, kind, normalized in store.db.rows(
        "SELECT c.person_id, c.kind, c.normalized FROM contact_point c "
        "WHERE c.owner_id = ? AND c.kind IN ('email', 'phone', 'url', 'social', 'address') "
        "ORDER BY c.id",
        (store.owner_id,),
    ):
        points[int(person_id)][kind].append(normalized)
    wanted = set(person_ids) if person_ids is not None else None
    out = []
    for pid, name, given, family, organization, location, month, day, year in store.db.rows(
        "SELECT p.id, p.name, p.given_name, p.family_name, p.organization, p.location, "
        "p.birthday_month, p.birthday_day, p.birthday_year FROM person p "
        "WHERE p.owner_id = ? AND p.deleted_on IS NULL",
        (store.owner_id,),
    ):
        if wanted is not None and pid not in wanted:
            continue
        mine = points.get(pid, {})
        urls = [u for u in mine.get("url", []) + mine.get("social", []) if is_linkedin_profile(u)]
        addresses = mine.get("address", [])
        out.append(
            Candidate(
                id=int(pid),
                name=name,
                given_name=given,
                family_name=family,
                emails=tuple(mine.get("email", [])),
                phones=tuple(mine.get("phone", [])),
                linkedin=urls[0] if urls else "",
                organization=organization,
                birthday=_birthday(month, day, year),
                # a street address says more than a town; a vCard keeps it as an ADR
                location=addresses[0] if addresses else location,
            )
        )
    return out


def _birthday(month: int | None, day: int | None, year: int | None) -> str:
    if not month or not day:
        return ""
    if year:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"--{month:02d}-{day:02d}"
