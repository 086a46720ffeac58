"""Turn a desired state and a live state into a plan: diff every kind, order, validate."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from provisioner import __version__
from provisioner.desired.state import DesiredState
from provisioner.kind import Kind
from provisioner.interpolation import conceal, literal
from provisioner.live import LiveState
from provisioner.people import names_people, settle_people
from provisioner.plan.dependencies import referenced_first, referrers_deleted_first
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
    # From the selected environment (``provisioner.environments``): resolves ``${env:NAME}``
    # for comparing (plans keep the reference), and the person standing in for a missing one.
    resolve: Callable[[Any], Any] | None = None
    fallback_user: str | None = None


def selected_kinds(provider: Provider, blocks: frozenset[int] | None) -> list[Kind]:
    return [k for k in provider.kinds if blocks is None or k.block in blocks]


def plan_order(provider: Provider, change: Change) -> tuple[int, int, int, int]:
    """Where ``change`` goes in a plan: creates and updates block by block in kind order (a
    kind's reorder after its creates), then deletes in reverse, so referrers go before what
    they name. Plans and rollback's reverse plans both sort by it."""
    index = provider.kind_names.index(change.kind)
    if change.action == "delete":
        return (1, -change.block, -index, 0)
    return (0, change.block, index, 1 if change.action == "reorder" else 0)


def build_plan(state: DesiredState, provider: Provider, live: LiveState, request: PlanRequest) -> Plan:
    changes: list[Change] = []
    state, diagnostics = settle_people(state, provider, live, selected_kinds(provider, request.blocks),
                                       request.fallback_user)
    unmanaged = []
    for kind in selected_kinds(provider, request.blocks):
        opts = state.options.get(kind.name)
        ignore = set(opts.ignore if opts else ()) | set(request.ignore.get(kind.name, ()))
        diff_options = DiffOptions(
            prune=request.allow_delete or bool(opts and opts.prune),
            replace=kind.name in request.allow_replace or "all" in request.allow_replace,
            ignore=frozenset(ignore),
            ignore_objects=opts.ignore_objects if opts else (),
            resolve=request.resolve,
        )
        result = diff_kind(kind, state.of(kind.name), live.of(kind.name), diff_options)
        changes += result.changes
        diagnostics += result.diagnostics
        unmanaged += result.unmanaged
    changes.sort(key=lambda c: plan_order(provider, c))
    changes = referenced_first(provider, changes)  # a webhook (block 7) before the trigger naming it
    changes = referrers_deleted_first(provider, changes)  # and deleted after it
    changes = [_concealed(c, request.resolve) for c in changes]
    renamed = _note_renames(provider, changes, live)
    diagnostics += missing_references(provider, changes, live, renamed)
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


def _concealed(change: Change, resolve: Callable[[Any], Any] | None) -> Change:
    """The live side of a change without secrets: ``${env:...}`` values stay references."""
    if change.before is None:
        return change
    return change.model_copy(update={"before": conceal(change.after or {}, change.before, resolve)})


def _note_renames(provider: Provider, changes: list[Change], live: LiveState) -> set[tuple[str, str]]:
    """An object pinned with ``match_id`` may be renamed by an update; other changes of this
    plan may already name it by its new key (and its twin by the old one), and apply resolves
    keys through the plan's id map. Returns the renamed (kind, id) pairs."""
    renamed: set[tuple[str, str]] = set()
    for change in changes:
        if change.action == "update" and change.before is not None and change.id is not None:
            old = provider.kind(change.kind).key_of(change.before)
            if change.key != old:
                renamed.add((change.kind, str(change.id)))
                live.table.add(change.kind, change.key, change.id)
                rest = [o for o in live.matching(change.kind, old) if (change.kind, str(o.id)) not in renamed]
                if len(rest) == 1:
                    live.table.add(change.kind, old, rest[0].id)
    return renamed


def missing_references(provider: Provider, changes: list[Change], live: LiveState,
                       renamed: set[tuple[str, str]] | None = None) -> list[Diagnostic]:
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
            key = literal(raw[len(ref.key_prefix):])
            if names_people(provider.kind(ref.target)):
                continue  # checked, with the fallback, by provisioner.people before the diff
            exists = live.table.id_for(ref.target, key) is not None or (ref.target, key) in created
            twins = [o.id for o in live.matching(ref.target, key) if (ref.target, str(o.id)) not in (renamed or set())]
            if len(twins) > 1:
                found.append(Diagnostic(
                    severity="error", rule="ambiguous_reference", kind=change.kind, key=change.key,
                    summary=(f"{dotted(path)} names {ref.target} {key!r}, but {len(twins)} live {ref.target} "
                             f"share that name (ids {', '.join(map(str, twins))})"),
                    detail=(f"give them distinct names: pin each with 'match_id: <id>' in the {ref.target} "
                            "YAML and change its name there ('provisioner export' writes the pins)")))
            elif (ref.target, key) in deleted:
                found.append(Diagnostic(severity="error", rule="reference_to_deleted", kind=change.kind, key=change.key,
                                        summary=f"{dotted(path)} names {ref.target} {key!r}, which this plan deletes"))
            elif not exists:
                target_block = provider.kind(ref.target).block
                found.append(Diagnostic(
                    severity="error", rule="missing_reference", kind=change.kind, key=change.key,
                    summary=f"{dotted(path)} names {ref.target} {key!r}, which does not exist in the account",
                    detail=f"apply block {target_block} first (plan --block {target_block})"))
    return found
