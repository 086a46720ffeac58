"""Zendesk Support + Help Center emulator (see ``app.ZendeskEmulator``)."""

from providers.zendesk.emulator.app import ZendeskEmulator

__all__ = ["ZendeskEmulator"]
