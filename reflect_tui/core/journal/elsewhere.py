"""Copies of the journal the app wrote outside the data folder, remembered by path.

Why: ``reflect backup -o FILE`` and ``reflect export -o FILE`` write a copy of
the journal where the user chose. A later delete cannot erase a reflection
from there (the file may be on a USB stick, mailed, or replaced by something
of the user's own), so the honest promise is narrower: deletion erases the
data folder, and names every copy elsewhere that still exists so the user
can clean it up. This module keeps that list.

The list is a private file (0600) beside the journal holding only paths,
kinds and times, never journal text. Copies written with ``-o`` inside the
data folder but outside the folders a delete scans are listed as well, so
the delete reaches them. It is pruned of files that no longer
exist whenever it is written or read for a delete, so removing such a copy
also silences the warning. It does not say whether a copy holds a given
reflection (reading a foreign or encrypted file to find out is not worth the
risk): every copy that still exists and was made after the reflection was
created is named (an older copy cannot hold it).
"""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

BACKUP = "backup"
EXPORT = "export"


class CopyElsewhere(NamedTuple):
    """One copy outside the data folder: where, what kind (``BACKUP``/``EXPORT``), when."""

    path: Path
    kind: str
    made_at: datetime


def _inside(target: Path, folder: Path) -> bool:
    try:
        target.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _read(journal_path: Path) -> list[CopyElsewhere]:
    from reflect_tui.core.paths import copies_elsewhere_path

    try:
        raw = json.loads(copies_elsewhere_path(journal_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found: list[CopyElsewhere] = []
    for item in raw if isinstance(raw, list) else []:
        try:
            found.append(
                CopyElsewhere(
                    Path(item["path"]), str(item["kind"]), datetime.fromisoformat(item["made_at"])
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return found


def _write(journal_path: Path, copies: list[CopyElsewhere]) -> None:
    from reflect_tui.core.paths import copies_elsewhere_path, write_private_file

    data = [{"path": str(c.path), "kind": c.kind, "made_at": c.made_at.isoformat()} for c in copies]
    write_private_file(
        copies_elsewhere_path(journal_path), json.dumps(data, indent=1).encode("utf-8")
    )


def record(journal_path: Path, target: Path, kind: str, made_at: datetime) -> bool:
    """Remember that a copy of the journal was written to ``target``; True if outside the folder.

    Call after the copy was written. A copy in ``backups/`` is not listed (the
    delete scrubs that folder anyway). A copy elsewhere inside the data folder
    (``reflect backup -o DATA/sub/kopie.sqlite3``) is listed too: the delete
    scrubs or erases it by this list (``written_inside``).
    """
    from reflect_tui.core.paths import backups_dir_beside

    target = Path(target).absolute()
    if target.parent == backups_dir_beside(journal_path).absolute():
        return False
    kept = [c for c in _read(journal_path) if c.path != target and c.path.exists()]
    _write(journal_path, [*kept, CopyElsewhere(target, kind, made_at)])
    return not _inside(target, journal_path.parent)


def _listed(journal_path: Path) -> list[CopyElsewhere]:
    """Listed copies that still exist (the list is pruned of the others)."""
    listed = _read(journal_path)
    found = [c for c in listed if c.path.is_file()]
    if len(found) != len(listed):
        with contextlib.suppress(OSError):  # pruning is a nicety; the answer stands
            _write(journal_path, found)
    return found


def _utc(moment: datetime) -> datetime:
    """A moment comparable with any other: a naive one is UTC, as the journal stores it."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def existing(journal_path: Path, since: datetime | None = None) -> list[CopyElsewhere]:
    """Copies outside the data folder that still exist, oldest first: a delete names them.

    ``since``: the deleted reflection's ``created_at``. A copy made before
    that moment cannot hold the reflection, so it is left out of the warning.
    """
    found = [c for c in _listed(journal_path) if not _inside(c.path, journal_path.parent)]
    if since is not None:
        found = [c for c in found if _utc(c.made_at) >= _utc(since)]
    return sorted(found, key=lambda c: _utc(c.made_at))


def written_inside(journal_path: Path, kind: str) -> list[Path]:
    """Copies of ``kind`` written by ``-o`` inside the data folder: a delete erases them."""
    return [
        c.path
        for c in _listed(journal_path)
        if c.kind == kind and _inside(c.path, journal_path.parent)
    ]
