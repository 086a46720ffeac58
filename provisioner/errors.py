"""Errors a user can act on.

Tree:
    ProvisionerError           anything the CLI reports as one line and exit 1
    ├── UserError              bad input: YAML, flags, plan files, missing credentials
    │   └── InputError         a problem at a file:line in the desired state
    └── ApiError               the account answered with an error (carries method, path, status)
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


class ApiError(ProvisionerError):
    def __init__(self, method: str, path: str, status: int, detail: str) -> None:
        super().__init__(f"{method} {path} answered {status}: {detail}")
        self.method, self.path, self.status, self.detail = method, path, status, detail


class StalePlanError(ProvisionerError):
    pass
