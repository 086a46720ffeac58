"""The Intercom API version this project speaks, and how the emulator treats other versions.

Why 2.16 (`API_VERSION`):

- It is the newest *numbered* description vendored in ``shared/vendor-specs/intercom`` (commit
  8889625a). Preview ("Unstable") is for testing only and changes without notice; a 2.17 exists on
  the docs site but its description is not vendored, so nothing could be checked against it.
- Three kinds the provisioner wants exist only from 2.16: ``/macros`` (read-only data source),
  ``/office_hours_schedules`` (business hours) and ``/conversations/attributes``. Calling them with
  an older ``Intercom-Version`` answers 400 ``intercom_version_invalid`` on the real API (observed
  with 2.13 and 2.11 by public clients), so pinning lower would lose them.
- 2.16 changed shapes the provisioner reads: article responses carry ``parent_ids`` only (2.15
  still sent ``parent_id``/``parent_type``), and ``GET /data_attributes?model=conversation``
  answers 422. Pinning makes those shapes stable for the diff.

The emulator answers every request with 2.16 bodies. It accepts any version Intercom publishes
(the spec's ``intercom_version`` enum plus ``Unstable``/``Preview``) and echoes it back, rejects
unknown strings the way Intercom does, and refuses 2.16-only resources for older versions.
"""

from __future__ import annotations

API_VERSION = "2.16"

PUBLISHED_VERSIONS: tuple[str, ...] = (
    "1.0", "1.1", "1.2", "1.3", "1.4",
    "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9",
    "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16",
)
UNSTABLE_VERSIONS: tuple[str, ...] = ("Unstable", "Preview")

# Path prefixes that first appeared in 2.16 (absent from the 2.15 description).
INTRODUCED_IN_2_16: tuple[str, ...] = ("/macros", "/office_hours_schedules", "/conversations/attributes")

UNKNOWN_VERSION_MESSAGE = "The requested version could not be found"
UNAVAILABLE_MESSAGE = "Requested resource is not available in current API version."


def is_known(version: str) -> bool:
    return version in PUBLISHED_VERSIONS or version in UNSTABLE_VERSIONS


def _as_tuple(version: str) -> tuple[int, int]:
    if version in UNSTABLE_VERSIONS:
        return (99, 99)
    major, minor = version.split(".")
    return int(major), int(minor)


def resource_available(version: str, path: str) -> bool:
    """False when ``path`` belongs to a resource introduced after ``version``."""
    if _as_tuple(version) >= _as_tuple("2.16"):
        return True
    clean = path.rstrip("/")
    return not any(clean == p or clean.startswith(p + "/") for p in INTRODUCED_IN_2_16)
