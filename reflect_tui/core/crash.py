"""Crash reports: what went wrong and where, on screen; the details in a private file.

Why: an unhandled error in the terminal UI made Textual print a 1,884-line
traceback whose local variables held the user's answers, on the screen
and in any terminal scrollback or log. Here the screen gets one short
notice (the place in the code, the error type, where the report is), and
the report file, 0600 inside the data folder, holds the traceback's frames
(file, line, function, code) but no local variables and no error message,
since both can quote journal text.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from reflect_tui.core.paths import ensure_private_dir, write_private_file

REPORTS_DIR = "crash-reports"
_PACKAGE = os.sep + "reflect_tui" + os.sep


class CrashReport(NamedTuple):
    """Where the error happened, what kind it was, and the report's path (or None)."""

    place: str
    kind: str
    path: Path | None


def _frame_place(frame: traceback.FrameSummary) -> str:
    if _PACKAGE in frame.filename:
        where = frame.filename.split(_PACKAGE)[-1].removesuffix(".py").replace(os.sep, ".")
    else:
        where = Path(frame.filename).stem
    return f"{where}:{frame.name}:{frame.lineno}"


def place_of(error: BaseException) -> str:
    """Where it broke: the innermost frame in reflect's own code, and, when the
    error rose in code it called (Textual, a plugin), that innermost frame too.

    Why both: the app's key handling (``ReflectApp.on_event``) sits on the stack
    of nearly every crash, so "the innermost frame of ours" alone often named
    that pass-through instead of the place that failed.
    """
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return "onbekend"
    ours = [f for f in frames if _PACKAGE in f.filename]
    innermost = frames[-1]
    if not ours:
        return _frame_place(innermost)
    if ours[-1] is innermost:
        return _frame_place(innermost)
    return f"{_frame_place(ours[-1])} → {_frame_place(innermost)}"


def report_text(error: BaseException, now: datetime) -> str:
    """The report: time, error type, and the frames of each chained error (no values)."""
    lines = [
        "reflect crash report",
        f"time: {now.isoformat()}",
        "Local variables and the error's message are left out: they can hold journal text.",
        "",
    ]
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for exc in reversed(chain):
        lines.append(f"{type(exc).__module__}.{type(exc).__qualname__}")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append("")
    return "\n".join(lines)


def write_crash_report(data_dir: Path, error: BaseException) -> CrashReport:
    """Write a report for ``error`` into ``data_dir/crash-reports`` (0600); never raises."""
    now = datetime.now(UTC)
    place, kind = place_of(error), type(error).__name__
    try:
        folder = ensure_private_dir(data_dir / REPORTS_DIR)
        path = folder / f"crash-{now.strftime('%Y%m%dT%H%M%S%f')}.txt"
        write_private_file(path, report_text(error, now).encode("utf-8", "replace"))
    except OSError:
        return CrashReport(place, kind, None)
    return CrashReport(place, kind, path)
