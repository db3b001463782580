"""Sign-in sessions for an app that listens beyond loopback: an expiring cookie signed
with the home's secret and bound to the password hash (a new password signs everyone
out), and a limit on wrong passwords per client."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

from amity.web.access import Access

COOKIE = "amity_session"
LIFETIME = 12 * 3600  # seconds
MAX_FAILURES = 5  # wrong passwords per client ...
WINDOW = 300  # ... within this many seconds, then wait
FAILURE_DELAY = 0.5  # seconds added to every wrong password


def _mac(access: Access, expires: int, nonce: str) -> str:
    bound = hashlib.sha256(access.password_hash.encode("utf-8")).hexdigest()
    message = f"session:{expires}:{nonce}:{bound}".encode()
    return hmac.new(access.secret, message, hashlib.sha256).hexdigest()


def new_session(access: Access, now: float | None = None) -> str:
    expires = int(now if now is not None else time.time()) + LIFETIME
    nonce = secrets.token_urlsafe(16)
    return f"{expires}.{nonce}.{_mac(access, expires, nonce)}"


def valid_session(access: Access, cookie: str | None, now: float | None = None) -> bool:
    if not cookie or cookie.count(".") != 2:
        return False
    expires_text, nonce, mac = cookie.split(".")
    if not expires_text.isdigit() or len(expires_text) > 12:
        return False
    expires = int(expires_text)
    if expires < (now if now is not None else time.time()):
        return False
    return hmac.compare_digest(_mac(access, expires, nonce), mac)


class Attempts:
    """Wrong passwords per client address, forgotten after `WINDOW` seconds."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = {}

    def admit(self, client: str, now: float | None = None) -> bool:
        """Count this attempt as wrong until it proves right (so parallel guesses count
        too); False when the client has used up its attempts."""
        moment = now if now is not None else time.monotonic()
        with self._lock:
            recent = self._failures.get(client)
            if recent is None:
                if len(self._failures) > 10_000:  # a flood of addresses: start afresh
                    self._failures.clear()
                recent = self._failures[client] = deque(maxlen=MAX_FAILURES)
            while recent and recent[0] < moment - WINDOW:
                recent.popleft()
            if len(recent) >= MAX_FAILURES:
                return False
            recent.append(moment)
            return True

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._failures.pop(client, None)
