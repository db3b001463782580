"""Amity in the browser: FastAPI, Jinja2 and htmx, built from settings by `create_app`.

Importing this package imports FastAPI; only `amity serve` does, so the rest of the CLI
stays fast.
"""

from amity.web.app import create_app

__all__ = ["create_app"]
