"""How the living documents read Intercom's kinds (``provisioner.docs.model.DocsProfile``)."""
