"""Which files are encrypted, with which key, and how the key is asked for.

Why a process-wide registry: the key of an encrypted journal is asked once
(at the start of a CLI command, or by the app's passphrase dialog) and then
every connection the process makes to that journal, its backups, its safety
copies and its temp files uses it, through ``connection.py`` alone. Store,
backups, erasure, doctor and migrations never see a key.

The passphrase itself is never stored: only the unwrapped data key (see
``keyfile.py``) is kept, in memory, for the life of the process.

How a file is recognised: a plaintext SQLite file starts with SQLite's
16-byte magic; an encrypted one with random bytes (SQLCipher's salt). The
live journal is encrypted when its header is not the magic *and* its key file
exists; a stale key file beside a plaintext journal (left by a crash during
``reflect encrypt`` or ``decrypt``) is ignored.
"""

from __future__ import annotations

import _thread  # not threading: see store.py
import sys
from types import ModuleType

from reflect_tui.core.errors import ReflectError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from reflect_tui.core.journal.keyfile import KeyFile
    from reflect_tui.core.paths import StrPath

    # A passphrase source: (journal path, attempt 1..3, previous attempt was wrong) ->
    # passphrase. It raises ReflectError when it cannot ask (no terminal, cancelled).
    PassphraseSource = Callable[[Path, int, bool], str]

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_TRIES = 3

# Dutch messages, one place (an English edition comes later).
MISSING_DRIVER = (
    "dit dagboek is versleuteld, maar de versleuteling is niet geïnstalleerd; installeer "
    "die met: pip install 'reflect-tui[encrypt]'"
)
MISSING_DRIVER_TO_ENCRYPT = (
    "versleutelen kan pas als de versleuteling is geïnstalleerd; installeer die met: "
    "pip install 'reflect-tui[encrypt]'"
)
NO_PASSPHRASE = (
    "dit dagboek is versleuteld en er is geen wachtwoord gegeven; start reflect in een "
    "terminal, of geef het wachtwoord via standaardinvoer."
)
MIXED_COPY = (
    "deze back-up is {kind}, het dagboek {other}; zet hem zo niet terug. Maak eerst het dagboek "
    "gelijk ('reflect decrypt' of 'reflect encrypt'), zet dan terug. Er is niets veranderd."
)
TOO_MANY_TRIES = (
    "drie keer een verkeerd wachtwoord; het dagboek blijft dicht. Er is niets veranderd."
)
WRONG_PASSPHRASE = "het wachtwoord klopt niet."
EXPORT_PLAINTEXT = (
    "let op: het dagboek is versleuteld, maar deze export niet; bewaar hem op een veilige "
    "plek of verwijder hem na gebruik."
)


def export_warning(journal_path: StrPath) -> str | None:
    """What to say before an export of ``journal_path`` is written in plaintext (or None)."""
    return EXPORT_PLAINTEXT if journal_is_encrypted(journal_path) else None


def corrupt_encrypted(path: StrPath) -> str:
    return (
        f"het versleutelde dagboek {path} is beschadigd (het wachtwoord klopt wel); het bestand "
        "is niet gewijzigd. Zet een back-up terug met 'reflect restore'."
    )


_keys: dict[Path, bytes] = {}
_lock = _thread.RLock()
_source: PassphraseSource | None = None


def set_passphrase_source(source: PassphraseSource | None) -> None:
    """Who asks for a passphrase when an encrypted journal is opened without one."""
    global _source
    _source = source


def _absolute(path: StrPath) -> Path:
    """The registry's key for ``path`` (``Path`` is imported only where a key is made)."""
    from pathlib import Path

    return Path(path).absolute()


def register(journal_path: StrPath, data_key: bytes) -> None:
    with _lock:
        _keys[_absolute(journal_path)] = data_key


def forget(journal_path: StrPath | None = None) -> None:
    """Drop one journal's key (after ``decrypt``), or all of them."""
    with _lock:
        if journal_path is None:
            _keys.clear()
        else:
            _keys.pop(_absolute(journal_path), None)


def registered(journal_path: StrPath) -> bytes | None:
    with _lock:
        if not _keys:  # nothing unlocked (a plaintext journal): no key to make
            return None
        return _keys.get(_absolute(journal_path))


def cipher_driver(message: str = MISSING_DRIVER) -> ModuleType:
    """The ``sqlcipher3`` DB-API module, or a Dutch error (``message``) saying how to install it."""
    try:
        import sqlcipher3.dbapi2 as driver  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        raise ReflectError(message) from None
    return sys.modules[driver.__name__]


def cipher_available() -> bool:
    try:
        cipher_driver()
    except ReflectError:
        return False
    return True


def read_header(path: StrPath) -> bytes:
    """The first 16 bytes of ``path`` (empty when missing or empty).

    Callers make sure this process does not hold ``path`` open through
    SQLite (see ``connection.py``: closing any descriptor drops its locks).
    """
    try:
        with open(path, "rb") as handle:
            return handle.read(16)
    except OSError:
        return b""


def looks_encrypted(header: bytes) -> bool:
    return bool(header) and not header.startswith(SQLITE_MAGIC)


