"""Writing a whole text to standard output, or failing loudly.

Why: ``reflect export > backup.json`` on a nearly full disk once wrote
40 KB of 94 KB, invalid JSON, and exited 0. A ``write()`` may write less than
asked (a short write) and a full disk fails only on a later call; both must
end in a clear error and a non-zero exit, never in a silent half file. So the
bytes go to the file descriptor in a loop that checks every count, and any
``OSError`` becomes one Dutch line.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Iterable

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``; a write that makes no progress is an error."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        view = view[written:]


def write_stream_fully(stream: TextIO, text: str, what: str = "de uitvoer") -> None:
    """Write ``text`` to ``stream`` completely, or raise ``ReflectError``.

    A terminal (or a stream without a file descriptor, as in tests) gets
    ordinary text writes, so the terminal guard still cleans them; a file
    or pipe gets the encoded bytes through ``write_all``.
    """
    write_chunks_fully(stream, (text,), what)


def write_chunks_fully(stream: TextIO, chunks: Iterable[str], what: str = "de uitvoer") -> None:
    """``write_stream_fully`` for text that arrives in pieces (a streamed export)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        fd = _plain_fd(stream)
        if fd is None:
            for text in chunks:
                stream.write(text)
            stream.flush()
            return
        stream.flush()
        for text in chunks:
            write_all(fd, text.encode(encoding))
    except BrokenPipeError:
        raise
    except UnicodeEncodeError:
        raise ReflectError(
            f"{what} kan deze tekens niet weergeven (tekenset {encoding}); "
            "schrijf naar een bestand met -o."
        ) from None
    except OSError as exc:
        raise _write_failed(exc, what) from None


def write_utf8_chunks_fully(
    stream: TextIO, chunks: Iterable[bytes], what: str = "de uitvoer"
) -> None:
    """``write_chunks_fully`` for pieces already in UTF-8 (the streamed JSON export).

    To a file or pipe whose encoding is UTF-8 the bytes go as they are; any
    other stream gets the text, as ``write_chunks_fully`` writes it.
    """
    import codecs

    fd = _plain_fd(stream)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if fd is None or codecs.lookup(encoding).name != "utf-8":
        write_chunks_fully(stream, (data.decode("utf-8") for data in chunks), what)
        return
    try:
        stream.flush()
        for data in chunks:
            write_all(fd, data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _write_failed(exc, what) from None


def _write_failed(exc: OSError, what: str) -> ReflectError:
    return ReflectError(
        f"schrijven naar {what} is mislukt ({os_reason(exc)}); "
        "wat er staat is onvolledig, gebruik het niet."
    )


def _plain_fd(stream: TextIO) -> int | None:
    """The descriptor behind ``stream`` when it is a file or pipe (not a terminal)."""
    try:
        if stream.isatty():
            return None
        return stream.fileno()
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return None
