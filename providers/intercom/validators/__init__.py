"""Intercom plan-time validators, one rule per file, registered by name (``--disable-validator``)."""

from __future__ import annotations

from providers.intercom.validators import (conversation_option_archive, data_attribute_replace,
                                           ticket_type_attribute_archive, ticket_type_attribute_type)

VALIDATORS = {
    data_attribute_replace.RULE: data_attribute_replace.check,
    ticket_type_attribute_type.RULE: ticket_type_attribute_type.check,
    ticket_type_attribute_archive.RULE: ticket_type_attribute_archive.check,
    conversation_option_archive.RULE: conversation_option_archive.check,
}
