"""The home's config file (`AMITY_HOME/config.toml`, mode 0600): the one place for what
must not travel in a backup or sit in the database: the SMTP settings and password for the
daily digest, the web app's password hash and its per-home signing secret."""

from __future__ import annotations

import secrets
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amity.errors import UsageError
from amity.service.files import write_atomically
from amity.service.settings.environment import ensure_home

SMTP_KEYS = {
    "host": str,
    "port": int,
    "username": str,
    "password": str,
    "sender": str,
    "to": str,
    "starttls": bool,
    "ssl": bool,
}


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str = ""
    port: int = 25
    username: str = ""
    password: str = ""
    sender: str = ""
    to: str = ""
    starttls: bool = False
    ssl: bool = False


def config_path(home: Path) -> Path:
    return home / "config.toml"


def read_config(home: Path) -> dict[str, Any]:
    """The parsed `config.toml`, deliberately untyped: TOML as the user wrote it, read into
    typed values by `amity.service.settings.edit` (the one reader of settings)."""
    path = config_path(home)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise UsageError(f"cannot read config.toml in the home: {reason}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"config.toml in the home is not valid TOML: {exc}") from None


def write_config(home: Path, config: Mapping[str, Any]) -> None:
    """The whole file at once (temporary file, 0600 from the start, then rename)."""
    import tomli_w

    ensure_home(home)
    write_atomically(config_path(home), tomli_w.dumps(dict(config)).encode("utf-8"))
    config_path(home).chmod(0o600)


def smtp_settings(home: Path) -> SmtpSettings:
    raw = _table(read_config(home), "smtp")
    values = {k: raw[k] for k, kind in SMTP_KEYS.items() if isinstance(raw.get(k), kind)}
    return SmtpSettings(**values)


def put_smtp(home: Path, values: Mapping[str, Any]) -> None:
    """Change some SMTP settings (already typed), keeping the others."""
    unknown = set(values) - set(SMTP_KEYS)
    if unknown:
        raise UsageError(f"unknown SMTP setting {sorted(unknown)[0]!r}")
    config = read_config(home)
    config["smtp"] = {**_table(config, "smtp"), **values}
    write_config(home, config)


def smtp_value(key: str, text: str) -> Any:
    """An SMTP setting typed as text (`amity settings smtp.port 587`, the web form) as
    config.toml keeps it: spaces around it dropped (not from the password), a blank port the
    default one."""
    kind = SMTP_KEYS.get(key)
    if kind is None:
        raise UsageError(f"unknown SMTP setting {key!r}; expected one of {', '.join(SMTP_KEYS)}")
    value = text if key == "password" else text.strip()
    if kind is int:
        if not value:
            return SmtpSettings().port
        if not value.isdecimal() or not 0 < int(value) < 65536:
            raise UsageError(f"smtp.{key} must be a port number, not {value!r}")
        return int(value)
    if kind is bool:
        if value.lower() not in ("true", "false", "yes", "no", "1", "0"):
            raise UsageError(f"smtp.{key} must be true or false, not {value!r}")
        return value.lower() in ("true", "yes", "1")
    return value


# --- the web app's secrets ------------------------------------------------------------------


def web_secret(home: Path) -> bytes:
    """The per-home key that signs CSRF tokens and sign-in sessions, made on first use."""
    current = _table(read_config(home), "web").get("secret")
    if isinstance(current, str) and len(current) >= 32:
        return current.encode("ascii")
    fresh = secrets.token_hex(32)
    _put_web(home, {"secret": fresh})
    return fresh.encode("ascii")


def password_hash(home: Path) -> str | None:
    found = _table(read_config(home), "web").get("password_hash")
    return found if isinstance(found, str) and found else None


def set_password_hash(home: Path, hashed: str) -> None:
    _put_web(home, {"password_hash": hashed})


def _put_web(home: Path, values: Mapping[str, str]) -> None:
    config = read_config(home)
    config["web"] = {**_table(config, "web"), **values}
    write_config(home, config)


def _table(config: Mapping[str, Any], name: str) -> dict[str, Any]:
    found = config.get(name)
    return dict(found) if isinstance(found, dict) else {}
