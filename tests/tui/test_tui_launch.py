"""Starting the UI: a journal problem before the UI exists is one line, exit 1."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from reflect_tui.cli.context import CliContext
from reflect_tui.cli.tui_cmd import run_tui


def start(home: Path, stderr: io.StringIO) -> int:
    """What ``reflect`` (no subcommand) does with REFLECT_HOME set to ``home``."""
    args = argparse.Namespace(data_dir=None, content=None)
    ctx = CliContext(args=args, env={"REFLECT_HOME": str(home)}, stderr=stderr)
    return run_tui(args, ctx)


def test_corrupt_journal_is_one_line_on_stderr(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    (home / "journal.sqlite3").write_bytes(b"dit is geen database" * 100)
    err = io.StringIO()
    assert start(home, err) == 1
    lines = err.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("reflect: ")
    assert "Traceback" not in err.getvalue()


def test_a_second_window_is_warned_that_the_journal_is_open(tmp_path: Path, monkeypatch) -> None:
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.tui import strings
    from reflect_tui.tui.app import ReflectApp

    seen: list[tuple[str, ...]] = []

    def run(self: ReflectApp, *args: object, **kwargs: object) -> int:
        seen.append(self.notices)
        return 0

    monkeypatch.setattr(ReflectApp, "run", run)
    monkeypatch.setattr("reflect_tui.tui.launch._has_terminal", lambda: True)
    home = tmp_path / "home"
    err = io.StringIO()
    assert start(home, err) == 0  # the first window: no warning
    other = InstanceLock.acquire(home / "reflect.lock")  # another window is open
    assert other is not None
    try:
        assert start(home, err) == 0
    finally:
        other.release()
    assert strings.ALREADY_OPEN not in seen[0]
    assert strings.ALREADY_OPEN in seen[1]
    assert start(home, err) == 0  # closed again: no warning
    assert strings.ALREADY_OPEN not in seen[2]


def test_reflect_without_a_terminal_stops_at_once(tmp_path: Path) -> None:
    """Defect 11 of issue 18: ``reflect < /dev/null`` spun forever on a full core."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "REFLECT_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "reflect_tui"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "terminal" in result.stderr
    assert "\x1b" not in result.stdout
