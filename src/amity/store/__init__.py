"""Persistence: SQLite by default, PostgreSQL for server mode, one schema and one interface."""

from amity.store.database import Database, DatabaseUrl, Row, as_date
from amity.store.handle import Store, open_store

__all__ = ["Database", "DatabaseUrl", "Row", "Store", "as_date", "open_store"]
