"""The JSON export is streamed (flat memory) and byte-identical to what the release wrote."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from journal_fixtures.helpers import FIXTURES, open_store, reflections
from quickloop import examples

from reflect_tui.core.journal import fast_export
from reflect_tui.core.journal.interchange import dump_journal

# Written by the release with schema 2 (main at 6d642ce) from v2_journal.sqlite3:
# `reflect --data-dir DIR export --format json > v2_export.json`.
RELEASE_EXPORT = FIXTURES / "v2_export.json"


def _migrated_v2(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    shutil.copy(FIXTURES / "v2_journal.sqlite3", data / "journal.sqlite3")
    return data


def test_export_of_a_migrated_journal_is_byte_identical_to_the_release(tmp_path: Path) -> None:
    data = _migrated_v2(tmp_path)
    target = tmp_path / "out.json"
    command = [sys.executable, "-m", "reflect_tui", "--data-dir", str(data), "export"]
    to_file = subprocess.run([*command, "-o", str(target)], capture_output=True, check=True)
    assert target.read_bytes() == RELEASE_EXPORT.read_bytes()
    assert b"3 reflecties" in to_file.stderr
    to_pipe = subprocess.run(command, capture_output=True, check=True)
    assert to_pipe.stdout == RELEASE_EXPORT.read_bytes()


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(reflections, max_size=9, unique_by=lambda r: r.id))
def test_streamed_pieces_equal_the_interchange_definition_across_batches(items) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp)) as store:
        store.import_reflections(items)
        counted: list[int] = []
        old, fast_export.BATCH = fast_export.BATCH, 2  # several batches from a few items
        try:
            pieces = list(store.export_json_chunks(counted))
        finally:
            fast_export.BATCH = old
        assert "".join(pieces) == dump_journal(store.all())
        assert counted == [len(items)]
        assert len(pieces) == (len(items) + 1) // 2 + 1


def test_export_memory_does_not_hold_the_whole_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pieces are produced batch by batch: the first arrives before the last row is read."""
    from journal_fixtures.helpers import sample_reflection

    with open_store(tmp_path) as store:
        store.import_reflections([sample_reflection(f"id-{n:03d}") for n in range(7)])
        monkeypatch.setattr(fast_export, "BATCH", 3)
        pieces = store.export_json_chunks()
        first = next(pieces)
        assert first.count("\n    {") == 3  # one reflection per line
        rest = list(pieces)
    assert len(rest) == 3  # two more batches and the closing bracket


def _drivers() -> list[object]:
    """The plain driver and, where installed, ``sqlcipher3`` (its own, newer SQLite)."""
    import sqlite3

    found: list[object] = [sqlite3]
    try:
        import sqlcipher3  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return found
    return [*found, sqlcipher3]


# Every ASCII character (each control character escapes its own way), and text
# beyond it that a JSON encoder might escape but Python's does not.
_TRICKY = [chr(c) for c in range(128)] + ["\u2028\u2029", "😀 café", "\u202e", "a\x00b", ""]


@pytest.mark.parametrize("driver", _drivers(), ids=lambda d: getattr(d, "__name__", "?"))
def test_each_kinds_sql_gives_what_the_interchange_encoder_writes(driver) -> None:  # type: ignore[no-untyped-def]
    """``Kind.json_sql`` against ``json.dumps(to_json(from_db(stored)))``, per SQLite build.

    The export's SQL runs in the plain driver's SQLite and, for an encrypted
    journal, in SQLCipher's: both must escape exactly as Python's encoder does.
    """
    import json

    from reflect_tui.core.journal import kinds

    stored_values: dict[kinds.Kind, list[object]] = {
        kinds.TEXT: [*_TRICKY, "[bold]x[/]"],
        kinds.OPTIONAL_TEXT: [None, *_TRICKY],
        kinds.DAY: ["2026-12-02"],
        kinds.OPTIONAL_DAY: [None, "1999-01-31"],
        kinds.TIMESTAMP: ["2026-12-02T09:05:01.000000+00:00", "2026-12-02T09:05:01.120000+00:00"],
        kinds.TEXT_LIST: [None, "", "[]", json.dumps(["a", "\x01 é"], ensure_ascii=False)],
        kinds.FLAG: [0, 1],
        kinds.RATING: [None, 1, 5],
        kinds.COUNT: [1, 42],
    }
    conn = driver.connect(":memory:")  # type: ignore[attr-defined]
    try:
        conn.execute("CREATE TABLE v (x)")
        for kind, stored in stored_values.items():
            for value in stored:
                conn.execute("DELETE FROM v")
                conn.execute("INSERT INTO v VALUES (?)", (value,))
                (got,) = conn.execute(f"SELECT {kind.json_sql('x')} FROM v").fetchone()
                expected = json.dumps(kind.to_json(kind.from_db(value)), ensure_ascii=False)
                assert got == expected, (type(kind).__name__, value)
    finally:
        conn.close()


@pytest.mark.slow  # fresh interpreters
def test_stdout_gets_the_bytes_in_its_own_encoding(tmp_path: Path) -> None:
    """The UTF-8 pieces go out as they are only where stdout's encoding is UTF-8."""
    from journal_fixtures.helpers import sample_reflection

    home = tmp_path / "home"
    with open_store(home) as store:
        store.import_reflections([sample_reflection("id-1", title="Café op de hoek")])
        document = store.export_json()
    for encoding in ("utf-8", "latin-1"):
        env = {"PATH": "/usr/bin:/bin", "REFLECT_HOME": str(home), "PYTHONIOENCODING": encoding}
        done = subprocess.run(
            [sys.executable, "-m", "reflect_tui", "export"], env=env, capture_output=True
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == document.encode(encoding)
