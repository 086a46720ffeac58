"""What the living documents are made of, independent of any platform.

A provider's docs profile reads its own kinds from the desired state and answers in these
terms (an SLA target, a routing rule in plain words, what a macro does); the renderers turn
them into Markdown. So one set of documents serves every provider, each showing what its
platform's configuration expresses, and nothing platform-specific lives in the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from provisioner.desired.state import DesiredState


@dataclass(frozen=True)
class SlaTarget:
    priority: str  # as the support team says it: "P1 Urgent"
    first_reply: str = "—"
    next_reply: str = "—"
    resolution: str = "—"
    hours: str = "calendar hours"


@dataclass(frozen=True)
class SlaPolicy:
    title: str
    description: str
    applies_to: list[str]  # plain-language conditions, all of which hold
    targets: list[SlaTarget]


@dataclass(frozen=True)
class RoutingRule:
    order: int
    title: str
    active: bool
    category: str = ""
    when_all: list[str] = field(default_factory=list)
    when_any: list[str] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)  # group or agent names
    effects: list[str] = field(default_factory=list)  # other actions, in words
    notifies: list[str] = field(default_factory=list)  # webhooks, targets, people


@dataclass(frozen=True)
class MacroDescription:
    title: str
    category: str
    sets: list[str]
    reply: str | None
    note: str | None
    moves_to: str | None
    available_to: str


@dataclass(frozen=True)
class ViewDescription:
    title: str
    shows: list[str]


@dataclass(frozen=True)
class Integration:
    name: str
    kind: str
    endpoint: str
    used_by: list[str]
    credentials: list[str]  # environment variable NAMES only


class DocsProfile(Protocol):
    """A provider's reading of its desired state for the documents (all pure functions)."""

    def sla_policies(self, state: DesiredState) -> list[SlaPolicy]: ...

    def routing(self, state: DesiredState) -> list[RoutingRule]: ...

    def macros(self, state: DesiredState) -> list[MacroDescription]: ...

    def views(self, state: DesiredState) -> list[ViewDescription]: ...

    def integrations(self, state: DesiredState) -> list[Integration]: ...
