"""Run a Textual program until the first frame that shows a marker, then stop at once.

Usage: ``python tui_first_frame.py MARKER SCRIPT [ARGS ...]``. ``bench_tui.py``
runs this under valgrind's callgrind to count the instructions a start-up
takes up to its first useful frame. Unlike time, that count does not move
with the machine's load, so it shows the real cost beside the noisy
timings. Both apps (reflect's console script and the bare baseline) are run
through this same wrapper, so the wrapper's own small cost is on both sides.

How: the terminal driver's ``write`` is wrapped; when the output handed to
it contains MARKER, the process ends with ``os._exit`` (no clean-up, which
would only add instructions that the user never waits for).
"""

from __future__ import annotations

import os
import runpy
import sys


def main() -> None:
    marker, script, *rest = sys.argv[1:]
    from textual.drivers.linux_driver import LinuxDriver

    original = LinuxDriver.write

    def write(self: LinuxDriver, data: str) -> None:
        original(self, data)
        if marker in data:
            os._exit(0)

    LinuxDriver.write = write  # type: ignore[method-assign]
    sys.argv = [script, *rest]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
