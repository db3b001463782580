"""The command line under hostile input: one clear line and the right exit, never a traceback,
nothing stored from a refused command, nothing secret printed, nothing obeyed from stored text."""

from __future__ import annotations

import errno
import json
import os
import pty
import select
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import POSTGRES_URL, TODAY, Amity, writable_store

ESCAPES = "\x1b]0;pwned\x07\x1b[5;41m\x1b[2J\x9b6n\x1bP+q\x1b\\\x07\x08\x7f"
HOSTILE_NAME = f"Eve{ESCAPES} Mallory [red]x[/red]"


def _no_traceback(result: object) -> None:
    err = getattr(result, "err", "")
    assert "Traceback" not in err, err
    said = [
        line
        for line in err.splitlines()
        if line.strip() and not line.startswith(("Usage:", "Try "))
    ]
    assert len(said) <= 2, err


def _amity_process(
    home: Path, *args: bytes | str, env: dict[str, str] | None = None, tty: bool = False
) -> tuple[int, bytes, bytes]:
    """The installed entry point in a real process (`python -m amity`), bytes argv allowed."""
    full_env = {**os.environ, "AMITY_HOME": str(home), "AMITY_TODAY": TODAY.isoformat()}
    full_env.pop("AMITY_DATABASE_URL", None)
    full_env.update(env or {})
    argv = [sys.executable.encode(), b"-m", b"amity"]
    argv += [a if isinstance(a, bytes) else a.encode() for a in args]
    if not tty:
        done = subprocess.run(argv, env=full_env, capture_output=True, timeout=60)
        return done.returncode, done.stdout, done.stderr
    full_env.update({"TERM": "xterm-256color", "COLUMNS": "120"})
    leader, follower = pty.openpty()
    proc = subprocess.Popen(argv, env=full_env, stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    out = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 30)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the process closed its end
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    return proc.wait(timeout=30), out, b""


# -- non-UTF-8 arguments ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("add", "Jos\udce9"),
        ("settings", "signature", "caf\udce9"),
        ("met", "Ada", "--note", "caf\udce9"),
        ("list", "--company", "\udcff"),
    ],
)
def test_non_utf8_arguments_are_refused_before_anything_is_stored(
    amity_sqlite: Amity, args: tuple[str, ...]
) -> None:
    before = amity_sqlite.ok("settings", "--json").json()
    result = amity_sqlite(*args)
    assert result.code == 2, result.err
    assert "not valid UTF-8" in result.err
    _no_traceback(result)
    assert amity_sqlite.ok("list", "--json").json()["total"] == 0
    assert amity_sqlite.ok("settings", "--json").json() == before
    assert amity_sqlite.ok("export", "json").out  # the home still exports cleanly


def test_non_utf8_bytes_in_a_real_process_are_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for args in ((b"add", b"Jos\xe9"), (b"settings", b"signature", b"caf\xe9")):
        code, out, err = _amity_process(home, *args)
        assert code == 2, err
        assert b"not valid UTF-8" in err
        assert args[-1].replace(b"\xe9", b"\\xe9") in err
        assert b"Traceback" not in err
    code, out, _ = _amity_process(home, "export", "json")
    assert code == 0
    backup = json.loads(out)
    assert backup["people"] == []
    assert "caf" not in json.dumps(backup.get("preferences", {}))


def test_non_utf8_environment_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "AMITY_TODAY": TODAY.isoformat()}
    env.pop("AMITY_DATABASE_URL", None)
    env_bytes = {k.encode(): v.encode() for k, v in env.items()}
    env_bytes[b"AMITY_HOME"] = os.fsencode(tmp_path) + b"/caf\xe9"
    done = subprocess.run(
        [sys.executable, "-m", "amity", "add", "Ada"], env=env_bytes, capture_output=True
    )
    assert done.returncode == 2, done.stderr
    assert b"AMITY_HOME is not valid UTF-8" in done.stderr
    assert not any(tmp_path.iterdir())


# -- days Amity cannot plan around ------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "9001-01-01"])
@pytest.mark.parametrize("command", [("today",), ("list",), ("add", "Ada"), ("report",)])
def test_today_out_of_range_is_a_usage_error(
    amity_sqlite: Amity, day: str, command: tuple[str, ...]
) -> None:
    result = amity_sqlite(*command, today=day)
    assert result.code == 2, result.err
    assert "out of range" in result.err
    _no_traceback(result)


