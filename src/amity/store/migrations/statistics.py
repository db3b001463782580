"""A step migrations share: SQLite's statistics gathered again for a table whose indexes
changed."""

from __future__ import annotations

from alembic import op


def restudy(table: str) -> None:
    """A home whose statistics SQLite already gathered (`sqlite_stat1`) has none for a new
    index, and the planner may then read the table through the wrong one (`today` once took
    seconds on a large home). Gather them again for `table`, sampling, so a large home
    upgrades in about a second. PostgreSQL's autovacuum does this itself. `table` is a
    fixed name in a migration, never user text."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    studied = bind.exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).scalar()
    if studied:
        bind.exec_driver_sql("PRAGMA analysis_limit = 1000")
        bind.exec_driver_sql(f"ANALYZE {table}")
