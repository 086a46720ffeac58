"""Identical list requests made once within one read of the account.

Several kinds need the same list: Zendesk's group memberships name groups, Freshdesk's
solution folders and articles both walk the categories, Freshdesk rules translate field names
from the very field lists the field kinds read. ``provisioner.live.read_raw`` reads every kind
at once inside an adapter's ``read_session()``; within it, the first caller of a list fetches
it and every other caller (in any thread) waits for that answer instead of asking again.
Outside a session nothing is shared, so a later read never sees a stale list.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any, Callable, Hashable, Iterator


class SharedLists:
    def __init__(self) -> None:
        self._shared: dict[Hashable, Future] | None = None
        self._lock = threading.Lock()

    @contextmanager
    def session(self) -> Iterator[None]:
        """One read of the account: lists fetched inside are shared until it ends."""
        self._shared = {}
        try:
            yield
        finally:
            self._shared = None

    def fetch(self, key: Hashable, load: Callable[[], list[Any]]) -> list[Any]:
        """``load()``, or inside a session the list another caller loaded under ``key``
        (each caller gets its own list of the same items)."""
        shared = self._shared
        if shared is None:
            return load()
        with self._lock:
            future = shared.get(key)
            owner = future is None
            if owner:
                future = shared[key] = Future()
        if owner:
            try:
                future.set_result(load())
            except BaseException as exc:
                future.set_exception(exc)
                raise
        return list(future.result())
