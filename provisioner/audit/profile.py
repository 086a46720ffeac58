"""How a provider's kinds map to the concepts the audit checks speak of.

A provider declares one ``AuditProfile`` (``Provider.audit_profile``); every concept is
optional, and a check whose concept is missing is skipped with a note. Predicates receive raw
live objects (as the API returned them, ids and timestamps included), because checks look at
what the desired state never holds: ``updated_at``, who holds a role, whether an article is
published. Data a check needs (agents, group memberships, help-center articles) is a kind of
the provider like any other, read once with the rest of the account.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping

from provisioner.kind import Doc

Raw = Mapping[str, list[Doc]]
"""Raw live objects by kind (and source) name."""

PRIORITIES = ("urgent", "high", "normal", "low")
"""P1-P4, the canonical names checks use; a provider maps its own values onto them."""


def default_is_active(kind: str, raw: Doc) -> bool:
    return raw.get("active", True) is not False and not raw.get("deleted")


def default_updated_at(kind: str, raw: Doc) -> str | int | None:
    """``updated_at`` as the API gives it: an ISO-8601 string, or Unix seconds (Intercom)."""
    value = raw.get("updated_at")
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else None


@dataclass(frozen=True)
class SlaConcept:
    """+ targets: a policy -> its (priority, "first_reply" | "resolution") pairs with a target."""

    kind: str
    targets: Callable[[Doc], Iterable[tuple[str, str]]]


@dataclass(frozen=True)
class AutoCloseConcept:
    """Time-based rules that end a conversation.

    + closes_unsolved: the rule solves or closes tickets that are not solved yet.
    + waits_for_agent_reply: its conditions require that an agent replied (status pending, …).
    """

    kind: str
    closes_unsolved: Callable[[Doc], bool]
    waits_for_agent_reply: Callable[[Doc], bool]


@dataclass(frozen=True)
class SurveyConcept:
    """Rules that send the satisfaction survey: ``fires_on`` answers "solved", "closed" or None."""

    kinds: tuple[str, ...]
    sends_survey: Callable[[Doc], bool]
    fires_on: Callable[[Doc], str | None]


@dataclass(frozen=True)
class WebhookConcept:
    """+ used_outside_rules: the webhook serves something no rule shows (an event subscription)."""

    kind: str
    used_outside_rules: Callable[[Doc], bool] = lambda raw: False


@dataclass(frozen=True)
class HelpCenterConcept:
    """+ categories_of: an article -> the ids of the categories it appears in (its category
    through sections or folders; with nested collections, every collection above it too)."""

    articles: str
    categories: str
    published: Callable[[Doc], bool]
    categories_of: Callable[[Doc, Raw], Iterable[Any]]
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountConcept:
    """Objects of ``kind`` and how many agents each has: ``count(raw)`` -> {object id: agents}.

    Used for groups (members) and custom roles (holders); ``needs`` names the other kinds
    ``count`` reads; ``applies`` filters the objects checked (custom roles only, not system ones).
    """

    kind: str
    count: Callable[[Raw], Mapping[str, int]]
    needs: tuple[str, ...] = ()
    applies: Callable[[Doc], bool] = lambda raw: True


@dataclass(frozen=True)
class AuditProfile:
    """
    + rule_kinds: rules, macros and views (what refers to other objects and can go inactive).
    + automations: the kinds counted together by ``too-many-automations``.
    + reference_targets: kinds whose deletion or deactivation breaks a rule (groups, fields,
      brands, schedules).
    """

    sla: SlaConcept | None = None
    auto_close: AutoCloseConcept | None = None
    survey: SurveyConcept | None = None
    rule_kinds: tuple[str, ...] = ()
    automations: tuple[str, ...] = ()
    reference_targets: tuple[str, ...] = ()
    webhooks: WebhookConcept | None = None
    help_center: HelpCenterConcept | None = None
    group_members: CountConcept | None = None
    role_holders: CountConcept | None = None
    is_active: Callable[[str, Doc], bool] = default_is_active
    updated_at: Callable[[str, Doc], str | int | None] = default_updated_at


EMPTY_PROFILE = AuditProfile()
