"""What triggers, automations, macros, views and SLA filters share: conditions, actions, refs.

Zendesk names other objects inside rules in several ways; each is one ``Ref`` row here:
a condition or action on ``group_id``/``ticket_form_id``/``brand_id`` carries the id as its value
(a string), a custom field appears in the *field name* as ``custom_fields_<id>`` (written
``custom_fields:<title>`` in YAML), and a group restriction lists ids.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticCustomError

from provisioner.references import Ref

# Values that sit where an id would but name no object.
NOT_A_REFERENCE = frozenset({"", "current_groups", "current_user", "requester_id", "assignee_id",
                             "group_id", "null", "none"})
CUSTOM_FIELD_ID, CUSTOM_FIELD_KEY = "custom_fields_", "custom_fields:"
VALUE_REFERENCES = {"group_id": "groups", "ticket_form_id": "ticket_forms", "brand_id": "brands",
                    "schedule_id": "schedules", "set_schedule": "schedules", "custom_status_id": "custom_statuses"}


# Kinds this provider declares that rules may point at; add a kind here when it gains a file.
KNOWN_KINDS = {"groups", "ticket_fields", "ticket_forms", "brands", "schedules", "custom_statuses", "webhooks",
               "targets"}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def refuse(message: str) -> PydanticCustomError:
    """A YAML validation error whose message is shown as written (no "Value error," prefix)."""
    return PydanticCustomError("zendesk_rule", message)


class Condition(Strict):
    field: str
    operator: str
    value: Any = None


class Conditions(Strict):
    all: list[Condition] = []
    any: list[Condition] = []


class Action(Strict):
    field: str
    value: Any = None


class Restriction(Strict):
    type: str
    id: int | str | None = None
    ids: list[Any] | None = None


def condition_refs(prefix: str, known_kinds: set[str] = KNOWN_KINDS) -> tuple[Ref, ...]:
    """Refs inside a list of ``{field, operator?, value}`` entries at ``prefix`` (e.g. ``conditions.all[]``)."""
    refs = [Ref(f"{prefix}.field", "ticket_fields", id_prefix=CUSTOM_FIELD_ID, key_prefix=CUSTOM_FIELD_KEY)]
    for field_name, target in VALUE_REFERENCES.items():
        if target in known_kinds:
            refs.append(Ref(f"{prefix}.value", target, when=("field", (field_name,)),
                            literals=NOT_A_REFERENCE, id_as_string=True))
    return tuple(refs)


def rule_refs(known_kinds: set[str] = KNOWN_KINDS, *, conditions: bool = True, actions: bool = True) -> tuple[Ref, ...]:
    refs: list[Ref] = []
    if conditions:
        refs += condition_refs("conditions.all[]", known_kinds) + condition_refs("conditions.any[]", known_kinds)
    if actions:
        refs += condition_refs("actions[]", known_kinds)
        refs.append(Ref("actions[].value[0]", "groups", when=("field", ("notification_group",)),
                        literals=NOT_A_REFERENCE, id_as_string=True))
        if "webhooks" in known_kinds:
            refs.append(Ref("actions[].value[0]", "webhooks", when=("field", ("notification_webhook",)),
                            id_as_string=True))
        if "targets" in known_kinds:
            refs.append(Ref("actions[].value[0]", "targets", when=("field", ("notification_target",)),
                            id_as_string=True))
    return tuple(refs)


RESTRICTION_REF = Ref("restriction.ids", "groups", when=("type", ("Group",)))
# Zendesk also answers a group restriction with ``id`` (the first of ``ids``): a group id too.
RESTRICTION_ID_REF = Ref("restriction.id", "groups", when=("type", ("Group",)))
