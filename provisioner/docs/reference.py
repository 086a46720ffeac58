"""The account reference: every managed object by block, each reference linked to its target.

Generic over providers: it needs only the kinds' declarations and the reference table. With a
live account it also lists the objects the YAML does not manage.
"""

from __future__ import annotations

import re

from provisioner.desired.state import DesiredState
from provisioner.docs.markdown import cell
from provisioner.plan.model import Unmanaged
from provisioner.provider import Provider
from provisioner.references import collect, dotted
from provisioner.render.plan_text import BLOCK_NAMES

TITLE = "Account reference"


def object_anchor(kind: str, key: str) -> str:
    return f"{kind}-" + re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def render(provider: Provider, state: DesiredState, unmanaged: list[Unmanaged] | None) -> str:
    parts = [f"# {TITLE}", ""]
    for block in range(1, 10):
        kinds = [k for k in provider.kinds if k.block == block and state.of(k.name)]
        if not kinds:
            continue
        parts += [f"## Block {block}: {BLOCK_NAMES[block]}", ""]
        for kind in kinds:
            parts += [f"### {kind.name}", ""]
            if kind.summary:
                parts += [kind.summary, ""]
            parts += ["| Name | Refers to |", "|---|---|"]
            for obj in state.of(kind.name):
                links = []
                for ref, value, path in collect(obj.doc, kind.references):
                    raw = str(value)
                    if ref.key_prefix and not raw.startswith(ref.key_prefix):
                        continue
                    key = raw[len(ref.key_prefix):]
                    target = f"[{cell(key)}](#{object_anchor(ref.target, key)})" if state.find(ref.target, key) else cell(key)
                    links.append(f"{dotted(path)} → {ref.target} {target}")
                name = f'<a id="{object_anchor(kind.name, obj.key)}"></a>{cell(obj.key)}'
                parts.append(f"| {name} | {'<br>'.join(dict.fromkeys(links)) or '—'} |")
            parts.append("")
    if unmanaged is not None:
        parts += ["## Not managed by the desired state", ""]
        if not unmanaged:
            parts += ["Every live object is managed.", ""]
        by_kind: dict[str, list[str]] = {}
        for item in unmanaged:
            by_kind.setdefault(item.kind, []).append(item.key)
        for kind_name, keys in by_kind.items():
            parts += [f"- **{kind_name}**: " + ", ".join(cell(k) for k in sorted(keys))]
        parts.append("")
    return "\n".join(parts)
