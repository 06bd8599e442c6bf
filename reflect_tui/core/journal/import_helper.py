"""Reading an interchange file in a helper process while this one writes.

Why: an import has two halves of about equal cost, reading and checking
the JSON (Python) and writing rows, index and summary (SQLite). In one
process they take turns; with a helper process that parses, validates and
prepares the rows (``interchange_read.iter_journal_batches``) and sends them over a
pipe, the writer works on one batch while the next is being read, so a
machine with two cores imports in about the time of the larger half.

Nothing about the guarantees changes: the helper never touches the journal
(its copy of the open connection is never used; it leaves with ``os._exit``,
which runs no cleanup that could), the writer still writes
everything inside one transaction, and a flaw the helper finds arrives as
the same ``ReflectError`` at the point it was found, so the transaction is
rolled back and nothing is imported. Only on Linux (elsewhere ``fork``
is missing, or unsafe once system frameworks are loaded, as on macOS) and
only while no other thread runs; otherwise the file is read in this process.

The rows travel as ``marshal`` frames (8-byte length, then the data): one
``import_rows.Batch`` per frame, lists of tuples of str, int and None,
which ``marshal`` writes and reads in C and the writer hands to SQLite as
they come.

The helper reads ahead of the writer by up to ``_AHEAD`` frames (~20 MB):
a thread of its own writes them into the pipe. Why: a pipe holds about one
frame (1 MB), so with the parser writing itself the two processes ran in
lock step, each waiting for the other whenever one batch took the one a
little longer than the other (at 10,000 reflections, on a busy machine, the
helper sat 0.8 s in blocked writes while the writer waited 1 s for it).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import sys
from collections.abc import Iterator

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.journal.import_batch import Batch
from reflect_tui.core.output import write_all

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, BinaryIO, TextIO

_FRAME = 250  # reflections per frame
_HEADER = 8
_PIPE_BYTES = 1 << 20  # the default maximum an unprivileged process may ask for
_AHEAD = 24  # frames the helper may hold for the writer (~0.8 MB each at most)
_SWITCH = 0.0005  # seconds: how soon the sender gets its turn once the pipe has room


@contextlib.contextmanager
def prepared_rows(stream: TextIO, source: str) -> Iterator[Iterator[Batch]]:
    """The checked rows of the interchange document in ``stream``, read by a helper.

    The helper is forked on entry: before the journal is opened when the
    document is a file (it reads while the journal is opened), after it when
    the document comes on standard input (a passphrase may come first there).
    Leaving stops the helper whatever happened.
    """
    # Only here and in the helper: the reader's modules (the row builder, the
    # model) stay out of this process, which only writes (see ``import_batch``).
    if not sys.platform.startswith("linux") or _threads_running():
        from reflect_tui.core.journal.interchange_read import iter_journal_batches

        yield iter_journal_batches(stream, source, _FRAME)
        return
    read_end, write_end = os.pipe()
    with contextlib.suppress(AttributeError, OSError):  # Linux: room for a frame or two
        import fcntl

        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    try:
        pid = os.fork()
    except OSError:  # no room for another process: read here, as elsewhere
        os.close(read_end)
        os.close(write_end)
        from reflect_tui.core.journal.interchange_read import iter_journal_batches

        yield iter_journal_batches(stream, source, _FRAME)
        return
    if pid == 0:  # the helper: never returns
        os.close(read_end)
        _helper(stream, source, write_end)
    os.close(write_end)
    incoming = os.fdopen(read_end, "rb", buffering=1 << 16)
    try:
        yield _receive(incoming, source)
    finally:
        incoming.close()  # a helper still writing gets a broken pipe and stops
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)  # or one still reading a slow stdin
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)


def _threads_running() -> bool:
    """Whether a thread other than this one runs (then no ``fork``: a lock it holds
    would stay locked in the copy). Threads are made by ``threading``; a process
    that never imported it has none (and need not import it to know)."""
    threading = sys.modules.get("threading")
    return threading is not None and int(threading.active_count()) > 1


def _helper(stream: TextIO, source: str, fd: int) -> None:
    """Parse, check and send; leave with ``os._exit`` (no cleanup of the parent's objects).

    Without the cyclic garbage collector (as the writer's ``import_stream``):
    each element's objects are trees that reference counting frees once its
    rows are built, and the collector's passes over them were ~6 % of the
    helper's time. The helper makes nothing that lives on.
    """
    import gc

    gc.disable()
    from reflect_tui.core.journal.interchange_read import iter_journal_batches

    code = 0
    try:
        out = _Sender(fd)
        try:
            for batch in iter_journal_batches(stream, source, _FRAME):
                out.send(("batch", tuple(batch)))
            out.send(("end", None))
        except ReflectError as exc:
            out.send(("refused", str(exc)))
        except OSError as exc:
            out.send(("oserror", (exc.errno, exc.strerror)))
        out.close()
    except BaseException:  # a broken pipe (the writer stopped), Ctrl-C, a bug
        code = 1
    finally:
        os._exit(code)


class _Sender:
    """Frames written into the pipe by a thread, in order, up to ``_AHEAD`` ahead.

    Only in the helper process, which never forks and leaves with ``os._exit``.
    ``_thread`` and ``_queue`` (C): ``threading`` and ``queue`` are not needed
    for one thread and two queues. The pipe's write releases the GIL; the
    short switch interval hands the GIL to the sender soon after the writer
    has read (the parser holds it otherwise for up to 5 ms at a time).
    """

    def __init__(self, fd: int) -> None:
        import _queue
        import _thread

        sys.setswitchinterval(_SWITCH)
        self._fd = fd
        self._frames: Any = _queue.SimpleQueue()
        self._room: Any = _queue.SimpleQueue()
        for _ in range(_AHEAD):
            self._room.put(None)
        self._failed: list[BaseException] = []
        self._done = _thread.allocate_lock()
        self._done.acquire()
        _thread.start_new_thread(self._run, ())

    def send(self, message: tuple[str, Any]) -> None:
        """Queue one frame; wait while ``_AHEAD`` frames are still unsent."""
        data = marshal.dumps(message)
        self._room.get()
        if self._failed:
            raise self._failed[0]
        self._frames.put((len(data).to_bytes(_HEADER, "little"), data))

    def close(self) -> None:
        """Wait until every queued frame is in the pipe (or the pipe broke)."""
        self._frames.put(None)
        self._done.acquire()
        if self._failed:
            raise self._failed[0]

    def _run(self) -> None:
        try:
            while (frame := self._frames.get()) is not None:
                for part in frame:
                    write_all(self._fd, part)
                self._room.put(None)
        except BaseException as exc:  # the writer stopped reading: tell the parser
            self._failed.append(exc)
            self._room.put(None)
        finally:
            self._done.release()


def _receive(incoming: BinaryIO, source: str) -> Iterator[Batch]:
    while True:
        header = incoming.read(_HEADER)
        data = incoming.read(int.from_bytes(header, "little")) if len(header) == _HEADER else b""
        if not data:
            raise ReflectError(
                f"{source}: het lezen van het bestand stopte onverwacht; er is niets geïmporteerd."
            )
        kind, payload = marshal.loads(data)
        if kind == "batch":
            yield Batch(*payload)
        elif kind == "refused":
            raise ReflectError(payload)
        elif kind == "oserror":
            raise OSError(*payload)
        else:
            return