def journal_is_encrypted(journal_path: StrPath) -> bool:
    """True when the live journal is an encrypted one (header plus key file).

    The header first: a plaintext journal (nearly every one) then never
    imports ``keyfile`` (``reflect list``/``search``/``export`` open it).
    """
    if registered(journal_path) is not None:
        return True
    from reflect_tui.core.journal.connection import held_in_process

    if held_in_process(journal_path):
        return False  # open here without a key: plaintext (and reading it would drop locks)
    if not looks_encrypted(read_header(journal_path)):
        return False
    from reflect_tui.core.journal import keyfile

    return keyfile.key_file_path(_absolute(journal_path)).exists()


def unlock(journal_path: StrPath, passphrase: str | None = None) -> bytes:
    """The data key of the encrypted journal at ``journal_path``, registered for the process.

    With ``passphrase`` one try (``keyfile.WrongPassphrase`` when wrong); without,
    the passphrase source is asked up to three times.
    """
    from reflect_tui.core.journal import keyfile

    journal = _absolute(journal_path)
    with _lock:
        known = _keys.get(journal)
        if known is not None:
            return known
        cipher_driver()  # say how to install it before asking for a passphrase
        key_file = keyfile.read(keyfile.key_file_path(journal))
        if passphrase is not None:
            data_key = keyfile.unwrap(key_file, passphrase)
        else:
            data_key = _from_keyring(journal, key_file) or _ask(journal, key_file)
        _keys[journal] = data_key
        return data_key


def _from_keyring(journal_path: Path, key_file: KeyFile) -> bytes | None:
    """The data key from a passphrase kept in the OS keyring (``keystore.py``), if it fits."""
    from reflect_tui.core.journal import keyfile, keystore

    stored = keystore.get(journal_path)
    if stored is None:
        return None
    try:
        return keyfile.unwrap(key_file, stored)
    except keyfile.WrongPassphrase:
        return None


def unlock_from_keyring(journal_path: StrPath) -> bool:
    """Unlock with the keyring's passphrase only (never asks); True when it worked."""
    from reflect_tui.core.journal import keyfile

    journal = _absolute(journal_path)
    with _lock:
        if journal in _keys:
            return True
        cipher_driver()
        data_key = _from_keyring(journal, keyfile.read(keyfile.key_file_path(journal)))
        if data_key is None:
            return False
        _keys[journal] = data_key
        return True


def _ask(journal_path: Path, key_file: KeyFile) -> bytes:
    from reflect_tui.core.journal import keyfile

    if _source is None:
        raise ReflectError(NO_PASSPHRASE)
    wrong = False
    for attempt in range(1, MAX_TRIES + 1):
        passphrase = _source(journal_path, attempt, wrong)
        try:
            return keyfile.unwrap(key_file, passphrase)
        except keyfile.WrongPassphrase:
            wrong = True
    raise keyfile.WrongPassphrase(TOO_MANY_TRIES)


def key_for_journal(journal_path: StrPath) -> bytes | None:
    """The key to open the live journal with: registered, asked for, or None (plaintext)."""
    known = registered(journal_path)
    if known is not None:
        return known
    if journal_is_encrypted(journal_path):
        return unlock(journal_path)
    return None


def owner_key(path: StrPath) -> bytes | None:
    """The registered key of the journal ``path`` belongs to (its folder or its backups)."""
    from reflect_tui.core.paths import backups_dir_beside

    target = _absolute(path)
    with _lock:
        for journal, key in _keys.items():
            if target == journal or target.parent in (journal.parent, backups_dir_beside(journal)):
                return key
    return None


def adopt_new_journal(path: StrPath) -> bytes | None:
    """The key for a *new* journal made beside an unlocked encrypted one (or None).

    Why: ``reflect doctor`` rescues into a new journal in the data folder; it
    must not be the one plaintext file there. It gets the neighbour's data key
    and a copy of its key file, so the same passphrase opens it.
    """
    from reflect_tui.core.journal import keyfile

    target = _absolute(path)
    with _lock:
        for journal, key in _keys.items():
            if journal != target and journal.parent == target.parent:
                from reflect_tui.core.paths import write_private_file

                source = keyfile.key_file_path(journal)
                write_private_file(keyfile.key_file_path(target), source.read_bytes())
                _keys[target] = key
                return key
    return None


def key_for_file(path: StrPath, header: bytes) -> bytes | None:
    """The key for a file that is not the live journal (a backup, a copy), by its header.

    An encrypted file whose journal was not unlocked yet (``reflect restore``
    reads a backup before it opens the journal) unlocks the journal whose key
    file sits in the file's folder or the one above (``backups/``'s parent).
    """
    from reflect_tui.core.journal import keyfile

    key = owner_key(path)
    if key is not None or not looks_encrypted(header):
        return key
    with _lock:
        if len(_keys) == 1:
            # A backup written elsewhere (``reflect backup -o FILE``) of the one journal
            # this process unlocked: its key is the journal's.
            return next(iter(_keys.values()))
    target = _absolute(path)
    for folder in (target.parent, target.parent.parent):
        for candidate in sorted(folder.glob(f"*{keyfile.SUFFIX}")):
            journal = candidate.with_name(candidate.name[: -len(keyfile.SUFFIX)])
            if journal.exists():
                return unlock(journal)
    return None
