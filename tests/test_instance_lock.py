"""One running terminal UI per journal is known to the next: the instance lock."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

from reflect_tui.core.instance import InstanceLock


def test_a_second_lock_on_the_same_file_is_refused_until_the_first_is_released(
    tmp_path: Path,
) -> None:
    path = tmp_path / "data" / "reflect.lock"
    first = InstanceLock.acquire(path)
    assert first is not None
    assert InstanceLock.acquire(path) is None
    first.release()
    again = InstanceLock.acquire(path)
    assert again is not None
    again.release()


def test_the_lock_file_and_its_folder_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        lock = InstanceLock.acquire(tmp_path / "data" / "reflect.lock")
    finally:
        os.umask(old)
    assert lock is not None
    lock.release()
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "data" / "reflect.lock").stat().st_mode) == 0o600


def test_a_killed_app_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = tmp_path / "reflect.lock"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from pathlib import Path
                from reflect_tui.core.instance import InstanceLock
                lock = InstanceLock.acquire(Path({str(path)!r}))
                print("held" if lock else "refused", flush=True)
                time.sleep(60)
                """
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        assert InstanceLock.acquire(path) is None
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    lock = InstanceLock.acquire(path)
    assert lock is not None
    lock.release()


def test_an_unusable_lock_place_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    lock = InstanceLock.acquire(blocker / "reflect.lock")  # its folder cannot exist
    assert lock is not None
    lock.release()
