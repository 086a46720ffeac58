"""How the living documents read Freshdesk's kinds (``provisioner.docs.model.DocsProfile``)."""
