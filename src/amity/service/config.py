"""The home's config file (`AMITY_HOME/config.toml`): settings that must not travel in a
backup, such as the SMTP password for the daily digest."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amity.errors import UsageError
from amity.service.files import write_atomically
from amity.service.settings import ensure_home

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
    path = config_path(home)
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path} is not valid TOML: {exc}") from None


def smtp_settings(home: Path) -> SmtpSettings:
    raw = read_config(home).get("smtp", {})
    values = {k: raw[k] for k in SMTP_KEYS if k in raw}
    return SmtpSettings(**values)


def set_smtp(home: Path, key: str, value: str) -> None:
    if key not in SMTP_KEYS:
        raise UsageError(f"unknown SMTP setting {key!r}; expected one of {', '.join(SMTP_KEYS)}")
    config = read_config(home)
    smtp = dict(config.get("smtp", {}))
    smtp[key] = _typed(key, value)
    config["smtp"] = smtp
    ensure_home(home)
    write_atomically(config_path(home), _to_toml(config).encode())
    config_path(home).chmod(0o600)  # it may hold a password


def _typed(key: str, value: str) -> Any:
    kind = SMTP_KEYS[key]
    if kind is int:
        if not value.isdecimal() or not 0 < int(value) < 65536:
            raise UsageError(f"smtp.{key} must be a port number, not {value!r}")
        return int(value)
    if kind is bool:
        if value.lower() not in ("true", "false", "yes", "no", "1", "0"):
            raise UsageError(f"smtp.{key} must be true or false, not {value!r}")
        return value.lower() in ("true", "yes", "1")
    return value


def _to_toml(config: dict[str, Any]) -> str:
    lines: list[str] = []
    for section, values in config.items():
        if not isinstance(values, dict):
            continue
        lines.append(f"[{section}]")
        for key, value in values.items():
            if isinstance(value, bool):
                lines.append(f"{key} = {'true' if value else 'false'}")
            elif isinstance(value, int):
                lines.append(f"{key} = {value}")
            else:
                escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
                lines.append(f'{key} = "{escaped}"')
        lines.append("")
    return "\n".join(lines)
