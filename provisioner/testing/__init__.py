"""Helpers for tests and benchmarks that need realistic accounts (never imported by commands)."""
