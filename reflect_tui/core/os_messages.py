"""Why a file could not be read or written, in plain Dutch.

Why a table and not ``exc.strerror``: the operating system answers in
English ("No such file or directory"), and a Dutch sentence with an English
tail reads as a crash. The few reasons a user can act on get their own
words; anything rarer falls back to the system's text.
"""

from __future__ import annotations

import errno

_REASONS: dict[int, str] = {
    errno.ENOENT: "dat bestand of die map bestaat niet",
    errno.EACCES: "je hebt geen toestemming",
    errno.EPERM: "je hebt geen toestemming",
    errno.EISDIR: "dat is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.ENOSPC: "de schijf is vol",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EEXIST: "dat bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EMFILE: "er staan te veel bestanden open",
    errno.EIO: "de schijf gaf een leesfout",
}


def os_reason(exc: OSError) -> str:
    """The reason of ``exc`` in Dutch (the system's own text when there is no translation)."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc)
