"""The Intercom REST API version every request pins with the ``Intercom-Version`` header.

Without the header Intercom answers in whatever version the app's Developer Hub settings name,
so the same YAML could read different shapes on two workspaces. 2.16 is the newest numbered
version with a vendored description, and the first with macros, office hours schedules and
conversation attributes (the emulator's ``version`` module explains the choice in full; a test
keeps the two constants equal).
"""

from __future__ import annotations

API_VERSION = "2.16"
