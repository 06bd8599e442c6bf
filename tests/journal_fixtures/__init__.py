"""Helpers and fixtures for the journal tests (tests/test_journal_*.py)."""
