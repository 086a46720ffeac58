"""Generated desired states with many objects, for the 1,000-change tests and the benchmark.

``write_bulk(folder, n)`` writes YAML whose plan against a fresh account has ``n`` creates
spread over groups, ticket fields, macros, triggers and views, with references from the rules
to the groups and fields created in the same plan (so ids are fed forward under faults too).
``write_bulk(folder, n, revision=2)`` changes a tenth of them and drops a twentieth (pruned),
for a plan with updates and deletes as well.
"""

from __future__ import annotations

from pathlib import Path

import yaml

SHARES = {"groups": 0.3, "ticket_fields": 0.1, "macros": 0.3, "triggers": 0.15, "views": 0.15}


def counts(n: int) -> dict[str, int]:
    sizes = {kind: int(n * share) for kind, share in SHARES.items()}
    sizes["groups"] += n - sum(sizes.values())
    return sizes


def write_bulk(folder: Path, n: int, revision: int = 1) -> Path:
    sizes = counts(n)
    edited = (lambda i: revision > 1 and i % 10 == 3)
    dropped = (lambda i: revision > 1 and i % 20 == 7)
    groups = [{"name": f"Group {i:04d}", "description": f"queue {i}" + (" (revised)" if edited(i) else "")}
              for i in range(sizes["groups"]) if not dropped(i)]
    live_groups = [g["name"] for g in groups]
    fields = [{"title": f"Field {i:04d}", "type": "tagger",
               "custom_field_options": [{"name": "Yes", "value": f"f{i}_yes"}, {"name": "No", "value": f"f{i}_no"}]}
              for i in range(sizes["ticket_fields"])]
    macros = [{"title": f"Macro {i:04d}",
               "actions": [{"field": "group_id", "value": live_groups[i % len(live_groups)]},
                           {"field": "comment_value", "value": f"Reply {i}" + (" v2" if edited(i) else "")}]}
              for i in range(sizes["macros"])]
    triggers = [{"title": f"Trigger {i:04d}",
                 "conditions": {"all": [{"field": "update_type", "operator": "is", "value": "Create"},
                                        {"field": f"custom_fields:Field {i % len(fields):04d}", "operator": "is",
                                         "value": f"f{i % len(fields)}_yes"}]},
                 "actions": [{"field": "group_id", "value": live_groups[(i * 7) % len(live_groups)]}]}
                for i in range(sizes["triggers"])]
    views = [{"title": f"View {i:04d}",
              "conditions": {"all": [{"field": "group_id", "operator": "is", "value": live_groups[(i * 3) % len(live_groups)]},
                                     {"field": "status", "operator": "less_than", "value": "solved"}]}}
             for i in range(sizes["views"])]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "bulk.yaml"
    document = {"provider": "zendesk", "groups": {"prune": True, "items": groups}, "ticket_fields": fields,
                "macros": macros, "triggers": triggers, "views": views}
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    return folder
