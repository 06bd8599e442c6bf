"""The app's own exports: where they are written, and which ones ``delete`` erases.

Why one module: "a deleted reflection is gone from every file under the data
folder" is only true if the code that writes copies and the code that erases
them agree on where the copies are and how to recognise them. The TUI's
export key and ``reflect delete`` both call this module; nothing else names
export files.

Recognition is by the FULL id, parsed, never by a substring: a Markdown
export carries one marker line per reflection it holds
(``<!-- reflect-id: ID -->``, invisible when rendered), a JSON export is
parsed and its ``id`` fields compared. A reflection with id ``a`` therefore
never takes the exports of other reflections along, and a short id shown in
the text is never mistaken for the full one.

Also here: the check that an export target (``reflect export -o``) is a
regular file or a new path, so a FIFO, a device node (``/dev/full``) or a
directory is never replaced by a renamed temp file.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason
from reflect_tui.core.paths import Locations

if TYPE_CHECKING:
    from reflect_tui.core.journal.elsewhere import CopyElsewhere
    from reflect_tui.core.journal.store import JournalStore

MARKER_PREFIX = "<!-- reflect-id: "
MARKER_SUFFIX = " -->"
_MARKER_RE = re.compile(r"^<!-- reflect-id: (.+) -->[ \t]*$", re.MULTILINE)
_PLAIN_ID = re.compile(r"[A-Za-z0-9._-]+")
_SAFE_NAME_CHARS = re.compile(r"[^a-z0-9-]")
# Exports are at most the whole journal; anything bigger in the folder is not ours.
_MAX_SCAN_BYTES = 512 * 1024 * 1024
_EXPORT_SUFFIXES = (".md", ".json")


class ErasedExports(NamedTuple):
    """What ``erase_exports`` did: files removed, and files it could not remove.

    ``elsewhere`` (filled by ``delete_with_copies``): copies the app wrote
    outside the data folder that still exist; nothing was erased there.
    """

    erased: list[Path]
    failed: list[tuple[Path, OSError]]
    elsewhere: tuple[CopyElsewhere, ...] = ()


def id_marker(reflection_id: str) -> str:
    """The marker line that names ``reflection_id`` in a Markdown export.

    Plain ids are written as they are (the format the app always used); any
    other id is written as a JSON string, so no id can end the HTML comment
    early or span lines.
    """
    shown = (
        reflection_id
        if _PLAIN_ID.fullmatch(reflection_id)
        else json.dumps(reflection_id, ensure_ascii=True)
    )
    return f"{MARKER_PREFIX}{shown}{MARKER_SUFFIX}"


def with_markers(markdown: str, reflection_ids: Iterable[str]) -> str:
    """``markdown`` followed by one marker line per reflection it holds."""
    lines = "".join(f"\n{id_marker(rid)}" for rid in reflection_ids)
    return f"{markdown.rstrip(chr(10))}\n{lines}\n" if lines else markdown


def marked_ids(markdown: str) -> set[str]:
    """The full ids named by marker lines in a Markdown export."""
    found: set[str] = set()
    for match in _MARKER_RE.finditer(markdown):
        raw = match.group(1).strip()
        if raw.startswith('"'):
            try:
                value = json.loads(raw)
            except ValueError:
                continue
            if isinstance(value, str):
                found.add(value)
        else:
            found.add(raw)
    return found


def export_file_name(reflection_id: str, occurred_on: date) -> str:
    """A safe file name for one reflection's Markdown export.

    The short id is kept when it is plain (``2026-03-01-reflectie-1a2b3c4d.md``);
    an imported id with ``/``, dots, capitals or escape codes is replaced by
    a hash of the full id, so the name never leaves the folder or hides.
    """
    short = reflection_id[:8]
    if _SAFE_NAME_CHARS.search(short) or not short:
        short = sha256(reflection_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{occurred_on.isoformat()}-reflectie-{short}.md"


def write_reflection_export(
    exports_dir: Path, reflection_id: str, occurred_on: date, markdown: str
) -> Path:
    """Write one reflection's Markdown export into the app's export folder (0600).

    ``exports_dir`` is ``Locations.exports_dir`` (the front end got it from there).

    If a file of that name already holds another reflection (two ids that
    share their first eight characters), the full-id hash is added to the
    name instead of overwriting the other reflection's export.
    """
    from reflect_tui.core.paths import ensure_private_dir, write_private_file

    ensure_private_dir(exports_dir)
    path = exports_dir / export_file_name(reflection_id, occurred_on)
    if path.exists() and reflection_id not in _ids_in(path):
        digest = sha256(reflection_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        path = path.with_name(f"{path.stem}-{digest}.md")
    write_private_file(path, with_markers(markdown, [reflection_id]).encode("utf-8"))
    return path


def export_folders(locations: Locations) -> list[Path]:
    """Where copies of journal text may sit under the data folder.

    The app's export folder, and the data folder itself (where a user may
    have sent ``reflect export -o``). Copies elsewhere are the user's own.
    """
    return [locations.exports_dir, locations.data_dir]


def exports_holding(locations: Locations, reflection_id: str) -> list[Path]:
    """Regular export files (``.md``/``.json``) under the data folder that hold ``reflection_id``.

    Not recursive, symlinks are not followed (a link may point anywhere),
    and files that cannot be read or parsed are skipped.
    """
    from reflect_tui.core.journal import elsewhere

    found = [
        path for path in _candidates(export_folders(locations)) if reflection_id in _ids_in(path)
    ]
    # ``reflect export -o`` into a subfolder or under another suffix: found by the list.
    for path in elsewhere.written_inside(locations.journal_path, elsewhere.EXPORT):
        if path not in found and not path.is_symlink() and reflection_id in _ids_in(path):
            found.append(path)
    return found


def erase_exports(locations: Locations, reflection_id: str) -> ErasedExports:
    """Remove every app export under the data folder that holds ``reflection_id``."""
    erased: list[Path] = []
    failed: list[tuple[Path, OSError]] = []
    for path in exports_holding(locations, reflection_id):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            failed.append((path, exc))
        else:
            erased.append(path)
    return ErasedExports(erased, failed)


def delete_with_copies(
    store: JournalStore, locations: Locations, reflection_id: str
) -> ErasedExports:
    """Delete a reflection from the journal, its copies and the app's exports.

    The one erasure ``reflect delete`` (and any screen that deletes) calls.
    Copies outside the data folder (``elsewhere``) are named, not erased.
    The export copies go first, while the reflection still exists: a crash
    half-way leaves a reflection that a second ``delete`` can find and
    finish, never copies of a reflection that no longer exists.
    """
    reflection = store.get(reflection_id)  # "no such reflection" before anything is erased
    done = erase_exports(locations, reflection_id)
    store.delete(reflection_id)
    left = copies_elsewhere_since(store.path, reflection.created_at)
    return done._replace(elsewhere=tuple(left))


def copies_elsewhere_for(store: JournalStore, reflection_id: str) -> list[CopyElsewhere]:
    """The copies outside the data folder a delete of ``reflection_id`` must name.

    The one answer the delete confirmation (CLI and TUI) and the report after
    the delete give: only copies made after the reflection was created.
    """
    return copies_elsewhere_since(store.path, store.get(reflection_id).created_at)


def copies_elsewhere_since(journal_path: Path, created_at: datetime) -> list[CopyElsewhere]:
    """Copies outside the data folder made at or after ``created_at``, oldest first."""
    from reflect_tui.core.journal import elsewhere

    return elsewhere.existing(journal_path, since=created_at)


def require_folder(path: Path) -> None:
    """Refuse a copy (export or backup) into a folder that does not exist.

    Why refuse rather than create it: a typo in ``-o`` would otherwise leave a
    copy of the journal in a new folder nobody looks at. ``export -o`` and
    ``backup -o`` both ask here, so they answer alike.
    """
    if not path.parent.is_dir():
        raise ReflectError(
            f"de map {path.parent} bestaat niet; maak hem eerst of kies een andere map."
        )


def check_export_target(path: Path) -> Path:
    """The path to write an export to: a regular file or a new name, nothing else.

    A symlink to a regular file is followed (the file it points at is
    replaced, the link stays); a FIFO, socket, device node or directory is
    refused, because the atomic write renames a temp file over the target.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise ReflectError(
                f"{path} is een verwijzing naar een bestand dat niet bestaat."
            ) from None
        require_folder(path)
        return path
    except OSError as exc:
        raise ReflectError(f"kan {path} niet gebruiken: {os_reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReflectError(f"{path} is een map; geef een bestandsnaam.")
    if not stat.S_ISREG(info.st_mode):
        raise ReflectError(
            f"{path} is geen gewoon bestand (maar bijvoorbeeld een apparaat of pipe); "
            "geef een gewone bestandsnaam, of laat -o weg om naar de uitvoer te schrijven."
        )
    return path.resolve() if path.is_symlink() else path


# --- reading what an export holds ----------------------------------------------------


def _candidates(folders: Iterable[Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for folder in folders:
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            if path.suffix.lower() not in _EXPORT_SUFFIXES or path in seen:
                continue
            seen.add(path)
            try:
                info = path.lstat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and info.st_size <= _MAX_SCAN_BYTES:
                yield path


def _ids_in(path: Path) -> set[str]:
    """The full reflection ids an export file holds (empty if unreadable or foreign)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    # By content, not by name: ``reflect export`` writes JSON unless told otherwise,
    # so ``-o notities.md`` holds JSON (and a Markdown export may be named .json).
    if text.lstrip()[:1] in ("{", "["):
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return marked_ids(text)
        return set(_json_ids(data))
    return marked_ids(text)


def _json_ids(data: Any) -> Iterator[str]:
    """Ids of a JSON export: the whole journal, a list, or one reflection."""
    if isinstance(data, dict):
        items = data.get("reflections")
        if isinstance(items, list):
            yield from _json_ids(items)
        elif isinstance(data.get("id"), str):
            yield data["id"]
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                yield item["id"]
