"""Turning SQLite and file-system failures into one clear Dutch line.

Why a translation layer: the CLI and the TUI must show "de schijf is vol"
rather than ``sqlite3.OperationalError: database or disk is full``, and
must never show a traceback. The messages never contain journal text;
SQLite's own messages do not either.
"""

from __future__ import annotations

import sqlite3
import sys

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from pathlib import Path

    from reflect_tui.core.paths import StrPath

_CIPHER_DRIVER = "sqlcipher3.dbapi2"


def db_errors(name: str = "Error", *extra: type[BaseException]) -> tuple[type[BaseException], ...]:
    """The exception classes called ``name`` of every database driver in use, plus ``extra``.

    Why a function and not ``sqlite3.Error``: an encrypted journal is opened
    through ``sqlcipher3`` (see ``connection.py``), whose exceptions are its own
    classes, not subclasses of ``sqlite3``'s. Every ``except`` around journal
    work asks here, so it catches both drivers' errors. The cipher driver is
    only looked up when it was already imported (by opening an encrypted
    journal): asking never imports it, so a plain start stays as fast as before.
    ``name`` is a DB-API class name: ``Error``, ``DatabaseError``,
    ``OperationalError``, ``IntegrityError``.
    """
    found: list[type[BaseException]] = [getattr(sqlite3, name)]
    cipher = sys.modules.get(_CIPHER_DRIVER)
    if cipher is not None:
        found.append(getattr(cipher, name))
    found.extend(extra)
    return tuple(found)


class DamagedJournal(ReflectError):
    """The journal file is damaged or not a reflect journal.

    Its own type so ``reflect doctor`` can say what it found without the
    advice this message carries (which names ``reflect doctor`` itself):
    ``reason`` is a short Dutch reason or empty, ``technical`` SQLite's own
    (English) words or empty.
    """

    def __init__(self, path: StrPath, reason: str = "", technical: str = "") -> None:
        super().__init__(corrupt_message(path, reason, technical))
        self.reason = reason
        self.technical = technical


def technical_note(text: object) -> str:
    """SQLite's own (English) words, labelled as such: "(technisch, van SQLite: ...)".

    Why one formatter: every message that shows SQLite's text (doctor, restore,
    backup, the TUI's start-up notice) must mark it the same way, so a user
    sees the Dutch line is the message and the English is only a detail.
    Empty text gives an empty string.
    """
    words = str(text).strip()
    return f"(technisch, van SQLite: {words})" if words else ""


def error_words(exc: BaseException) -> str:
    """A short reason for an error inside a Dutch sentence, never bare SQLite English.

    Our own ``ReflectError`` gives its message, an OS error its Dutch reason
    (``os_reason``), a database error SQLite's words labelled as in
    ``technical_note`` but without its brackets (callers put it in theirs).
    """
    if isinstance(exc, ReflectError):
        return exc.message
    if isinstance(exc, db_errors()):
        return technical_note(exc)[1:-1]
    if isinstance(exc, OSError):
        return os_reason(exc)
    return str(exc)


def corrupt_message(path: StrPath, reason: str = "", technical: str = "") -> str:
    """The damaged-journal line: a short Dutch reason, then SQLite's words labelled."""
    parts = [f"({reason})" if reason else "", technical_note(technical)]
    extra = "".join(f" {part}" for part in parts if part)
    return (
        f"{path} is beschadigd of is geen dagboek van reflect{extra}; het bestand is niet "
        f"gewijzigd. {restore_advice(path)}"
    )


# The damaged-journal advice (Dutch: shown to the user), see ``restore_advice``.
ADVICE_DOCTOR = (
    "Red eerst met 'reflect doctor' wat nog leesbaar is{count} in een nieuw dagboek ernaast "
    "(het origineel blijft ongemoeid)."
)
ADVICE_DOCTOR_COUNT = " (het dagboek telt nog {n})"
# The table is damaged but an index still lists rows: how many can be read is unknown.
ADVICE_DOCTOR_LISTED = " (het dagboek noemt nog {n}, maar niet alles is leesbaar)"
ADVICE_BACKUPS = " Back-ups in {folder} (terugzetten met 'reflect restore BESTAND'): {listed}."
ADVICE_BEST_BACKUP = (
    "Zet de back-up met de meeste reflecties terug: 'reflect restore {path}' ({n}, "
    "gemaakt {made}); of red met 'reflect doctor' wat nog leesbaar is{count}."
)
ADVICE_NO_BACKUP = (
    "Er is nog geen back-up; 'reflect doctor' redt wat nog leesbaar is in een nieuw "
    "dagboek ernaast (het origineel blijft ongemoeid)."
)
ADVICE_UNCOUNTED = "aantal onbekend"
ADVICE_LISTED = 3  # backups named in the line (newest first); restore lists them all


