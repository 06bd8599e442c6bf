"""Save what was typed when the terminal goes away or the app is told to stop.

Why: closing the terminal window (or a dropped ssh connection) sends SIGHUP,
and ``kill`` sends SIGTERM; Python's default for both ends the process at
once. The background writer saves a draft half a second after the last key,
so whatever was typed in that last half second was lost, with no notice the
user could still see. Both signals now take the quit path's save: the current
draft is handed to the writer, flushed, and the app leaves.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable

SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


def on_hang_up(save_and_leave: Callable[[], None]) -> None:
    """Run ``save_and_leave`` on the app's loop when SIGHUP or SIGTERM arrives.

    Only where the loop can take signal handlers (not on Windows, not off the
    main thread, as in some test runners): there the defaults stay.
    """
    loop = asyncio.get_running_loop()
    for signum in SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, save_and_leave)
