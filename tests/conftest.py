"""Suite-wide isolation: no test may touch the real home, colours or Textual env.

Every test gets its own ``REFLECT_HOME`` (so paths resolve into a temp dir),
an empty ``REFLECT_CONTENT_PATH``, and a clean terminal environment so
snapshots render the same on every machine.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import quickloop
from hypothesis import settings

for _name in list(os.environ):
    if _name.startswith("TEXTUAL_") or _name in {"NO_COLOR", "FORCE_COLOR"}:
        del os.environ[_name]
os.environ["COLUMNS"] = "120"


_TESTS = Path(__file__).parent


settings.register_profile("quick", max_examples=10)


def pytest_configure(config: pytest.Config) -> None:
    """Choose the hypothesis budget before any test module is imported.

    The quick loop (``-m "not tui and not slow"``) runs property tests with a
    tenth of their examples (``quickloop.examples``) and 10 instead of 100 for
    tests without an explicit count; CI's plain ``python -m pytest`` runs all.
    """
    quickloop.QUICK = quickloop.wants_quick(config.option.markexpr or "")
    if quickloop.QUICK:
        settings.load_profile("quick")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that starts the terminal UI with ``tui``.

    Set here rather than by hand, so a new TUI test cannot be forgotten:
    everything under ``tests/tui``, every ``test_tui_*.py`` and every test
    that takes a snapshot. ``-m "not tui and not slow"`` is the quick loop.
    """
    tui = pytest.mark.tui
    for item in items:
        path = item.path
        inside = path.is_relative_to(_TESTS / "tui")
        if inside or path.name.startswith("test_tui") or "snap_compare" in item.fixturenames:
            item.add_marker(tui)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private REFLECT_HOME per test; nothing leaks to the user's real folders."""
    home = tmp_path / "reflect-home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    monkeypatch.delenv("REFLECT_CONTENT_PATH", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home
