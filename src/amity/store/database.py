"""The connection to Amity's database, through the DB-API, with a small dialect seam.

SQLite (the default, one file in the user's home) and PostgreSQL (psycopg 3) speak the
same SQL here: queries are written once with `?` placeholders and `ON CONFLICT` upserts;
the seam converts placeholders for psycopg and papers over the two differences that matter
(how dates come back and how full-text search is spelled, see `amity.store.search`).
SQLAlchemy and Alembic are loaded only to migrate (`amity.store.migrate`), so a read
command never pays their import cost.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from amity.errors import AmityError, StoreError, UsageError
from amity.model.limits import MAX_INTEGER
from amity.store import sqlite_file
from amity.store.touched import touched_by

Row = dict[str, Any]
Params = Sequence[Any]
Dialect = Literal["sqlite", "postgresql"]

_PLACEHOLDER = re.compile(r"\?")
# A writer waits this long for another one (a long import) before it gives up: well above
# the longest write Amity makes, so a command or a web form waits instead of failing.
BUSY_TIMEOUT_MS = 300_000
# A URL's password (`scheme://user:SECRET@host`) and libpq's `password=SECRET` keyword.
# (to the last `@` of the URL: a password holding a raw `@` is hidden whole).
_URL_PASSWORD = re.compile(r"(\b[a-zA-Z][\w+.-]*://[^\s:/@]*):\S*@")
_KEYWORD_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def redact(text: str) -> str:
    """`text` with every database password replaced by `***`: the one function every
    message, log and error page passes a database URL or a driver's error through."""
    text = _URL_PASSWORD.sub(r"\1:***@", text)
    return _KEYWORD_PASSWORD.sub(r"\1***", text)


@dataclass(frozen=True, slots=True)
class DatabaseUrl:
    dialect: Dialect
    target: str  # a file path for SQLite, a libpq conninfo URL for PostgreSQL

    @classmethod
    def parse(cls, url: str) -> DatabaseUrl:
        """Accept `sqlite:///PATH` and `postgresql[+driver]://USER@HOST:PORT/DB`."""
        scheme, sep, rest = url.partition("://")
        if not sep:
            raise UsageError(
                f"database URL {url!r} is not a URL; expected sqlite:///PATH "
                "or postgresql://USER@HOST:PORT/DB"
            )
        base = scheme.split("+", 1)[0].lower()
        if base == "sqlite":
            path = rest[1:] if rest.startswith("/") else rest
            if not path or path == ":memory:":
                return cls("sqlite", ":memory:")
            return cls("sqlite", path)  # as SQLAlchemy: sqlite:///rel.db, sqlite:////abs.db
        if base in ("postgresql", "postgres"):
            return cls("postgresql", f"postgresql://{rest}")
        raise UsageError(
            f"unsupported database {scheme!r}; expected sqlite:///PATH "
            "or postgresql://USER@HOST:PORT/DB"
        )


