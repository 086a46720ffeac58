"""Helpers for tests and benchmarks that need realistic accounts (of the commands, only
``emulator serve --scenario`` imports them)."""
