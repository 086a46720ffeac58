"""provisioner: helpdesk configuration as code (Zendesk, Freshdesk, Intercom)."""

__version__ = "0.1.0"
