"""Content: the typed model, safe YAML, layered loading and validation."""
