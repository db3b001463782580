"""Render one page without a server: call the ASGI app in-process (`amity serve --get`)."""

from __future__ import annotations

import asyncio
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI


async def _fetch(app: FastAPI, target: str) -> tuple[int, str]:
    parts = urlsplit(target)
    path = parts.path or "/"
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": parts.query.encode(),
        "root_path": "",
        "headers": [(b"host", b"localhost")],
        "client": ("127.0.0.1", 0),
        "server": ("localhost", 80),
        "state": {},
    }
    status = 500
    body: list[bytes] = []

    async def receive() -> MutableMapping[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = int(message["status"])
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    async with app.router.lifespan_context(app):
        await app(scope, receive, send)
    return status, b"".join(body).decode("utf-8", "replace")


def fetch(app: FastAPI, target: str) -> tuple[int, str]:
    """The status and body of GET `target` (a path with an optional query string)."""
    if not target.startswith("/"):
        target = "/" + target
    return asyncio.run(_fetch(app, target))
