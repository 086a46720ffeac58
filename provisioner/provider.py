"""What the engine needs from a provider, and how it finds one by name.

The engine never imports a specific provider: ``load_provider("zendesk")`` imports
``providers.zendesk`` and takes its ``PROVIDER``. A provider is declarations (its kinds, its
validators, its credential variables) plus two factories: one that connects an ``Adapter`` to a
live account (or to an emulator through an httpx transport) and one that builds its emulator.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Protocol

import httpx

from provisioner.errors import UserError
from provisioner.kind import Doc, Kind
from provisioner.suggest import did_you_mean

KNOWN_PROVIDERS = ("zendesk", "freshdesk", "intercom")


class Adapter(Protocol):
    """A connection to one account. Every method is one logical API operation on one kind.

    ``read`` returns raw live objects (all pages); ``create``/``update`` return the raw object as
    the server answered it. ``find_by_key`` lets the reliability layer check whether a create whose
    response was lost did land, instead of sending it twice.

    Optional: ``read_session()``, a context manager the engine enters around one concurrent read
    of many kinds (an adapter may share identical list requests inside it), and
    ``minimum_reads(raw)``, the fewest requests the API allows for reading ``raw`` by kind
    (benchmarks and the request-count test compare against it), and
    ``parallel_writes(kind, action)``, True when apply may send that action on several objects
    of the kind at once (``provisioner.apply_batches``; without it every write goes alone).
    """

    account: str

    def read(self, kind: Kind) -> list[Doc]: ...

    def create(self, kind: Kind, body: Doc) -> Doc: ...

    def update(self, kind: Kind, obj_id: Any, body: Doc, before: Doc) -> Doc: ...

    def delete(self, kind: Kind, obj_id: Any) -> None: ...

    def reorder(self, kind: Kind, ids: list[Any]) -> None: ...

    def find_by_key(self, kind: Kind, key: str) -> Doc | None: ...

    def close(self) -> None: ...


class Emulator(Protocol):
    """An emulated account: a callable transport handler with a JSON-serialisable state."""

    request_log: list[Any]

    def __call__(self, request: httpx.Request) -> httpx.Response: ...

    def dump(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Provider:
    """
    + name: as written after ``provider:`` in YAML.
    + kinds: every kind, in apply order (references before referrers).
    + connect: (environment, optional transport) -> Adapter. Reads credentials from the
      environment mapping; raises ``UserError`` naming the missing variable.
    + make_emulator: (saved state or None, options) -> Emulator.
    + emulator_env: variables that make ``connect`` talk to the emulator.
    + credential_vars: names of secret variables, masked everywhere.
    + validators: named plan-time checks (see ``provisioner.validators``).
    """

    name: str
    kinds: tuple[Kind, ...]
    connect: Callable[[Mapping[str, str], httpx.BaseTransport | None], Adapter]
    make_emulator: Callable[..., Emulator]
    emulator_env: Mapping[str, str]
    credential_vars: tuple[str, ...] = ()
    validators: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    docs_notes: str = ""
    # How the living documents read this provider's kinds (provisioner.docs.model.DocsProfile).
    docs_profile: Any = None
    audit_profile: Any = None  # provisioner.audit.profile.AuditProfile: its kinds as audit concepts
    # Named generated accounts for benchmarks and ``emulator serve --scenario``
    # (name -> provisioner.testing.scenario.Scenario).
    scenarios: Mapping[str, Any] = field(default_factory=dict)

    def kind(self, name: str) -> Kind:
        for kind in self.kinds:
            if kind.name == name:
                return kind
        raise KeyError(name)

    @property
    def kind_names(self) -> list[str]:
        return [k.name for k in self.kinds]


def load_provider(name: str) -> Provider:
    """The provider called ``name``; a ``UserError`` listing the known ones otherwise."""
    if name not in KNOWN_PROVIDERS:
        raise UserError(f"unknown provider {name!r}{did_you_mean(name, KNOWN_PROVIDERS)}; "
                        f"known providers: {', '.join(KNOWN_PROVIDERS)}")
    try:
        module = importlib.import_module(f"providers.{name}")
    except ModuleNotFoundError as exc:
        if exc.name not in {"providers", f"providers.{name}"}:
            raise  # a dependency of the provider is missing: a broken install, not bad input
        raise UserError(f"provider {name!r} is not installed in this build") from None
    provider = getattr(module, "PROVIDER", None)
    if provider is None:
        raise UserError(f"provider {name!r} is not available in this build yet")
    return provider
