"""Emulated Freshdesk API v2 account for tests, the embedded default and loopback serving."""

from providers.freshdesk.emulator.app import FreshdeskEmulator

__all__ = ["FreshdeskEmulator"]
