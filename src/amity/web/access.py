"""Who may reach the web app: the host names it answers to, and whether a password is
needed (only when it listens beyond this computer). Built once, before the app starts,
by `amity serve` and by each `--workers` process from the same inputs."""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from amity.errors import AmityError, UsageError
from amity.service.settings.config_file import password_hash, web_secret

log = logging.getLogger("amity.web")

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
WILDCARDS = ("0.0.0.0", "::", "")  # noqa: S104 (names to recognise, not to bind)


class PasswordNeeded(UsageError):
    code = "password_needed"


@dataclass(frozen=True, slots=True)
class Access:
    hosts: frozenset[str]
    secret: bytes
    sign_in: bool = False  # a password is asked for before any page
    password_hash: str = ""


def is_loopback(host: str) -> bool:
    name = host_name(host)
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_name(value: str) -> str:
    """`Host` header or address to a bare lower-case name: no port, no brackets."""
    text = value.strip().lower()
    port = ""
    if text.startswith("["):  # [IPv6]:port
        name, _, rest = text[1:].partition("]")
        if rest and not rest.startswith(":"):
            return ""
        port = rest[1:]
    elif text.count(":") == 1:
        name, port = text.split(":")
    else:
        name = text
    if port and not port.isdigit():
        return ""
    return name.rstrip(".")


def access_for(home: Path, host: str = "127.0.0.1", extra_hosts: Iterable[str] = ()) -> Access:
    """The app's access rules when it listens on `host`. Beyond loopback the home must
    have a password (`amity serve --set-password`), or this refuses."""
    names = {*LOOPBACK_NAMES, *(host_name(h) for h in extra_hosts if host_name(h))}
    secret = _secret(home)
    if is_loopback(host):
        return Access(frozenset(names | {host_name(host)}), secret)
    hashed = password_hash(home)
    if hashed is None:
        raise PasswordNeeded(
            f"listening on {host} lets other computers reach this home, so it needs a "
            "password: run `amity serve --set-password` first (on 127.0.0.1 none is needed)"
        )
    names |= _local_names() if host_name(host) in WILDCARDS else {host_name(host)}
    return Access(frozenset(names), secret, True, hashed)


def _secret(home: Path) -> bytes:
    try:
        return web_secret(home)
    except AmityError as exc:  # a read-only home: tokens last until the server stops
        import secrets

        log.warning("cannot keep the web secret in the home (%s); using a temporary one", exc)
        return secrets.token_hex(32).encode("ascii")


def _local_names() -> set[str]:
    """The names and addresses a LAN browser may use for this computer."""
    names: set[str] = set()
    try:
        hostname = socket.gethostname().lower()
        names |= {hostname, f"{hostname}.local", socket.getfqdn().lower()}
        names |= {str(info[4][0]).lower() for info in socket.getaddrinfo(hostname, None)}
    except OSError:
        pass
    try:  # the address of the interface that routes outwards (nothing is sent)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            names.add(str(probe.getsockname()[0]))
    except OSError:
        pass
    return {host_name(n) for n in names if n}
