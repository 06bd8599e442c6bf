"""The key file of an encrypted journal: how a passphrase becomes the database key.

Why a file of our own beside the journal, and not SQLCipher's passphrase
mode:

- **One key derivation per start.** The journal's data key is a random
  256-bit key handed to SQLCipher raw (``PRAGMA key = "x'…'"``), so SQLCipher
  skips its own KDF; without that every connection (the app has two, the
  daily backup a third) would pay the KDF again.
- **Wrong passphrase is never mistaken for a damaged file.** The file holds a
  check value (an HMAC under a key derived from the passphrase): a mismatch
  is a wrong passphrase, for certain; a database that then still does not
  open with the unwrapped key is damaged.
- **Readable, raisable parameters.** Salt, iteration count and algorithm are
  plain JSON; a later version can raise the iteration count by rewriting
  this file, without touching the database.
- **Changing the passphrase is one atomic rename.** The data key is stored
  wrapped (XOR with a pad derived from the passphrase and a fresh salt, then
  authenticated), so ``reflect passphrase`` rewrites only this file; the
  journal, its WAL and every backup keep the same data key and stay readable.
  The price: someone who kept an old copy of this file *and* knows the old
  passphrase can still unwrap the data key (documented in journal-format.md).

Layout (version 1)::

    {"format": "reflect-journal-key", "version": 1,
     "kdf": "pbkdf2-hmac-sha512", "iterations": 256000, "salt": "<32 hex>",
     "wrapped_key": "<64 hex>", "check": "<64 hex>"}

The KDF output is 64 bytes: the first 32 are the pad that wraps the data key,
the last 32 the HMAC-SHA256 key of ``check`` (over the wrapped key). Every
write uses a new salt, so a pad is never used twice.
"""

from __future__ import annotations

import os  # hashlib, hmac and json are imported where used: a plain journal never needs them
from pathlib import Path

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

FORMAT = "reflect-journal-key"
VERSION = 1
KDF = "pbkdf2-hmac-sha512"
# SQLCipher 4's own default (PBKDF2-HMAC-SHA512, 256,000 iterations); never lower.
DEFAULT_ITERATIONS = 256_000
MIN_ITERATIONS = 256_000
KEY_BYTES = 32
SUFFIX = ".key.json"
_CHECK_LABEL = b"reflect-journal-key-v1"


class WrongPassphrase(ReflectError):
    """The passphrase does not match the key file (never raised for a damaged file)."""


class KeyFile(NamedTuple):
    """The parsed key file: everything but the passphrase needed to unwrap the data key.

    Why a NamedTuple and ``hashlib``/``hmac``/``json`` imported where used:
    every command opens the journal through ``connection`` -> ``keys`` ->
    this module, and only an encrypted journal needs any of them; at import
    they were about a sixth of a plain ``reflect list``'s whole process.
    """

    iterations: int
    salt: bytes
    wrapped_key: bytes
    check: bytes


def key_file_path(journal_path: Path) -> Path:
    """Where the key file of the journal at ``journal_path`` lives (beside it)."""
    return journal_path.with_name(journal_path.name + SUFFIX)


def derive(passphrase: str, salt: bytes, iterations: int) -> bytes:
    """The 64-byte KDF output (pad + check key); the one slow step of an unlock."""
    import hashlib

    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, iterations, 64)


def _check(mac_key: bytes, wrapped: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(mac_key, _CHECK_LABEL + wrapped, hashlib.sha256).digest()


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def wrap(data_key: bytes, passphrase: str, iterations: int = DEFAULT_ITERATIONS) -> KeyFile:
    """A key file that yields ``data_key`` for ``passphrase`` (fresh salt every time)."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    salt = os.urandom(16)
    derived = derive(passphrase, salt, max(iterations, MIN_ITERATIONS))
    wrapped = _xor(data_key, derived[:KEY_BYTES])
    return KeyFile(max(iterations, MIN_ITERATIONS), salt, wrapped, _check(derived[32:], wrapped))


def unwrap(key_file: KeyFile, passphrase: str) -> bytes:
    """The data key, or ``WrongPassphrase``."""
    import hmac

    derived = derive(passphrase, key_file.salt, key_file.iterations)
    if not hmac.compare_digest(_check(derived[32:], key_file.wrapped_key), key_file.check):
        raise WrongPassphrase("het wachtwoord klopt niet.")
    return _xor(key_file.wrapped_key, derived[:KEY_BYTES])


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def to_json(key_file: KeyFile) -> bytes:
    import json

    doc = {
        "format": FORMAT,
        "version": VERSION,
        "kdf": KDF,
        "iterations": key_file.iterations,
        "salt": key_file.salt.hex(),
        "wrapped_key": key_file.wrapped_key.hex(),
        "check": key_file.check.hex(),
    }
    return (json.dumps(doc, indent=2) + "\n").encode("ascii")


def read(path: Path) -> KeyFile:
    """Parse the key file at ``path``; a clear Dutch error when it is missing or damaged."""
    import json

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReflectError(
            f"het sleutelbestand {path} ontbreekt; zonder dat bestand is het versleutelde "
            "dagboek niet te openen. Zet het terug uit je eigen reservekopie."
        ) from None
    except OSError as exc:
        raise ReflectError(f"kan het sleutelbestand {path} niet lezen: {os_reason(exc)}") from None
    try:
        doc = json.loads(raw)
        if doc.get("format") != FORMAT or doc.get("kdf") != KDF:
            raise ValueError("unknown format")
        if int(doc.get("version", 0)) > VERSION:
            raise ReflectError(
                f"het sleutelbestand {path} is gemaakt door een nieuwere versie van reflect; "
                "werk reflect bij."
            )
        found = KeyFile(
            int(doc["iterations"]),
            bytes.fromhex(doc["salt"]),
            bytes.fromhex(doc["wrapped_key"]),
            bytes.fromhex(doc["check"]),
        )
        if len(found.wrapped_key) != KEY_BYTES or len(found.check) != 32 or found.iterations < 1:
            raise ValueError("bad lengths")
    except ReflectError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ReflectError(
            f"het sleutelbestand {path} is beschadigd; zonder dat bestand is het versleutelde "
            "dagboek niet te openen. Zet het terug uit je eigen reservekopie."
        ) from None
    return found


def write(path: Path, key_file: KeyFile) -> None:
    """Replace the key file atomically (temp file, fsync, rename, fsync of the folder)."""
    from reflect_tui.core.paths import write_private_file

    write_private_file(path, to_json(key_file))  # temp file, fsync, rename
    fsync_dir(path.parent)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
