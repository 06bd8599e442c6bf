"""The core: everything except the terminal UI. Never imports Textual."""