def restore_advice(journal_path: StrPath) -> str:
    """What to do about a damaged journal, leading with what saves the most.

    Why count: the newest backup is not always the fullest. A tester's was
    the day's first-start copy with 0 reflections, while 'reflect doctor'
    rescued all 4 from the damaged journal. So the reflections still
    countable in the damaged journal and in each backup are counted here,
    read-only and with plain ``sqlite3`` (never ``connect_file``, which could
    raise this very error again). This runs only when damage was found, so it
    costs nothing on a healthy start. Doctor leads unless a backup holds more
    than the damaged journal still counts: it never changes the original and
    a backup can still be restored after it.

    Every message that tells the user to restore a backup comes through here,
    so it never points at a backup that does not exist.
    """
    from reflect_tui.core.journal.backup import list_backups
    from reflect_tui.core.paths import backups_dir_beside
    from reflect_tui.core.wording import counted

    folder = backups_dir_beside(journal_path)
    try:
        found = list_backups(folder)
    except OSError:
        found = []
    if not found:
        return ADVICE_NO_BACKUP
    from reflect_tui.core.journal.connection import count_reflections

    backups = [(path, count_reflections(path)) for path in found]
    readable = count_reflections(journal_path, readable=True)

    def many(n: int | None) -> str:
        return ADVICE_UNCOUNTED if n is None else counted(n, "reflectie", "reflecties")

    if readable is not None:
        count = ADVICE_DOCTOR_COUNT.format(n=many(readable))
    else:  # say what is known: what an index still lists, never as readable
        listed_n = count_reflections(journal_path)
        count = "" if not listed_n else ADVICE_DOCTOR_LISTED.format(n=many(listed_n))
    best_path, best = fullest(backups)
    if backup_leads(best, readable):
        from reflect_tui.core.dates import format_date

        made = _made(best_path)
        return ADVICE_BEST_BACKUP.format(
            path=best_path, n=many(best), made=format_date(made) if made else "?", count=count
        )
    listed = ", ".join(f"{path.name} ({many(n)})" for path, n in backups[:ADVICE_LISTED])
    return ADVICE_DOCTOR.format(count=count) + ADVICE_BACKUPS.format(folder=folder, listed=listed)


def fullest(backups: Sequence[tuple[Path, int | None]]) -> tuple[Path, int | None]:
    """The backup holding the most reflections (uncountable ones last; newest on a tie)."""
    return max(backups, key=lambda item: -1 if item[1] is None else item[1])


def backup_leads(backup: int | None, rescued: int | None) -> bool:
    """Whether restoring a backup of ``backup`` reflections saves more than the rescue.

    ``rescued``: what 'reflect doctor' rescued, or what the damaged journal can
    still be read to hold (None: unknown, counted as nothing). One rule for the
    damaged-journal advice and for doctor's own advice after a rescue, so the
    two never recommend opposite things.
    """
    return backup is not None and backup > (rescued if rescued is not None else 0)


def fullest_backup(journal_path: StrPath) -> tuple[Path, int | None] | None:
    """The journal's fullest backup and its count, or None when it has none."""
    from reflect_tui.core.journal.backup import list_backups
    from reflect_tui.core.journal.connection import count_reflections
    from reflect_tui.core.paths import backups_dir_beside

    try:
        found = list_backups(backups_dir_beside(journal_path))
    except OSError:
        return None
    if not found:
        return None
    return fullest([(path, count_reflections(path)) for path in found])


def _made(path: StrPath) -> date | None:
    """The day a backup was written (its file time), for telling backups apart."""
    import os
    from datetime import datetime

    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime).date()
    except (OSError, ValueError, OverflowError):
        return None


def translate(exc: BaseException, path: StrPath) -> ReflectError:
    """A ``ReflectError`` that says what went wrong and what still is safe."""
    if isinstance(exc, ReflectError):
        return exc
    text = str(exc).lower()
    if isinstance(exc, db_errors()):
        if "locked" in text or "busy" in text:
            return ReflectError(
                f"het dagboek {path} is bezet door een ander programma (staat reflect nog "
                "ergens open?); probeer het zo opnieuw. Er is niets verloren."
            )
        if "full" in text:
            return ReflectError(
                f"de schijf is vol: de laatste wijziging in {path} is niet opgeslagen; "
                "wat eerder was opgeslagen is veilig. Maak ruimte vrij en probeer opnieuw."
            )
        if "readonly" in text or "read-only" in text:
            return ReflectError(
                f"kan niet schrijven in {path}: het bestand of de map is alleen-lezen. "
                "Wat eerder was opgeslagen is veilig."
            )
        if "unable to open" in text or "cannot open" in text:
            return ReflectError(
                f"kan het dagboek {path} niet openen: bestaat de map en mag je erin schrijven?"
            )
        if "malformed" in text or "not a database" in text or "corrupt" in text:
            return DamagedJournal(path, technical=str(exc))
        if "disk i/o" in text:
            return ReflectError(
                f"schijffout bij het lezen of schrijven van {path}; controleer de schijf. "
                "Wat eerder was opgeslagen is veilig."
            )
        return ReflectError(f"databasefout in {path} {technical_note(exc)}.")
    if isinstance(exc, PermissionError):
        return ReflectError(f"geen toegang tot {exc.filename or path}: {os_reason(exc)}")
    if isinstance(exc, OSError):
        if exc.errno == 28:
            return ReflectError(
                f"de schijf is vol: kon niet schrijven naar {exc.filename or path}; "
                "wat eerder was opgeslagen is veilig."
            )
        return ReflectError(f"kan {exc.filename or path} niet gebruiken: {os_reason(exc)}")
    return ReflectError(f"onverwachte fout bij het dagboek {path}: {exc}")
