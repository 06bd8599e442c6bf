"""Asking for a passphrase in the shell: never echoed, never an argument, never logged.

On a terminal ``getpass`` asks (it reads from the terminal itself, without
echo). When standard input is not a terminal (a script, a test), one line
of it is one answer: ``printf '%s\\n' "$WW" | reflect list``. An empty
answer or the end of the input stops with a Dutch message instead of a
traceback.
"""

from __future__ import annotations

import sys

from reflect_tui.core.errors import ReflectError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import TextIO

ASK = "Wachtwoord van het dagboek: "
ASK_NEW = "Nieuw wachtwoord: "
ASK_AGAIN = "Herhaal het nieuwe wachtwoord: "
WRONG_AGAIN = "Het wachtwoord klopt niet; probeer het opnieuw."
NO_INPUT = "er is geen wachtwoord gegeven; er is niets veranderd."
MISMATCH = "de twee wachtwoorden zijn niet gelijk; er is niets veranderd."
EMPTY = "een leeg wachtwoord kan niet; er is niets veranderd."
# Opening a journal (also for a read-only command such as ``list``): nothing
# was going to change, so these do not say that nothing changed.
NO_INPUT_OPEN = (
    "dit dagboek is versleuteld en er is geen wachtwoord gegeven; typ het op de terminal "
    "of geef het als eerste regel van de invoer (printf '%s\\n' \"$WW\" | reflect list)."
)
EMPTY_OPEN = "dit dagboek is versleuteld en een leeg wachtwoord opent het niet."


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _read_line() -> str:
    """One line of standard input, read byte by byte from its file descriptor.

    Why not ``sys.stdin.readline()``: that fills a buffer far past the line,
    and ``reflect import -`` then reads the rest of standard input from
    ``sys.stdin.buffer``: the start of the JSON would be gone. Reading the
    descriptor one byte at a time takes exactly the passphrase line. A
    replaced ``sys.stdin`` without a descriptor (tests) is read as text.
    """
    import io
    import os

    try:
        fd = sys.stdin.fileno()
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return sys.stdin.readline()
    data = bytearray()
    while not data.endswith(b"\n"):
        byte = os.read(fd, 1)
        if not byte:
            break
        data += byte
    return data.decode("utf-8", "replace")


def read_secret(prompt: str, stderr: TextIO | None = None, *, opening: bool = False) -> str:
    """One passphrase: ``getpass`` on a terminal, else one line of standard input.

    ``opening``: the passphrase opens the journal (any command, read-only ones
    too), so a missing or empty answer is told without "er is niets veranderd".
    """
    no_input, empty = (NO_INPUT_OPEN, EMPTY_OPEN) if opening else (NO_INPUT, EMPTY)
    if _is_tty(sys.stdin):
        import getpass

        try:
            answer = getpass.getpass(prompt)
        except EOFError:
            raise ReflectError(no_input) from None
    else:
        line = _read_line()
        if not line:
            raise ReflectError(no_input)
        answer = line.rstrip("\r\n")
    if not answer:
        raise ReflectError(empty)
    return answer


SHORT_WARNING = (
    "let op: dit wachtwoord is korter dan {n} tekens en daardoor makkelijker te raden; "
    "een zin van een paar woorden is sterker (wijzig het met 'reflect passphrase')."
)
SHORT = 12


def read_new_secret() -> str:
    """A new passphrase, asked twice (two lines when input is not a terminal).

    A short one is accepted with a warning rather than refused: the user
    chooses, but should know that the key derivation only slows guessing
    down, it does not make 'kort' hard to guess.
    """
    first = read_secret(ASK_NEW)
    if read_secret(ASK_AGAIN) != first:
        raise ReflectError(MISMATCH)
    if len(first) < SHORT:
        print(SHORT_WARNING.format(n=SHORT), file=sys.stderr)
    return first


def ask_for_journal(journal: Path, attempt: int, was_wrong: bool) -> str:
    """The CLI's passphrase source (``keys.set_passphrase_source``): three tries.

    On a terminal a wrong answer says "try again" and asks again. From a pipe
    nobody reads that line: the next line is simply the next try, and when the
    input ends after a wrong answer the command ends with "wrong passphrase"
    (not "no passphrase given", which would be untrue).
    """
    if not was_wrong:
        return read_secret(ASK, opening=True)
    if _is_tty(sys.stdin):
        print(WRONG_AGAIN, file=sys.stderr)
        return read_secret(ASK, opening=True)
    try:
        return read_secret(ASK, opening=True)
    except ReflectError as exc:
        if str(exc) != NO_INPUT_OPEN:
            raise
        from reflect_tui.core.journal.keys import WRONG_PASSPHRASE

        raise ReflectError(WRONG_PASSPHRASE) from None


def install() -> None:
    """Let every journal command ask for the passphrase of an encrypted journal."""
    from reflect_tui.core.journal import keys

    keys.set_passphrase_source(ask_for_journal)
