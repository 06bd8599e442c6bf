"""reflect-tui: a terminal coaching app for reflecting on participation cases."""

__version__ = "0.1.0"
