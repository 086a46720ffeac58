"""What the Intercom kinds share: strict YAML models, friendly refusals, canonical list order.

Lists of values whose order Intercom does not keep (labels, options, team ids) are declared
``Kind.unordered``. Lists of objects (a ticket type's attributes, schedule intervals and
exceptions) are put in one canonical order on both sides instead — by the YAML model when it is
loaded, and by the kind's ``normalize`` when live objects are read — since they are compared
field by field, not as wholes. Order alone never shows as drift.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from pydantic import BaseModel, ConfigDict
from pydantic_core import PydanticCustomError


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def refuse(message: str) -> PydanticCustomError:
    """A validation error whose message is shown as is (no "Value error," prefix)."""
    return PydanticCustomError("intercom_rule", message)


def refuse_duplicates(items: Iterable[Any], key: Callable[[Any], Any], what: str) -> None:
    seen: set[Any] = set()
    for item in items:
        value = key(item)
        if value in seen:
            raise refuse(f"{what} {value!r} appears twice")
        seen.add(value)


def other_translations(doc: dict[str, Any], keep: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """``translated_content`` without its ``type`` tags and without the default locale (whose
    content is the object's own top-level fields); removed when nothing else is left.

    Called by ``normalize`` on live objects; ``default_locale`` is consumed here."""
    default = doc.pop("default_locale", None)
    content = doc.pop("translated_content", None)
    if not isinstance(content, dict):
        return
    others = {locale: keep({k: v for k, v in value.items() if k != "type"})
              for locale, value in content.items()
              if locale not in ("type", default) and isinstance(value, dict)}
    if others:
        doc["translated_content"] = others


def as_int(value: Any) -> Any:
    """Teammate ids read as strings (``/admins``) but are sent as integers (``author_id``)."""
    return int(value) if isinstance(value, str) and value.isdigit() else value
