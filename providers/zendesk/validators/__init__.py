"""Zendesk plan-time validators, one rule per file, registered by name.

Each catches something Zendesk would refuse (or accept and then ignore) before anything is
written; ``--disable-validator NAME`` switches one off.
"""

from __future__ import annotations

from providers.zendesk.validators import (automation_time_condition, custom_role_in_use, default_group,
                                          deprecated_targets, dynamic_content_placeholders, group_visibility,
                                          option_limit, trigger_category_in_use, trigger_category_order,
                                          unique_tags, view_columns, webhook_in_use)

VALIDATORS = {
    "default_group": default_group.check,
    "group_visibility": group_visibility.check,
    "custom_role_in_use": custom_role_in_use.check,
    "unique_tags": unique_tags.check,
    "option_limit": option_limit.check,
    "trigger_category_in_use": trigger_category_in_use.check,
    "trigger_category_order": trigger_category_order.check,
    "automation_time_condition": automation_time_condition.check,
    "view_columns": view_columns.check,
    "dynamic_content_placeholders": dynamic_content_placeholders.check,
    "webhook_in_use": webhook_in_use.check,
    "deprecated_targets": deprecated_targets.check,
}
