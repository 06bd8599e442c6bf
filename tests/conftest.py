"""Suite-wide isolation: no test may touch the real home, colours or Textual env.

Every test gets its own ``REFLECT_HOME`` (so paths resolve into a temp dir),
an empty ``REFLECT_CONTENT_PATH``, and a clean terminal environment so
snapshots render the same on every machine.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

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
    monkeypatch.setenv("REFLECT_KEYRING", "off")  # never a real OS keyring (issue 17)
    monkeypatch.delenv("REFLECT_CONTENT_PATH", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home


@pytest.fixture(autouse=True, scope="session")
def static_data_read_once() -> Iterator[None]:
    """Read the data that ships with the package once per test process, not once per test.

    Why: every test has its own ``REFLECT_HOME``, so no on-disk cache survives
    from one test to the next, and each test that coaches or loads content
    paid again for work whose input never changes during a run: reading and
    validating the built-in content folder (~50 ms, over a hundred times) and
    decoding and sorting simplemma's Dutch dictionary (~1 s each time). Both
    are pure functions of files in the installed packages, so the results are
    kept here. The content memo is keyed by the folder and every file's size
    and mtime, so a test that points ``builtin_content_dir`` at a fixture or
    edits a copy gets its own reading; the code paths themselves still run
    (the first time, and for every other input), and each test still gets its
    own ``REFLECT_HOME``, content cache file and lemma table file.
    """
    from reflect_tui.core import lemma_table
    from reflect_tui.core.content import loader

    with pytest.MonkeyPatch.context() as patch:
        if hasattr(loader, "_builtin_layer"):
            patch.setattr(loader, "_builtin_layer", _builtin_layer_once(loader))
        if hasattr(lemma_table, "_decoded") and hasattr(lemma_table, "table_bytes"):
            decoded, table_bytes = _lemma_table_once(lemma_table)
            patch.setattr(lemma_table, "_decoded", decoded)
            patch.setattr(lemma_table, "table_bytes", table_bytes)
        yield


def _builtin_layer_once(loader: Any) -> Any:
    """``loader._builtin_layer`` remembered per folder state (never a failed reading)."""
    original = loader._builtin_layer
    memo: dict[tuple[str, tuple[tuple[str, int, int], ...]], Any] = {}

    def once() -> Any:
        folder = Path(loader.builtin_content_dir())
        files = sorted(folder.rglob("*")) if folder.is_dir() else [folder]
        stamp = tuple((str(f), st.st_size, st.st_mtime_ns) for f in files for st in [f.stat()])
        key = (str(folder), stamp)
        if key not in memo:
            memo[key] = original()  # a broken folder raises and is not remembered
        return memo[key]

    return once


def _lemma_table_once(lemma_table: Any) -> tuple[Any, Any]:
    """The decoded dictionary and its table bytes, each computed at most once."""
    original_decoded, original_bytes = lemma_table._decoded, lemma_table.table_bytes
    kept: dict[str, Any] = {}

    def decoded() -> Mapping[str, Any]:
        if "forms" not in kept:
            kept["forms"] = original_decoded()
        return kept["forms"]  # type: ignore[no-any-return]

    def table_bytes(forms: Mapping[str, Any]) -> bytes:
        if forms is not kept.get("forms"):
            return original_bytes(forms)  # type: ignore[no-any-return]
        if "bytes" not in kept:
            kept["bytes"] = original_bytes(forms)
        return kept["bytes"]  # type: ignore[no-any-return]

    return decoded, table_bytes
