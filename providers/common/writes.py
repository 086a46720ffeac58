"""Which writes an apply may send side by side (``Adapter.parallel_writes``).

A write that is one request on one object (POST a macro, PUT a trigger, DELETE a view) cannot
disturb another such write, so apply may send several at once. A kind whose writes go through
its own sequence of requests (``kind.api["operations"]``: a read-then-rewrite of a shared list,
a create followed by a second call, a batch job) may not: two of them at once could each
rewrite the list the other just changed. Singletons are one object; they are never written
twice at once.
"""

from __future__ import annotations

from provisioner.kind import Kind


def plain_write(kind: Kind, action: str) -> bool:
    """True when ``action`` on ``kind`` is one request on one object, safe beside others."""
    operations = kind.api.get("operations")
    return not kind.singleton and getattr(operations, action, None) is None
