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

for _name in list(os.environ):
    if _name.startswith("TEXTUAL_") or _name in {"NO_COLOR", "FORCE_COLOR"}:
        del os.environ[_name]
os.environ["COLUMNS"] = "120"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private REFLECT_HOME per test; nothing leaks to the user's real folders."""
    home = tmp_path / "reflect-home"
    monkeypatch.setenv("REFLECT_HOME", str(home))
    monkeypatch.delenv("REFLECT_CONTENT_PATH", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home