def test_today_at_the_edges_of_the_range_works(amity_sqlite: Amity) -> None:
    for day in ("1900-01-01", "9000-12-31"):
        amity_sqlite.ok("add", f"Ada {day}", today=day)
        amity_sqlite.ok("met", f"Bob {day}", today=day)
        amity_sqlite.ok("today", today=day)
        amity_sqlite.ok("report", today=day)


# -- the last line of defence -------------------------------------------------------------------


def _break_list(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """Something no one foresaw, deep inside a command (the only way to reach the catch-all
    once every known crash is fixed)."""
    import amity.service.views

    def broken(*_: object, **__: object) -> None:
        raise error

    monkeypatch.setattr(amity.service.views, "list_people", broken)


def test_an_unexpected_error_is_one_line_and_a_private_crash_log(
    amity_sqlite: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    amity_sqlite.ok("init")
    _break_list(monkeypatch, RuntimeError("boom at postgresql://me:S3CRET@db.example/amity"))
    result = amity_sqlite("list")
    assert result.code == 1
    _no_traceback(result)
    assert "unexpected error (RuntimeError)" in result.err
    log = amity_sqlite.home / "crash.log"
    assert str(log) in result.err
    text = log.read_text()
    assert "Traceback" in text and "RuntimeError" in text and "list_people" in text
    assert "S3CRET" not in text and "me:***@db.example" in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_missing_dependency_says_to_reinstall(
    amity_sqlite: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout updated without reinstalling lacks a new dependency: say what to do."""
    amity_sqlite.ok("init")
    _break_list(monkeypatch, ModuleNotFoundError("No module named 'tomli_w'", name="tomli_w"))
    result = amity_sqlite("list")
    assert result.code == 1
    _no_traceback(result)
    assert "tomli_w" in result.err and "reinstall" in result.err
    assert (amity_sqlite.home / "crash.log").exists()


def test_the_crash_log_never_holds_a_password_from_the_arguments(
    amity_sqlite: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    amity_sqlite.ok("init")
    _break_list(monkeypatch, ValueError("password=hunter2 host=db"))
    result = amity_sqlite("--db", f"sqlite:///{amity_sqlite.home / 'amity.db'}", "list")
    assert result.code == 1
    text = (amity_sqlite.home / "crash.log").read_text()
    assert "hunter2" not in text and "password=***" in text


def test_out_of_memory_says_so(amity_sqlite: Amity, monkeypatch: pytest.MonkeyPatch) -> None:
    amity_sqlite.ok("init")
    _break_list(monkeypatch, MemoryError())
    result = amity_sqlite("list")
    assert result.code == 1
    assert "out of memory" in result.err
    _no_traceback(result)


def test_a_crash_in_an_unwritable_home_still_logs_somewhere_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    cli = Amity(blocker / "home", f"sqlite:///{tmp_path / 'amity.db'}", TODAY)
    _break_list(monkeypatch, RuntimeError("boom"))
    result = cli("list")
    assert result.code == 1
    _no_traceback(result)
    where = result.err.split("details are in ", 1)[1].split(";", 1)[0]
    assert stat.S_IMODE(Path(where).stat().st_mode) == 0o600
    assert "RuntimeError: boom" in Path(where).read_text()
    Path(where).unlink()


def test_importing_a_folder_is_not_a_traceback(amity_sqlite: Amity, tmp_path: Path) -> None:
    for source in ("csv", "vcard"):
        result = amity_sqlite("import", source, str(tmp_path))
        assert result.code != 0
        _no_traceback(result)


# -- numbers too large for the database -----------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("show", "99999999999999999999"),
        ("show", "#18446744073709551616"),
        ("edit", "99999999999999999999", "--circle", "inner"),
        ("forget", "99999999999999999999"),
        ("unforget", "99999999999999999999"),
        ("log", "99999999999999999999", "--kind", "call"),
        ("merge", "1", "99999999999999999999", "--yes"),
        ("list", "--limit", str(10**30)),
        ("list", "--limit", str(2**63)),
        ("show", "1", "--limit", str(10**30)),
        ("search", "ada", "--limit", str(10**30)),
        ("today", "--budget", str(10**30)),
        ("dedupe", "--limit", str(10**30)),
        ("calendar", "-o", "x.ics", "--days", str(10**30)),
        ("snooze", "1", str(10**30)),
        ("add", "Bob", "--every", str(10**30)),
    ],
)
def test_huge_numbers_are_usage_errors(amity: Amity, args: tuple[str, ...]) -> None:
    amity.ok("add", "Ada Lovelace")
    result = amity(*args)
    assert result.code == 2, result.err
    _no_traceback(result)
    assert amity.ok("list", "--json").json()["total"] == 1


def test_the_largest_numbers_still_work(amity: Amity) -> None:
    amity.ok("add", "Ada Lovelace")
    biggest = str(2**63 - 1)
    assert amity.ok("list", "--limit", biggest, "--json").json()["total"] == 1
    amity.ok("search", "ada", "--limit", biggest)
    amity.ok("show", "ada", "--limit", biggest)
    assert amity("show", biggest).code == 2  # no such person, said plainly


# -- filters match what was typed -----------------------------------------------------------------


def test_percent_and_underscore_in_filters_match_literally(amity: Amity) -> None:
    amity.ok("add", "Ada", "--company", "10% Ventures")
    amity.ok("add", "Bob", "--company", "100 Ventures")
    amity.ok("add", "Cy", "--company", "a_b labs")
    amity.ok("add", "Di", "--company", "axb labs")
    amity.ok("add", "Ed", "--company", "back\\slash")

    def names(*args: str) -> list[str]:
        return sorted(r["name"] for r in amity.ok(*args, "--json").json()["results"])

    assert names("list", "--company", "10%") == ["Ada"]
    assert names("list", "--company", "a_b") == ["Cy"]
    assert names("list", "--company", "%") == ["Ada"]
    assert names("list", "--company", "_") == ["Cy"]
    assert names("list", "--company", "k\\s") == ["Ed"]
    assert names("search", "company:a_b") == ["Cy"]
    assert names("search", "company:10%") == ["Ada"]


def test_a_name_with_wildcards_is_found_by_itself_only(amity: Amity) -> None:
    amity.ok("add", "Ann_Lee")
    amity.ok("add", "Annxlee Other")
    assert amity.ok("show", "Ann_", "--json").json()["name"] == "Ann_Lee"
    assert "Ann_Lee" in amity.ok("search", "name:n_l").out


# -- dates and flags for logging -----------------------------------------------------------------


@pytest.mark.parametrize(
    "when", ["", "   ", "tomorrow", "2026-11-23", "9999-12-31", "0001-01-01", "soon"]
)
def test_bad_or_future_days_are_refused(amity: Amity, when: str) -> None:
    amity.ok("add", "Ada Lovelace")
    for args in (("log", "ada", "--kind", "call", "--on", when), ("met", "Ada", "--on", when)):
        result = amity(*args)
        assert result.code == 2, (args, result.err)
        _no_traceback(result)
    assert amity.ok("show", "ada", "--json").json()["interaction_count"] == 0


def test_today_and_yesterday_are_still_fine(amity: Amity) -> None:
    amity.ok("add", "Ada Lovelace")
    amity.ok("log", "ada", "--kind", "call", "--on", "today")
    amity.ok("log", "ada", "--kind", "call", "--on", "yesterday")
    amity.ok("log", "ada", "--kind", "call", "--on", "1900-01-01")
    assert amity.ok("show", "ada", "--json").json()["interaction_count"] == 3


def test_inbound_and_outbound_together_are_refused(amity: Amity) -> None:
    amity.ok("add", "Ada Lovelace")
    result = amity("log", "ada", "--kind", "call", "--inbound", "--outbound")
    assert result.code == 2
    assert "--inbound" in result.err and "--outbound" in result.err
    assert amity.ok("show", "ada", "--json").json()["interaction_count"] == 0
    amity.ok("log", "ada", "--kind", "message", "--inbound")
    view = amity.ok("show", "ada", "--json").json()
    assert view["interactions"][0]["direction"] == "inbound"


def test_unforget_of_someone_not_in_the_trash_says_so(amity: Amity) -> None:
    amity.ok("add", "Ada Lovelace")
    for who in ("1", "ada", "Ada Lovelace"):
        result = amity("unforget", who)
        assert result.code == 2
        assert "Ada Lovelace (#1) is not in the trash" in result.err
    assert "no one called" in amity("unforget", "zed").err
    amity.ok("forget", "ada")
    amity.ok("unforget", "ada")


# -- folders that do not exist -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("export", "json", "-o", "{missing}/backup.json"),
        ("export", "vcard", "-o", "{missing}/all.vcf"),
        ("calendar", "-o", "{missing}/agenda.ics"),
    ],
)
def test_output_into_a_missing_folder_is_refused(
    amity_sqlite: Amity, tmp_path: Path, args: tuple[str, ...]
) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    missing = tmp_path / "no" / "such"
    result = amity_sqlite(*(a.format(missing=missing) for a in args))
    assert result.code == 2, result.err
    assert f"the folder {missing} does not exist" in result.err
    assert not (tmp_path / "no").exists()


def test_a_database_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "typo"
    result = Amity(tmp_path / "home", f"sqlite:///{missing}/amity.db", TODAY)("list")
    assert result.code == 1
    assert f"the folder {missing} does not exist" in result.err
    assert not missing.exists()


# -- passwords ---------------------------------------------------------------------------------


def test_redact_hides_every_password_form() -> None:
    from amity.store.database import redact

    assert redact("postgresql://u:pw@h:5/db") == "postgresql://u:***@h:5/db"
    assert (
        redact("at postgresql+psycopg://u:p%40ss@h/db: x")
        == "at postgresql+psycopg://u:***@h/db: x"
    )
    assert redact("postgresql://:secret@h/db") == "postgresql://:***@h/db"
    assert redact("host=h password=secret user=u") == "host=h password=*** user=u"
    assert redact("password = 'se cret' dbname=x") == "password = *** dbname=x"
    assert redact("postgresql://u:p@ss/w@rd@h/db x") == "postgresql://u:***@h/db x"
    assert redact("'postgresql://u:pw@h/db'") == "'postgresql://u:***@h/db'"
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"
    assert redact("mail me@example.org") == "mail me@example.org"


@pytest.mark.postgres
def test_a_database_password_is_never_printed(tmp_path: Path) -> None:
    base = POSTGRES_URL.split("://", 1)[1]
    user_host, _, _db = base.rpartition("/")
    user, _, host = user_host.partition("@")
    bad = f"postgresql://{user}:Sup3rS3cret@{host}/no_such_database_here"
    result = Amity(tmp_path / "home", bad, TODAY)("list")
    assert result.code == 1
    assert "Sup3rS3cret" not in result.err + result.out
    assert f"{user}:***@" in result.err
    refused = Amity(tmp_path / "home", "postgresql://u:Sup3rS3cret@127.0.0.1:1/x", TODAY)("today")
    assert refused.code == 1 and "Sup3rS3cret" not in refused.err


@pytest.mark.postgres
def test_init_json_redacts_the_database_url(postgres_url: str, tmp_path: Path) -> None:
    user_host = postgres_url.split("://", 1)[1]
    with_password = f"postgresql://{user_host.replace('@', ':Sup3rS3cret@', 1)}"
    result = Amity(tmp_path / "home", with_password, TODAY).ok("init", "--json")
    assert "Sup3rS3cret" not in result.out
    assert ":***@" in result.json()["database"]


# -- full disks and read-only homes -------------------------------------------------------------


def test_a_full_disk_while_exporting_says_disk_full(
    amity_sqlite: Amity, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write boundary of `write_atomically` failing with ENOSPC (a full disk on any
    machine; the tmpfs test below does it for real where mounting is allowed)."""
    amity_sqlite.ok("add", "Ada Lovelace")
    target = tmp_path / "backup.json"
    target.write_text("the old backup")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = amity_sqlite("export", "json", "-o", str(target))
    assert result.code == 1
    assert "disk full" in result.err
    _no_traceback(result)
    assert target.read_text() == "the old backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".backup")] == []


def _mount(kind: str, target: Path, *options: str) -> bool:
    done = subprocess.run(
        ["mount", "-t", kind, "-o", ",".join(options), kind, str(target)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> object:
    """A 1 MiB tmpfs, where this machine lets the tests mount one (root on Linux)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not _mount("tmpfs", disk, "size=1m"):
        pytest.skip("cannot mount a tmpfs here")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"x" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def test_a_really_full_disk_says_disk_full(tiny_disk: Path, tmp_path: Path) -> None:
    cli = Amity(tiny_disk / "home", None, TODAY)
    cli.ok("add", "Ada Lovelace")
    _fill(tiny_disk)
    note = "x" * 200_000
    result = cli("add", "Bob Builder", "--how-met", note)
    assert result.code == 1, result.err
    assert "disk full" in result.err
    _no_traceback(result)
    exported = cli("export", "json", "-o", str(tiny_disk / "home" / "backup.json"))
    assert exported.code == 1 and "disk full" in exported.err
    (tiny_disk / "filler").unlink()
    assert [p["name"] for p in cli.ok("list", "--json").json()["results"]] == ["Ada Lovelace"]


def test_a_read_only_home_can_still_be_read(tiny_disk: Path) -> None:
    cli = Amity(tiny_disk / "home", None, TODAY)
    cli.ok("add", "Ada Lovelace")
    cli.ok("log", "ada", "--kind", "call")
    (tiny_disk / "empty-home").mkdir()
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], capture_output=True)
    if remounted.returncode:
        pytest.skip("cannot remount read-only here")
    try:
        assert cli.ok("list", "--json").json()["total"] == 1
        cli.ok("show", "ada")
        cli.ok("today")
        cli.ok("search", "ada")
        cli.ok("export", "json")
        result = cli("add", "Bob")
        assert result.code == 1, result.err
        assert "read-only" in result.err
        _no_traceback(result)
        fresh = Amity(tiny_disk / "empty-home", None, TODAY)("list")
        assert fresh.code == 1 and "is read-only and has no database yet" in fresh.err
        missing = Amity(tiny_disk / "no-home", None, TODAY)("list")
        assert missing.code == 1 and "cannot create the data directory" in missing.err
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_disk)], check=False)


# -- stored text on a terminal -------------------------------------------------------------------


_MARK = "\u00a7"  # stands in for the escapes until they are planted
_TEXT_COLUMNS = (
    ("person", "name"),
    ("person", "about"),
    ("person", "needs"),
    ("organization", "name"),
    ("interaction", "notes"),
    ("interaction", "promises"),
    ("reminder", "reason"),
    ("reminder", "detail"),
    ("ledger_entry", "what"),
)


def _hostile_home(cli: Amity) -> None:
    """Escape sequences stored the way an older Amity (or another program writing the file)
    could have: today's CLI and imports refuse or drop control characters, so they are
    planted straight into the text columns, and every screen must still show them inert."""
    name = HOSTILE_NAME.replace(ESCAPES, _MARK)
    cli.ok("add", name, "--company", f"Evil{_MARK} Corp", "--tag", "t")
    cli.ok("met", name, "--note", f"note{_MARK}", "--promise", f"send{_MARK} it")
    cli.ok("edit", "1", "--about", f"about{_MARK}", "--needs", f"[bold]needs{_MARK}")
    cli.ok("gave", "1", "advice", f"tip{_MARK}")
    store = writable_store(cli.database_url or f"sqlite:///{cli.home / 'amity.db'}")
    try:
        with store.db.transaction():
            for table, column in _TEXT_COLUMNS:
                store.db.execute(
                    f"UPDATE {table} SET {column} = replace({column}, ?, ?)",
                    (_MARK, ESCAPES),
                )
    finally:
        store.close()


_SCREENS = [
    ("show", "1"),
    ("list",),
    ("search", "eve"),
    ("today",),
    ("report",),
    ("coach",),
    ("edit", "1", "--name", f"Eve{ESCAPES} Mallory [red]x[/red]"),
    ("forget", "1"),
    ("unforget", "1"),
    ("log", "1", "--kind", "call"),
    ("got", "1", "advice", f"thanks{ESCAPES}"),
    ("draft", "1"),
    ("settings", "signature", f"sig{ESCAPES}"),
    ("settings",),
    ("show", f"nobody{ESCAPES}"),
]


def _assert_inert(text: str) -> None:
    for bad in ("\x1b]", "\x1b[5;41m", "\x1b[2J", "\x9b", "\x1bP", "\x07", "\x08", "\x7f"):
        assert bad not in text, (bad, text)


def test_stored_escape_sequences_are_not_printed(amity: Amity) -> None:
    _hostile_home(amity)
    for args in _SCREENS:
        result = amity(*args)
        _assert_inert(result.out + result.err)
    shown = amity.ok("show", "1").out
    assert "[red]x[/red]" in shown and "Eve Mallory" in shown


def test_stored_escape_sequences_on_a_real_terminal(tmp_path: Path) -> None:
    """A pseudo-terminal: Rich colours are on, so only the stored sequences must be gone."""
    home = tmp_path / "home"
    _hostile_home(Amity(home, None, TODAY))
    for args in _SCREENS[:6]:
        code, out, _ = _amity_process(home, *args, tty=True)
        assert code == 0, out
        _assert_inert(out.decode("utf-8", "replace"))
    _, out, _ = _amity_process(home, "show", "1", tty=True)
    assert b"[red]x[/red]" in out
    for kind in ("vcard", "csv"):
        code, out, _ = _amity_process(home, "export", kind, tty=True)
        assert code == 0 and b"Mallory" in out
        _assert_inert(out.decode("utf-8", "replace"))


def test_an_export_into_a_pipe_keeps_stored_text_exactly(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _hostile_home(Amity(home, None, TODAY))
    code, out, _ = _amity_process(home, "export", "vcard")
    assert code == 0 and "\x1b[2J" in out.decode()


def test_json_output_keeps_stored_text_exactly(amity: Amity) -> None:
    _hostile_home(amity)
    view = amity.ok("show", "1", "--json").json()
    assert view["name"] == HOSTILE_NAME
    assert view["about"] == f"about{ESCAPES}"
    raw = amity.ok("list", "--json").out
    assert "\x1b" not in raw and "\\u001b" in raw


@pytest.mark.parametrize(
    "args",
    [
        ("show", "¹"),
        ("show", "#²"),
        ("done", "¹"),
        ("settings", "daily_budget", "¹"),
        ("settings", "cadence.inner", "²"),
        ("settings", "smtp.port", "³"),
    ],
)
def test_digits_int_cannot_read_are_usage_errors(
    amity_sqlite: Amity, args: tuple[str, ...]
) -> None:
    """ "¹" is a digit to `str.isdigit` but not a number to `int`."""
    amity_sqlite.ok("add", "Ada Lovelace")
    result = amity_sqlite(*args)
    assert result.code == 2, result.err
    _no_traceback(result)
    assert "unexpected" not in result.err


@pytest.mark.parametrize(
    "args", [("add", "a\x00b"), ("search", "tag:\x00"), ("edit", "1", "--about", "x\x00")]
)
def test_nul_characters_are_refused_on_every_engine(amity: Amity, args: tuple[str, ...]) -> None:
    amity.ok("add", "Ada Lovelace")
    result = amity(*args)
    assert result.code == 2, result.err
    assert "NUL" in result.err
    assert amity.ok("show", "1", "--json").json()["about"] == ""


@pytest.mark.postgres
def test_postgresql_refusing_nul_is_a_usage_error(postgres_url: str) -> None:
    from amity.errors import UsageError
    from amity.service.home import open_for_reading

    store = open_for_reading(postgres_url)
    try:
        with pytest.raises(UsageError, match="NUL"):
            store.db.query("SELECT id FROM person WHERE name = ?", ("a\x00b",))
    finally:
        store.close()


def test_a_web_error_page_never_shows_the_database_password(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from amity.service.settings.environment import Settings
    from amity.web import create_app

    settings = Settings(tmp_path, "postgresql://me:Sup3rS3cret@127.0.0.1:1/amity", TODAY)
    with TestClient(
        create_app(settings), base_url="http://127.0.0.1", raise_server_exceptions=False
    ) as client:
        for path in ("/", "/people", "/report", "/settings/export/json"):
            response = client.get(path)
            assert response.status_code >= 500, path
            assert "Sup3rS3cret" not in response.text, path


def test_restore_refuses_devices_pipes_and_deep_json(amity_sqlite: Amity, tmp_path: Path) -> None:
    """`restore /dev/zero` read forever, a FIFO waited for a writer, and JSON nested
    100,000 deep was a RecursionError crash: each is one line, exit 2, nothing written."""
    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000)
    for path, said in (("/dev/zero", "not a regular file"), (str(fifo), "not a regular file"),
                       (str(deep), "nested far too deeply")):  # fmt: skip
        result = amity_sqlite("restore", path)
        assert result.code == 2 and said in result.err, result.err
        _no_traceback(result)
    assert not (amity_sqlite.home / "crash.log").exists()
