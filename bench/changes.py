"""The desired state of the apply benchmark: an exported account plus N creates and N updates.

Creates are new macros (a file of their own, as a team adding a batch of canned replies would
write); updates give existing triggers a new description (the exported trigger file rewritten).
Macros are unordered and the updated triggers keep their places, so the plan holds exactly
2 x N changes and no reorder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def with_changes(exported: Path, target: Path, count: int) -> Path:
    """Copy ``exported`` to ``target`` and add ``count`` macro creates and trigger updates."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(exported, target)
    creates = {"provider": "zendesk", "macros": [
        {"title": f"Benchmark reply {n:04d}", "description": "Added by the apply benchmark",
         "actions": [{"field": "status", "value": "pending"},
                     {"field": "comment_value", "value": f"Thanks for writing in; this is canned reply {n}."}]}
        for n in range(1, count + 1)]}
    (target / "9-benchmark-macros.yaml").write_text(yaml.dump(creates, Dumper=Dumper, sort_keys=False,
                                                              allow_unicode=True))
    triggers_file = next(target.glob("*-triggers.yaml"))
    document = yaml.load(triggers_file.read_text(), Loader=Loader)
    items = document["triggers"]["items"] if isinstance(document["triggers"], dict) else document["triggers"]
    editable = [t for t in items if "match_id" not in t]
    if len(editable) < count:
        raise SystemExit(f"the exported account has {len(editable)} triggers; {count} updates asked for")
    for n, trigger in enumerate(editable[:count], start=1):
        trigger["description"] = f"Reviewed by the apply benchmark ({n})"
    triggers_file.write_text(yaml.dump(document, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=10**6))
    return target
