"""Write an exported account: one YAML file per kind, named ``<block>-<kind>.yaml``.

Files start with a header saying what wrote them and from which account (no timestamp, so two
exports of an unchanged account are byte-identical and diff cleanly). Export only ever
replaces or removes files that carry that header; any other YAML in the folder makes it stop
before writing anything, because a later ``plan`` of the folder would read both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from provisioner import __version__
from provisioner.environments import PROJECT_FILE
from provisioner.errors import UserError
from provisioner.export.shape import KindExport, referenced_system_keys, shape_kind
from provisioner.export.yaml_text import list_item, mapping_lines
from provisioner.live import LiveState
from provisioner.provider import Provider

MARKER = "# Exported by provisioner"


@dataclass
class ExportResult:
    """+ files: file name -> text. + kinds: per-kind details. + notes: warnings for stderr."""

    account: str
    files: dict[str, str] = field(default_factory=dict)
    kinds: list[KindExport] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(k.objects) for k in self.kinds)

    @property
    def notes(self) -> list[str]:
        return [note for k in self.kinds for note in k.notes]

    @property
    def invalid(self) -> list[str]:
        return [problem for k in self.kinds for problem in k.invalid]


def file_name(kind_block: int, kind_name: str) -> str:
    return f"{kind_block}-{kind_name}.yaml"


def build_export(provider: Provider, live: LiveState, environment: str | None = None) -> ExportResult:
    """Every readable kind of ``live`` as file texts; pure (no I/O), so tests can compare bytes."""
    result = ExportResult(live.account)
    source = f"the {provider.name} account {live.account}" + (f" (environment {environment})" if environment else "")
    keep = referenced_system_keys(list(provider.kinds), live)
    for kind in provider.kinds:
        if kind.name not in live.objects:
            continue
        shaped = shape_kind(kind, live, keep.get(kind.name, set()))
        result.kinds.append(shaped)
        if not shaped.objects:
            continue
        order = ("in the account's order (the YAML order is the live order)" if kind.ordered
                 else f"sorted by {kind.natural_key}")
        lines = [
            f"{MARKER} {__version__} from {source}.",
            f"# {len(shaped.objects)} {kind.name}, {order}; the account's own objects left out unless named.",
            "# Check it with 'provisioner plan <this folder>': it shows no changes for this account.",
            f"provider: {provider.name}",
            "",
            f"{kind.name}:",
        ]
        for obj in shaped.objects:
            if kind.singleton:
                lines += mapping_lines(obj.doc)
                continue
            if obj.comment:
                lines.append(f"  # {obj.comment}")
            lines += list_item(obj.doc)
        result.files[file_name(kind.block, kind.name)] = "\n".join(lines) + "\n"
    return result


def write_export(result: ExportResult, folder: Path) -> list[Path]:
    """Write the files into ``folder``; remove earlier exported files no longer produced."""
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder}: exists and is not a folder; export writes a folder of YAML files")
    stale: list[Path] = []
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if path.suffix not in {".yaml", ".yml"} or not path.is_file() or path.name == PROJECT_FILE:
                continue
            if any(part.startswith(".") for part in relative.parts):
                continue
            if not _exported(path):
                raise UserError(f"{path}: not written by export; export into a folder of its own "
                                "(a plan of the folder would read this file too)")
            if str(relative) not in result.files:
                stale.append(path)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in result.files.items():
        path = folder / name
        tmp = path.with_name(f".{name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        written.append(path)
    for path in stale:
        path.unlink()
    return written


def _exported(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MARKER)).decode("utf-8", "replace") == MARKER
