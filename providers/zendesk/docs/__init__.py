"""How the living documents read Zendesk's kinds (``provisioner.docs.model.DocsProfile``)."""
