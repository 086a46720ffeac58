"""Intercom REST API 2.16 emulator (see ``app`` for the request pipeline, ``version`` for why 2.16).

Resource families live in their own modules, each with ``register(router, emulator)``.
"""

from .app import IntercomEmulator
from .version import API_VERSION

__all__ = ["IntercomEmulator", "API_VERSION"]
