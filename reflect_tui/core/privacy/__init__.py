"""Finding and replacing personal data in free text (no Textual, no network)."""
