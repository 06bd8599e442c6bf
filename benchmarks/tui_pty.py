"""Run a terminal program in a pseudo-terminal and time what it draws.

Why a pty and not Textual's headless mode: headless skips turning the
screen into terminal output, and a user waits for exactly that. Under a pty
the program runs as in a real terminal (driver, key parsing, output), and
the benchmark sees the bytes a terminal would show. Both the app and its
bare baseline are measured with this same code.

Text is found in the raw output: Textual writes a run of equally styled
characters as one piece, so a plain string (a heading, the typed letters)
shows up unbroken between the escape sequences.
"""

from __future__ import annotations

import codecs
import contextlib
import fcntl
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType

COLUMNS, ROWS = 100, 30
ALT_RIGHT = "\x1b[1;3C"
HOME = "\x1b[H"
CTRL_Q = "\x11"


def reflect_argv() -> list[str]:
    """The command that starts the installed reflect (the venv's script first)."""
    script = Path(sys.executable).with_name("reflect")
    if script.exists():
        return [str(script)]
    found = shutil.which("reflect")
    return [found] if found else [sys.executable, "-m", "reflect_tui"]


class Timeout(Exception):
    """The expected text did not appear in time."""


class PtyProgram:
    """One program on a fresh pseudo-terminal of ``COLUMNS`` x ``ROWS``."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str]) -> None:
        self.argv = list(argv)
        self.env = dict(env)
        self.master = -1
        self.process: subprocess.Popen[bytes] | None = None
        self.started = 0.0
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.output = ""  # everything since the last ``mark()``

    def start(self) -> float:
        """Spawn the program; the ``perf_counter`` time just before spawning."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.master = master
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=self.env,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        return self.started

    def mark(self) -> None:
        """Forget the output so far: the next wait looks only at newer output."""
        self.output = ""

    def _read(self, timeout: float) -> bool:
        """Read what is available within ``timeout``; False at end of output."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:  # EIO: the program closed the terminal
            return False
        if not data:
            return False
        self.output += self._decoder.decode(data)
        return True

    def wait_for(self, text: str, timeout: float = 20.0) -> float:
        """Read until ``text`` is in the output since ``mark()``; the time it arrived."""
        deadline = time.perf_counter() + timeout
        while text not in self.output:
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or not self._read(min(remaining, 0.05)):
                tail = self.output[-600:]
                raise Timeout(f"{self.argv[0]}: {text!r} did not appear; last output: {tail!r}")
        return time.perf_counter()

    def drain(self, seconds: float) -> None:
        """Keep reading for a while (the program must never block on a full pty)."""
        deadline = time.perf_counter() + seconds
        while (remaining := deadline - time.perf_counter()) > 0:
            if not self._read(min(remaining, 0.05)):
                return

    def send(self, keys: str) -> float:
        """Write key bytes as a terminal would; the time just before writing."""
        self.mark()
        now = time.perf_counter()
        os.write(self.master, keys.encode("utf-8"))
        return now

    def stop(self, timeout: float = 10.0) -> None:
        """Quit with ctrl+q (the app saves first); kill it if that takes too long."""
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(OSError):  # already gone
                os.write(self.master, CTRL_Q.encode())
            deadline = time.perf_counter() + timeout
            while self.process.poll() is None and time.perf_counter() < deadline:
                self.drain(0.05)
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)
        self.process = None

    def __enter__(self) -> PtyProgram:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
