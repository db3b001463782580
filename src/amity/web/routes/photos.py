"""A person's photo, as their avatar: served from the home, never fetched from elsewhere.

The URL carries the photo's version (`?v=`, a prefix of its digest), so a page that names
the current version may be cached for a year; any other request revalidates by ETag."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from amity.service.photos import photo_for
from amity.web.deps import StoreDep

router = APIRouter()

_FOREVER = "private, max-age=31536000, immutable"
_REVALIDATE = "private, no-cache"


@router.get("/people/{person_id:int}/photo")
def person_photo(
    request: Request,
    person_id: int,
    store: StoreDep,
    v: Annotated[str, Query(max_length=64)] = "",
) -> Response:
    photo = photo_for(store, person_id)
    etag = f'"{photo.digest[:32]}"'
    cache = _FOREVER if v and photo.digest.startswith(v) else _REVALIDATE
    headers = {"ETag": etag, "Cache-Control": cache, "X-Content-Type-Options": "nosniff"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    return Response(photo.data, media_type=photo.media_type, headers=headers)
