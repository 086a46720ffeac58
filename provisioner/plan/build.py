"""Turn a desired state and a live state into a plan: diff every kind, order, validate."""

from __future__ import annotations

from dataclasses import dataclass, field

from provisioner import __version__
from provisioner.desired.state import DesiredState
from provisioner.kind import Kind
from provisioner.live import LiveState
from provisioner.plan.diff import DiffOptions, diff_kind
from provisioner.plan.model import Change, Diagnostic, Plan
from provisioner.provider import Provider
from provisioner.references import collect, dotted
from provisioner.validators import ValidationContext, run_validators


@dataclass(frozen=True)
class PlanRequest:
    """+ blocks: limit to these build blocks (None = all).
    + allow_delete: prune every kind (``--allow-delete``); per-kind ``prune: true`` also works.
    + allow_replace: kinds whose immutable-field changes recreate the object ("all" for every kind).
    + disabled_validators: validator names switched off."""

    blocks: frozenset[int] | None = None
    allow_delete: bool = False
    allow_replace: frozenset[str] = frozenset()
    disabled_validators: frozenset[str] = frozenset()
    ignore: dict[str, frozenset[str]] = field(default_factory=dict)


def selected_kinds(provider: Provider, blocks: frozenset[int] | None) -> list[Kind]:
    return [k for k in provider.kinds if blocks is None or k.block in blocks]


def _sort_key(provider: Provider, change: Change) -> tuple[int, int, int, int]:
    index = provider.kind_names.index(change.kind)
    if change.action == "delete":
        return (1, -change.block, -index, 0)
    return (0, change.block, index, 1 if change.action == "reorder" else 0)


def build_plan(state: DesiredState, provider: Provider, live: LiveState, request: PlanRequest) -> Plan:
    changes: list[Change] = []
    diagnostics: list[Diagnostic] = []
    unmanaged = []
    for kind in selected_kinds(provider, request.blocks):
        opts = state.options.get(kind.name)
        ignore = set(opts.ignore if opts else ()) | set(request.ignore.get(kind.name, ()))
        diff_options = DiffOptions(
            prune=request.allow_delete or bool(opts and opts.prune),
            replace=kind.name in request.allow_replace or "all" in request.allow_replace,
            ignore=frozenset(ignore),
        )
        result = diff_kind(kind, state.of(kind.name), live.of(kind.name), diff_options)
        changes += result.changes
        diagnostics += result.diagnostics
        unmanaged += result.unmanaged
    changes.sort(key=lambda c: _sort_key(provider, c))
    diagnostics += missing_references(provider, changes, live)
    context = ValidationContext(provider=provider, desired=state, live=live, changes=changes)
    diagnostics += run_validators(provider.validators, context, request.disabled_validators)
    return Plan(
        tool_version=__version__,
        provider=provider.name,
        account=live.account,
        desired_digest=state.digest,
        blocks=sorted(request.blocks) if request.blocks else None,
        changes=changes,
        unmanaged=unmanaged,
        diagnostics=diagnostics,
        id_map=live.table.to_json(),
    ).sealed()


def missing_references(provider: Provider, changes: list[Change], live: LiveState) -> list[Diagnostic]:
    """A change may only name objects that exist live or that this plan creates first.

    With ``--block`` the YAML can name objects of blocks not selected; they must already exist.
    """
    created: set[tuple[str, str]] = set()
    deleted = {(c.kind, c.key) for c in changes if c.action == "delete"}
    found: list[Diagnostic] = []
    for change in changes:
        if change.action in {"create", "replace"}:
            created.add((change.kind, change.key))
        if change.after is None:
            continue
        kind = provider.kind(change.kind)
        for ref, value, path in collect(change.after, kind.references):
            raw = str(value)
            if ref.key_prefix and not raw.startswith(ref.key_prefix):
                continue
            key = raw[len(ref.key_prefix):]
            exists = live.table.id_for(ref.target, key) is not None or (ref.target, key) in created
            if (ref.target, key) in deleted:
                found.append(Diagnostic(severity="error", rule="reference_to_deleted", kind=change.kind, key=change.key,
                                        summary=f"{dotted(path)} names {ref.target} {key!r}, which this plan deletes"))
            elif not exists:
                target_block = provider.kind(ref.target).block
                found.append(Diagnostic(
                    severity="error", rule="missing_reference", kind=change.kind, key=change.key,
                    summary=f"{dotted(path)} names {ref.target} {key!r}, which does not exist in the account",
                    detail=f"apply block {target_block} first (plan --block {target_block})"))
    return found
