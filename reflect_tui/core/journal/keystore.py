"""Keeping the passphrase in the operating system's keyring, when there is one.

Optional twice over: the ``keyring`` package is an extra
(``reflect-tui[keyring]``), and headless Linux usually has no backend. In
every such case these functions quietly answer "nothing stored" and the
passphrase is asked as usual. ``REFLECT_KEYRING=off`` switches the keyring
off altogether (the tests do, so they never touch a real keyring).

Only the passphrase is stored, under the journal's absolute path; it is
tried once and, when it no longer fits (changed elsewhere), asked again.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

SERVICE = "reflect-tui"
ENV_SWITCH = "REFLECT_KEYRING"


def _keyring() -> ModuleType | None:
    """The ``keyring`` module with a usable backend, or None."""
    if os.environ.get(ENV_SWITCH, "").strip().lower() in ("off", "0", "no", "uit", "nee"):
        return None
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]
        from keyring.backends import fail  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend must never stop the app
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def available() -> bool:
    return _keyring() is not None


def get(journal: Path) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        found = ring.get_password(SERVICE, str(Path(journal).absolute()))
    except Exception:
        return None
    return found if isinstance(found, str) and found else None


def put(journal: Path, passphrase: str) -> bool:
    """Store the passphrase; False when there is no keyring to store it in."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(SERVICE, str(Path(journal).absolute()), passphrase)
    except Exception:
        return False
    return True


def delete(journal: Path) -> None:
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(SERVICE, str(Path(journal).absolute()))
    except Exception:
        return
