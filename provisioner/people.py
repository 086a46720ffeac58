"""People (agents, admins, users) named by email, and what happens when an account lacks one.

A kind whose natural key is ``email`` holds people. People are not declared in the YAML like
groups are: they exist (or not) in each account, so a reference to a person is checked against
the *target account* at plan time, never at load time. A person missing from the account is a
plan diagnostic (``missing_user``) before any request is made, never a half-applied change;
with ``fallback_user`` configured in ``provisioner.yaml`` the reference is pointed at that
person instead, with a warning, so a sandbox without the on-call lead still plans cleanly.

The substitution happens before the diff, so an account that already uses the fallback shows no
change, and the plan and the apply agree on whom each rule names.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from provisioner.desired.state import DesiredObject, DesiredState
from provisioner.kind import Kind
from provisioner.live import LiveState
from provisioner.plan.model import Diagnostic
from provisioner.provider import Provider
from provisioner.references import Ref, dotted, rewrite

PEOPLE_KEY = "email"


def names_people(kind: Kind) -> bool:
    """True for kinds whose objects are people identified by email."""
    return kind.natural_key == PEOPLE_KEY


def settle_people(state: DesiredState, provider: Provider, live: LiveState, kinds: list[Kind],
                  fallback: str | None) -> tuple[DesiredState, list[Diagnostic]]:
    """The desired state with every email reference checked against the account.

    Emails match case-insensitively and are rewritten to the account's spelling; a missing
    person becomes ``fallback`` (warning) or an error diagnostic.
    """
    people = {k.name for k in provider.kinds if names_people(k) and k.name in live.objects}
    if not people:
        return state, []
    known = {name: {o.key.lower(): o.key for o in live.of(name)} for name in people}
    for name in people:  # people this plan creates count as present
        known[name].update({o.key.lower(): o.key for o in state.of(name)})
    diagnostics: list[Diagnostic] = []
    objects = dict(state.objects)
    for kind in kinds:
        refs = tuple(r for r in kind.references if r.target in people)
        if not refs:
            continue
        objects[kind.name] = [_settle(kind, obj, refs, known, fallback, live.account, diagnostics)
                              for obj in state.of(kind.name)]
    return dataclasses.replace(state, objects=objects), diagnostics


def _settle(kind: Kind, obj: DesiredObject, refs: tuple[Ref, ...], known: dict[str, dict[str, str]],
            fallback: str | None, account: str, diagnostics: list[Diagnostic]) -> DesiredObject:
    def mapper(ref: Ref, value: Any, path: tuple[Any, ...]) -> Any:
        raw = str(value)
        if ref.key_prefix and not raw.startswith(ref.key_prefix):
            return value
        email = raw[len(ref.key_prefix):]
        present = known[ref.target].get(email.lower())
        if present is not None:
            return f"{ref.key_prefix}{present}"
        where = f"{dotted(path)} names {ref.target} {email!r}, who is not in the account {account}"
        substitute = known[ref.target].get(fallback.lower()) if fallback else None
        if substitute is not None:
            diagnostics.append(Diagnostic(
                severity="warning", rule="missing_user", kind=kind.name, key=obj.key,
                summary=f"{where}; using the fallback {substitute!r}",
                detail=f"fallback_user from provisioner.yaml ({obj.where(path)})"))
            return f"{ref.key_prefix}{substitute}"
        detail = (f"the fallback_user {fallback!r} is not in the account either" if fallback else
                  "add the person to the account first, or set fallback_user in provisioner.yaml "
                  "to name someone who is")
        diagnostics.append(Diagnostic(severity="error", rule="missing_user", kind=kind.name, key=obj.key,
                                      summary=where, detail=f"{detail} ({obj.where(path)})"))
        return value

    doc = rewrite(obj.doc, refs, mapper)
    return obj if doc == obj.doc else dataclasses.replace(obj, doc=doc)
