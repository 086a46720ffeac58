"""The quarterly platform audit: drift plus health checks from the playbook's maintenance schedule.

Each check lives in its own file under ``checks/`` and is registered by id in
``checks/__init__.py``; it speaks of concepts (SLA policies, time-based rules, webhooks, help
center articles…), never of a provider's kinds. A provider maps its kinds to those concepts
in an ``AuditProfile`` (``profile.py``); a check whose concept a provider lacks is skipped with
a note, never failed.
"""
