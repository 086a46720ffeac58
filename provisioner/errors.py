"""Errors a user can act on.

Tree:
    ProvisionerError           anything the CLI reports as one line and exit 1
    ├── UserError              bad input: YAML, flags, plan files, missing credentials
    │   ├── InputError         a problem at a file:line in the desired state
    │   └── UsageError         bad command-line arguments
    └── ApiError               the account answered with an error (carries method, path, status)
        ├── OutcomeUnknown     a write was sent but no clear answer came: it may have landed
        └── StalePlanError     a saved plan no longer matches the live account

Anything else is a bug; the CLI still prints one line unless ``--debug`` is given.
"""

from __future__ import annotations

from dataclasses import dataclass


class ProvisionerError(Exception):
    """Base of every error the CLI turns into a one-line message and exit code 1."""


class UserError(ProvisionerError):
    pass


@dataclass(frozen=True)
class Location:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class InputError(UserError):
    """A problem in the desired state, at a file and line, about a field."""

    def __init__(self, location: Location | None, field: str, message: str) -> None:
        where = f"{location}: " if location else ""
        what = f"{field}: " if field else ""
        super().__init__(f"{where}{what}{message}")
        self.location, self.field, self.message = location, field, message


class UsageError(UserError):
    """An unknown command or option, or an option value argparse refused."""


# What a user should check for statuses that mean the same thing on every vendor.
STATUS_HINTS = {
    401: "the credentials were refused: check the token (or key) and that it belongs to this account",
    403: "permission denied: the credentials lack the role, plan feature or OAuth scope this request needs",
}


class ApiError(ProvisionerError):
    """The request (method and path) and the vendor's reason; status 0 means no answer at all."""

    def __init__(self, method: str, path: str, status: int, detail: str) -> None:
        if status == 0:
            text = f"{method} {path} failed: {detail}"
        else:
            text = f"{method} {path} answered {status}: {detail}"
        if status in STATUS_HINTS:
            text += f" ({STATUS_HINTS[status]})"
        super().__init__(text)
        self.method, self.path, self.status, self.detail = method, path, status, detail


class OutcomeUnknown(ApiError):
    """A write went out but no clear answer came back (timeout, dropped connection, 5xx, an
    error inside a 200): it may or may not have been applied. Apply checks the live account
    instead of sending it again. ``exhausted`` is True when the retry budget was spent."""

    def __init__(self, method: str, path: str, status: int, detail: str, *, exhausted: bool = False) -> None:
        super().__init__(method, path, status, detail)
        self.exhausted = exhausted


class StalePlanError(ProvisionerError):
    pass
