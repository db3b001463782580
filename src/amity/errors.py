"""One error hierarchy for the whole core; the CLI, web and API map it at the edges."""

from __future__ import annotations


class AmityError(Exception):
    """Something the user can fix or understand; never shown as a traceback."""

    exit_code = 1
    code = "error"


class UsageError(AmityError):
    """Bad input from the user: a wrong date, an unknown kind, an empty name."""

    exit_code = 2
    code = "bad_input"


class NotFound(UsageError):
    """No person, event, or item matches what the user named."""

    code = "not_found"

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class Ambiguous(UsageError):
    """More than one thing matches what the user named."""

    code = "ambiguous"

    def __init__(self, message: str, candidates: list[tuple[int, str]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class StoreError(AmityError):
    """The database cannot be reached, opened or written."""

    code = "store"


class ImportFailed(AmityError):
    """A file could not be read as the format it claims to be."""

    code = "import_failed"
