"""The import helper's sender: frames go into the pipe in order, the parser runs up to
``_AHEAD`` frames ahead of a writer that does not read, and a writer that stopped
reading is an error for the parser, never a hang."""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Iterator

import pytest

from reflect_tui.core.journal import import_helper

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the helper process is used on Linux only"
)


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    """A pipe, and the switch interval as it was (the sender shortens it: in the helper
    process that is what it should do, here it must not outlive the test)."""
    interval = sys.getswitchinterval()
    read_end, write_end = os.pipe()
    try:
        yield read_end, write_end
    finally:
        for fd in (read_end, write_end):
            with contextlib.suppress(OSError):  # closed by the test already
                os.close(fd)
        sys.setswitchinterval(interval)


def _read_frame(fd: int) -> object:
    def exactly(n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = os.read(fd, n - len(data))
            assert chunk, "the pipe ended inside a frame"
            data += chunk
        return data

    size = int.from_bytes(exactly(import_helper._HEADER), "little")
    return marshal.loads(exactly(size))


def test_frames_larger_than_the_pipe_are_queued_ahead_and_arrive_in_order(
    pipe: tuple[int, int],
) -> None:
    read_end, write_end = pipe
    count = 8  # 8 x 300 KB: more than twice what the pipe holds, fewer than _AHEAD
    assert count < import_helper._AHEAD
    sender = import_helper._Sender(write_end)
    for n in range(count):  # nobody reads yet: none of these may block
        sender.send(("batch", (n, "x" * 300_000)))
    sender.send(("end", None))
    received = [_read_frame(read_end) for _ in range(count + 1)]
    sender.close()  # everything is in the pipe now
    assert received == [("batch", (n, "x" * 300_000)) for n in range(count)] + [("end", None)]


def test_a_writer_that_stopped_reading_stops_the_parser(pipe: tuple[int, int]) -> None:
    read_end, write_end = pipe
    os.close(read_end)
    sender = import_helper._Sender(write_end)
    with pytest.raises(BrokenPipeError):
        for n in range(import_helper._AHEAD + 2):
            sender.send(("batch", (n, "y" * 1000)))
        sender.close()
