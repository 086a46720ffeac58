"""Freshdesk plan-time validators, one rule per file, registered by name.

Each catches something the Freshdesk API would refuse (or silently accept and then ignore)
before anything is written; ``--disable-validator NAME`` switches one off.
"""

from __future__ import annotations

from providers.freshdesk.validators import (built_in_fields, custom_field_labels, default_form, section_choices,
                                            sla_policy_targets)

VALIDATORS = {
    "custom_field_labels": custom_field_labels.check,
    "built_in_fields": built_in_fields.check,
    "default_form": default_form.check,
    "section_choices": section_choices.check,
    "sla_policy_targets": sla_policy_targets.check,
}
