"""Bring a database to the newest schema with Alembic (imported only here: it is slow)."""

from __future__ import annotations

from pathlib import Path

from amity.errors import StoreError
from amity.store.database import redact
from amity.store.handle import Store

# The newest migration; `schema_is_current` compares it with the database's version without
# importing Alembic, so a command migrates (and pays for Alembic) only when they differ.
HEAD = "0010"

_MIGRATIONS = Path(__file__).with_name("migrations")


def schema_is_current(store: Store) -> bool:
    """The database has the newest schema: nothing to migrate."""
    return current_version(store) == HEAD


def current_version(store: Store) -> str | None:
    """The database's migration (`0004`), or None for a database Amity has not created."""
    db = store.db
    try:
        if db.dialect == "sqlite":
            exists = db.scalar(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                ("alembic_version",),
            )
        else:
            exists = db.scalar(
                "SELECT count(*) FROM pg_tables WHERE tablename = ?", ("alembic_version",)
            )
        if not exists:
            return None
        return db.scalar("SELECT version_num FROM alembic_version")  # type: ignore[no-any-return]
    except StoreError:
        return None


def upgrade(url: str, to: str = "head") -> None:
    """Run every pending migration (up to `to`) on the database at `url`."""
    import sqlalchemy
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    engine = sqlalchemy.create_engine(sqlalchemy_url(url))
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "sqlite":
                # Each DDL statement commits on its own here: checkpoint often, so a new
                # home's write-ahead log stays small (a nearly full disk still gets one).
                connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 32")
            config.attributes["connection"] = connection
            command.upgrade(config, to)
    except sqlalchemy.exc.SQLAlchemyError as exc:
        first = str(exc).strip().splitlines()[0]
        raise StoreError(redact(f"cannot migrate the database: {first}")) from exc
    finally:
        engine.dispose()


def sqlalchemy_url(url: str) -> str:
    """Amity accepts `postgresql://`; SQLAlchemy needs the psycopg 3 driver named."""
    scheme, _, rest = url.partition("://")
    if scheme.split("+", 1)[0] in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url
