"""The Textual user interface, layered on the core."""
