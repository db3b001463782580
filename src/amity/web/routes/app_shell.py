"""What makes Amity an installable app on a phone: the web app manifest, the service worker
(`static/sw.js`, served from the root so it may control every page) and the page it shows
for an address it has not kept when there is no connection."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from amity.web.pages import render

router = APIRouter()
STATIC = Path(__file__).resolve().parents[1] / "static"
THEME = "#1d5c63"  # --accent in amity.css
BACKGROUND = "#f6f5f1"  # --bg

MANIFEST = {
    "id": "/",
    "name": "Amity",
    "short_name": "Amity",
    "description": "Who to reach out to today, and a quick note of who you just met.",
    "start_url": "/",
    "scope": "/",
    "display": "standalone",
    "theme_color": THEME,
    "background_color": BACKGROUND,
    "icons": [
        {"src": "/static/icons/amity-192.png", "sizes": "192x192", "type": "image/png"},
        {"src": "/static/icons/amity-512.png", "sizes": "512x512", "type": "image/png"},
        {
            "src": "/static/icons/amity-maskable-512.png",
            "sizes": "512x512",
            "type": "image/png",
            "purpose": "maskable",
        },
    ],
    "shortcuts": [{"name": "I just met…", "short_name": "Capture", "url": "/capture"}],
}


@dataclass(slots=True)
class OfflinePage:
    pass


@router.get("/manifest.webmanifest")
def manifest() -> JSONResponse:
    return JSONResponse(
        MANIFEST, media_type="application/manifest+json", headers={"Cache-Control": "no-cache"}
    )


@router.get("/sw.js")
def service_worker() -> Response:
    """A classic script, revalidated on every check (`no-cache`), so a new version of the
    pages' files reaches the phone the next time it opens Amity with a connection."""
    return Response(
        _worker_script(),
        media_type="text/javascript",
        headers={"Cache-Control": "no-cache"},
    )


@router.get("/offline", response_class=HTMLResponse)
def offline(request: Request) -> HTMLResponse:
    """The shell the service worker keeps: shown for a page not opened on this phone
    before, when the laptop cannot be reached. It holds nobody's data."""
    return render(request, "offline.html", OfflinePage())


@cache
def _worker_script() -> str:
    """`sw.js` with its cache named after everything under static/: any change to a page's
    script, style or icon makes a new worker, which fetches them again."""
    digest = hashlib.sha256()
    for path in sorted(p for p in STATIC.rglob("*") if p.is_file()):
        digest.update(path.relative_to(STATIC).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    script = (STATIC / "sw.js").read_text(encoding="utf-8")
    return script.replace("__SHELL_VERSION__", digest.hexdigest()[:12])
