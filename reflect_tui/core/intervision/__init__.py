"""Intervision mode without a UI: roles, the round runner, question harvesting, outcomes."""
