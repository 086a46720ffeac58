"""The example desired states, as a user would start from them."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import EXAMPLES


def copy_example(provider: str, destination: Path) -> Path:
    """Copy ``desired_state/<provider>/*.yaml`` (the example itself, not blueprints kept in
    sub-folders next to it) into ``destination``."""
    destination.mkdir(parents=True)
    for source in sorted((EXAMPLES / provider).glob("*.yaml")):
        shutil.copy(source, destination / source.name)
    return destination
