"""Alembic migrations: the only way Amity's schema changes."""