def as_date(value: Any) -> date | None:
    """Dates come back as `date` from PostgreSQL and as ISO text from SQLite."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> Row:
    return {col[0]: row[i] for i, col in enumerate(cursor.description)}


class Database:
    """One open connection; every command is one transaction (`with db.transaction():`)."""

    def __init__(self, url: DatabaseUrl, connection: Any) -> None:
        self.url = url
        self.dialect: Dialect = url.dialect
        self._conn = connection
        self._depth = 0
        self._wrote = False  # the open transaction changed something: bump the revision
        self._has_revision = False  # the `setting` table exists (a blank database has none)
        self._cursors = 0
        self._touched: set[str] = set()  # see take_touched

    # -- opening -----------------------------------------------------------------
    @classmethod
    def open(cls, url: str | DatabaseUrl) -> Database:
        parsed = DatabaseUrl.parse(url) if isinstance(url, str) else url
        if parsed.dialect == "sqlite":
            return cls(parsed, _open_sqlite(parsed.target))
        return cls(parsed, _open_postgres(parsed.target))

    def close(self) -> None:
        self._conn.close()

    # -- SQL ---------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        if self.dialect == "sqlite":
            return sql
        return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run a statement; return the number of rows it changed."""
        try:
            cur = self._conn.execute(self._sql(sql), tuple(params))
        except Exception as exc:  # the driver's errors differ; map them to one type
            raise self._error(exc) from exc
        if cur.rowcount != 0:  # -1 (a statement that does not count rows) may have written
            self._note_write(sql)
        return int(cur.rowcount or 0)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        if not rows:
            return
        try:
            if self.dialect == "sqlite":
                self._conn.executemany(sql, rows)
            else:
                with self._conn.cursor() as cur:
                    cur.executemany(self._sql(sql), rows)
        except Exception as exc:
            raise self._error(exc) from exc
        self._note_write(sql)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        try:
            cur = self._conn.execute(self._sql(sql), tuple(params))
            return list(cur.fetchall())
        except Exception as exc:
            raise self._error(exc) from exc

    def rows(
        self, sql: str, params: Params = (), *, batch: int = 2000
    ) -> Iterator[tuple[Any, ...]]:
        """The result as plain tuples (columns in the SELECT's order), fetched `batch` rows
        at a time: for a loader of many rows that would only unpack a dict per row. The
        statement runs now (a bad one fails here); the rows come as the caller iterates.
        PostgreSQL streams through a server-side cursor, which lives as long as the read or
        transaction it runs in: iterate before the transaction ends."""
        try:
            if self.dialect == "sqlite":
                cur = self._conn.cursor()
                cur.row_factory = None
                cur.execute(sql, tuple(params))
            else:
                from psycopg.rows import tuple_row

                self._cursors += 1
                cur = self._conn.cursor(name=f"amity_rows_{self._cursors}", row_factory=tuple_row)
                cur.itersize = batch
                cur.execute(self._sql(sql), tuple(params))
        except Exception as exc:
            raise self._error(exc) from exc
        return self._fetch(cur, batch)

    def _fetch(self, cur: Any, batch: int) -> Iterator[tuple[Any, ...]]:
        try:
            while True:
                try:
                    chunk = cur.fetchmany(batch)
                except Exception as exc:
                    raise self._error(exc) from exc
                if not chunk:
                    return
                yield from chunk
        finally:
            cur.close()

    def one(self, sql: str, params: Params = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Params = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else next(iter(row.values()))

    def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT and return the new row's id."""
        if self.dialect == "sqlite":  # the hot path of imports: a plain tuple row
            try:
                cur = self._conn.cursor()
                cur.row_factory = None
                found = cur.execute(sql + " RETURNING id", tuple(params)).fetchone()
                cur.close()
            except sqlite3.Error as exc:
                raise self._error(exc) from exc
            self._note_write(sql)
            return int(found[0])
        row = self.one(sql + " RETURNING id", params)
        if row is None:  # pragma: no cover - RETURNING always yields a row on INSERT
            raise StoreError("the database did not return the new row's id")
        self._note_write(sql)
        return int(row["id"])

    def insert_new(self, sql: str, params: Params = ()) -> int | None:
        """Run an `INSERT ... ON CONFLICT DO NOTHING` and return the new row's id, or None
        when a row with the same unique key was there already (on PostgreSQL, one a
        concurrent transaction committed first: this waits for it, then does nothing)."""
        rows = self.query(sql + " RETURNING id", params)
        if not rows:
            return None
        self._note_write(sql)
        return int(rows[0]["id"])

    def month_day(self, column: str) -> str:
        """SQL for a date column's day of the year as `month_day_key` spells it (birthdays
        and anniversaries recur yearly). Migration 0003 indexes exactly this expression."""
        if self.dialect == "sqlite":
            return f"substr({column}, 6, 5)"
        return f"(EXTRACT(MONTH FROM {column}) * 100 + EXTRACT(DAY FROM {column}))"

    def month_day_key(self, month: int, day: int) -> str | int:
        if self.dialect == "sqlite":
            return f"{month:02d}-{day:02d}"
        return month * 100 + day

    def iso_date(self, column: str) -> str:
        """SQL for a date column as `YYYY-MM-DD` text (NULL stays NULL): what numpy reads
        into `datetime64[D]` at once, where psycopg would make a `date` per row. SQLite keeps
        dates as that text already (numpy, like `as_date`, ignores a time after the day)."""
        if self.dialect == "sqlite":
            return column
        return f"to_char({column}, 'YYYY-MM-DD')"

    def plus_days(self, column: str, days: int) -> str:
        """SQL for a date column moved by a whole number of days."""
        if self.dialect == "sqlite":
            return f"date({column}, '{int(days):+d} days')"
        return f"({column} + {int(days)})"

    def _error(self, exc: Exception) -> AmityError:
        folder = None if self.dialect != "sqlite" else Path(self.url.target).expanduser().parent
        return _store_error(exc, folder)

    # -- transactions ------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All-or-nothing; nested uses join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield self
            if self._wrote:  # in the same transaction: the rows and the revision go together
                self._bump_revision()
        except BaseException:
            self._depth = 0
            self._wrote = False
            self._conn.rollback()
            raise
        self._depth = 0
        self._wrote = False
        try:
            self._conn.commit()
        except Exception as exc:
            raise self._error(exc) from exc

    def take_touched(self) -> frozenset[str]:
        """What the statements that changed rows since the last call touched, and forget it:
        `table` for an insert or delete, `table.column` for each column an update sets, `*`
        for a statement not understood. For a check after a command (`amity.store.touched`)."""
        touched, self._touched = frozenset(self._touched), set()
        return touched

    def _note_write(self, sql: str = "") -> None:
        """A statement changed rows: bump the revision (`amity.store.revision`) once, when
        they are committed. SQLite commits a write outside a transaction at once (autocommit),
        so its bump follows it; psycopg holds one until the next commit, which bumps then."""
        self._touched.update(touched_by(sql))
        if self._depth or self.dialect == "postgresql":
            self._wrote = True
        else:
            self._bump_revision()

    def _bump_revision(self) -> None:
        from amity.store.revision import BUMP

        if not self._has_revision:
            self._has_revision = self._table_exists("setting")
            if not self._has_revision:  # a database Amity has not migrated: nothing to bump
                return
        try:
            self._conn.execute(BUMP)
        except Exception as exc:
            raise self._error(exc) from exc

    def _table_exists(self, name: str) -> bool:
        if self.dialect == "sqlite":
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        else:
            sql = "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = ?"
        return bool(self.query(sql, (name,)))

    def end_read(self) -> None:
        """End the snapshot a read opened (psycopg starts a transaction on the first SELECT),
        so an idle connection holds no lock. SQLite reads run in autocommit: nothing to do.
        (A write made outside `transaction()` on PostgreSQL is rolled back here with it.)"""
        if self.dialect == "postgresql" and not self._depth:
            self._conn.rollback()
            self._wrote = False

    def _begin(self) -> None:
        if self.dialect == "sqlite":
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from exc


def _open_sqlite(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        sqlite_file.prepare(Path(path).expanduser())
    try:
        conn = sqlite_file.connect(path)
        conn.row_factory = _dict_row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # Reads map the file instead of copying pages into each connection's cache: the web
        # app's pooled connections then share the operating system's cache.
        conn.execute("PRAGMA mmap_size = 268435456")
    except sqlite3.Error as exc:
        if path != ":memory:" and sqlite_file.no_space(Path(path).expanduser().parent):
            full = f"disk full: cannot open the database {path}; free some space and try again"
            raise StoreError(full) from exc
        raise StoreError(f"cannot open the database {path}: {exc}") from exc
    return conn


def _open_postgres(conninfo: str) -> Any:
    try:
        import psycopg
        from psycopg.rows import dict_row
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        raise StoreError("PostgreSQL support needs psycopg; pip install 'psycopg[binary]'") from exc
    try:
        return psycopg.connect(conninfo, row_factory=dict_row, connect_timeout=5)
    except psycopg.Error as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(
            redact(f"cannot connect to PostgreSQL at {conninfo}: {first_line}")
        ) from None


def _store_error(exc: Exception, folder: Path | None = None) -> AmityError:
    if isinstance(exc, OverflowError):  # sqlite3: "Python int too large to convert"
        return UsageError(f"a number is too large; the largest Amity accepts is {MAX_INTEGER}")
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = redact(text)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return StoreError("the Amity home is read-only; check its permissions or set AMITY_HOME")
    full = "disk is full" in lowered or "no space left" in lowered or "disk full" in lowered
    if full or (
        "disk i/o error" in lowered and folder is not None and sqlite_file.no_space(folder)
    ):
        return StoreError("disk full: nothing was written; free some space and try again")
    if "nul (0x00)" in lowered:  # PostgreSQL text; SQLite would keep it, silently
        return UsageError("text cannot contain NUL (0x00) characters; remove them")
    if "out of range" in lowered and "integer" in lowered:  # PostgreSQL's bigint overflow
        return UsageError(f"a number is too large; the largest Amity accepts is {MAX_INTEGER}")
    return StoreError(f"database error: {text}")
