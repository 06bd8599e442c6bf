"""Command-line interface. Only the TUI command imports Textual, and only lazily."""
