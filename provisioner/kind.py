"""A resource kind declared as data.

Each provider declares its kinds with ``Kind(...)``: where the API keeps them, what identifies
one in YAML, which fields the server owns, which cannot change, what they refer to and which
build block they belong to. The engine plans every kind the same way from this declaration;
a provider writes code only for a kind's quirks (``normalize`` and ``to_payload`` hooks, or
custom operations in its adapter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from provisioner.references import Ref

Doc = dict[str, Any]


@dataclass(frozen=True)
class Capabilities:
    """What the vendor API lets us do with a kind; ``why_not`` explains each missing verb."""

    read: bool = True
    create: bool = True
    update: bool = True
    delete: bool = True
    reorder: bool = False
    why_not: dict[str, str] = field(default_factory=dict)
    # What a delete really does when the API has no delete ("archive", "deactivate"): the plan
    # shows it under that word, and the adapter performs it.
    delete_means: str | None = None

    def allows(self, verb: str) -> bool:
        return bool(getattr(self, verb))


READ_ONLY = Capabilities(create=False, update=False, delete=False)


@dataclass(frozen=True)
class Kind:
    """One configuration kind of one provider.

    + name: plural snake_case name used as the YAML section (``ticket_fields``).
    + block: the playbook build block 1-9 it belongs to; plans and applies run block by block.
    + natural_key: field that identifies an object in YAML and across accounts (``title``).
    + path: collection path under the API base (``/api/v2/ticket_fields``).
    + envelope / list_key: wrapper key of one object and of a list (``None`` when unwrapped).
    + server_owned: fields the server sets; dropped before diffing and never sent.
    + immutable: fields that can only be set on create; changing one is refused unless the
      user opts into replacing the object.
    + references: rows of the reference table for this kind (see ``provisioner.references``).
    + ordered: the YAML order is the live order, changed through a reorder change.
    + singleton: exactly one object (account settings); never created or deleted.
    + builtin: natural keys that exist in every account (system fields, the default group);
      YAML may refer to them without declaring them.
    + secret_fields: dotted fields that hold credentials: never read back, never shown, never
      compared for drift; sent only on create or when the YAML value changes its env source.
    + normalize: live object -> desired shape (after server-owned fields are dropped).
    + to_payload: desired shape (with ids resolved) -> request body without envelope.
    + depends_on: kinds that must be applied first even without a reference (parent kinds).
    """

    name: str
    block: int
    natural_key: str
    path: str
    envelope: str | None = None
    list_key: str | None = None
    server_owned: frozenset[str] = frozenset({"id", "url", "created_at", "updated_at"})
    immutable: frozenset[str] = frozenset()
    references: tuple[Ref, ...] = ()
    ordered: bool = False
    singleton: bool = False
    builtin: frozenset[str] = frozenset()
    secret_fields: frozenset[str] = frozenset()
    capabilities: Capabilities = Capabilities()
    normalize: Callable[[Doc], Doc] | None = None
    to_payload: Callable[[Doc], Doc] | None = None
    depends_on: tuple[str, ...] = ()
    summary: str = ""
    example: str = ""
    id_field: str = "id"
    # Live objects the account owns (system fields, the default group): never deleted, never
    # listed as unmanaged, never exported. Decided from the raw live object.
    is_system: Callable[[Doc], bool] | None = None
    # Provider-specific API details the provider's adapter reads (paging style, reorder
    # endpoint, update verb); the engine never looks inside.
    api: dict[str, Any] = field(default_factory=dict)
    # pydantic model of one YAML object (extra fields forbidden): validation and JSON Schema.
    model: type | None = None
    # Fields the engine compares even when the YAML leaves them out, with the value an omitted
    # field means (``active: true``): so that turning a rule off in the UI shows as drift.
    defaults: dict[str, Any] = field(default_factory=dict)
    # Top-level list fields whose order means nothing (an agent's groups, an article's tags):
    # compared as sets, so the order a vendor returns them in is never drift.
    unordered: frozenset[str] = frozenset()

    def key_of(self, doc: Doc) -> str:
        """The natural key of a desired or normalised live object, as a string."""
        value = doc.get(self.natural_key)
        return "" if value is None else str(value)

    @property
    def targets(self) -> set[str]:
        return {ref.target for ref in self.references}
