"""``provisioner export``: a live account written as desired-state YAML that plans clean.

- ``shape``: each live object in desired-state terms (the same normalisation ``plan`` uses, so
  export and plan agree by construction), cut to the fields its kind's YAML model accepts,
  with duplicates pinned by ``match_id``.
- ``yaml_text``: deterministic YAML (a second export of the same account is byte-identical),
  written by ``yaml_emit`` with each scalar's text from ``yaml_scalars``: a small emitter that
  writes the same bytes as PyYAML's (``yaml_pyyaml``, kept as the reference and the fallback)
  several times faster.
- ``writer``: one file per kind, written into a folder without touching files it did not write.
"""
