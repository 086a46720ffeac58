"""Drift: how the live account differs from the reviewed YAML, as a report for people and CI.

``run.detect_drift`` plans with the same machinery as ``plan`` and turns the plan into a
``model.DriftReport``; ``formats`` renders it as text, JSON (versioned, docs/drift.md),
Markdown (job summaries, merge-request comments) or JUnit (one test case per managed object).
"""
