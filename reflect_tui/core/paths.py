"""The one place that decides where reflect-tui keeps and finds files.

Why a single module: privacy rules (0700 folders, 0600 files) and the
override order (``--data-dir`` > ``REFLECT_HOME`` > platform default) must
be applied identically by the CLI, the TUI, tests and benchmarks. Nothing
here touches the disk at import time; folders are created only by
``ensure_private_dir`` when something is about to be written.
"""

# The NamedTuples on the path of ``reflect list``/``search``/``export`` come from
# ``core/lean_typing.py``: it keeps ``typing`` out of those processes and never
# evaluates field annotations. ``typing.NamedTuple`` in a module with
# ``from __future__ import annotations`` turns each field's string into a
# ForwardRef with the ``compile()`` builtin, and the first compile() of a process
# sets up every AST node type: ~9 M instructions, a tenth of a plain
# ``reflect list``. tests/test_cli_fast_path.py runs those commands with compile()
# forbidden (and checks that they do not import typing).

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import NamedTuple
else:  # typing is kept off the path of ``reflect list`` (see core/lean_typing.py)
    from reflect_tui.core.lean_typing import NamedTuple

APP_NAME = "reflect-tui"
ENV_HOME = "REFLECT_HOME"
ENV_CONTENT_PATH = "REFLECT_CONTENT_PATH"
JOURNAL_FILENAME = "journal.sqlite3"
CONTENT_CACHE_FILENAME = "content-cache.json"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


class Locations(NamedTuple):
    """Resolved folders for one run of the app.

    A NamedTuple, not a frozen dataclass: it is made on every start, before
    the first frame, and a NamedTuple class costs a third as much to create.
    """

    data_dir: Path
    config_dir: Path
    # Derived files that may be deleted at any time (the content cache). None
    # (a Locations built by hand) means ``cache/`` in the data folder.
    cache_dir: Path | None = None

    @property
    def journal_path(self) -> Path:
        """The SQLite journal."""
        return self.data_dir / JOURNAL_FILENAME

    @property
    def lock_path(self) -> Path:
        """Held by a running terminal UI, so a second window can warn (``core/instance``)."""
        return self.data_dir / "reflect.lock"

    @property
    def backups_dir(self) -> Path:
        """Backups: daily snapshots, ``reflect backup``, pre-migration and pre-restore copies."""
        return backups_dir_beside(self.journal_path)

    @property
    def exports_dir(self) -> Path:
        """Default folder for Markdown exports made from the TUI."""
        return self.data_dir / "exports"

    @property
    def content_cache_path(self) -> Path:
        """The validated content of the last start-up, so the next one skips the YAML."""
        return (self.cache_dir or self.data_dir / "cache") / CONTENT_CACHE_FILENAME

    @property
    def user_content_dir(self) -> Path:
        """The user's own content layer (may not exist)."""
        return self.config_dir / "content"

    @property
    def settings_path(self) -> Path:
        """User settings (may not exist)."""
        return self.config_dir / "settings.yaml"


def resolve_locations(
    data_dir: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> Locations:
    """Decide the data and config folders without creating them.

    ``REFLECT_HOME`` moves everything (data in it, config in ``config/``
    and caches in ``cache/`` below it) so a test or a portable install is
    fully isolated; ``--data-dir`` (the ``data_dir`` argument) moves only
    the journal.
    """
    env = os.environ if env is None else env
    home = env.get(ENV_HOME)
    if home:
        base = Path(home).expanduser()
        data, config, cache = base, base / "config", base / "cache"
    else:
        import platformdirs  # local: keeps import of this module cheap

        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        config = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
        cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    if data_dir is not None:
        data = Path(data_dir).expanduser()
    return Locations(
        data_dir=data.absolute(), config_dir=config.absolute(), cache_dir=cache.absolute()
    )


def draft_lock_path(journal_path: Path, reflection_id: str) -> Path:
    """The lock file a window holds while it edits one draft (``core/instance``).

    Named by a hash of the id: an imported id may hold ``/`` or escape codes.
    """
    from hashlib import sha256

    digest = sha256(reflection_id.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return journal_path.parent / "locks" / f"draft-{digest}.lock"


def copies_elsewhere_path(journal_path: Path) -> Path:
    """The list of copies the app wrote outside the data folder (``core/journal/elsewhere``)."""
    return journal_path.parent / "copies-elsewhere.json"


def backups_dir_beside(journal_path: Path) -> Path:
    """The backups folder of the journal at ``journal_path`` (``backups/`` beside it).

    One rule for every journal, also one opened with ``--data-dir``: delete
    scrubs this folder, restore and the "restore a backup" messages look in it.
    """
    return journal_path.parent / "backups"


DAILY_BACKUP_PREFIX = "daily-"
BACKUP_SUFFIX = ".sqlite3"


def daily_backup_path(backups_dir: Path, today: date) -> Path:
    """Where today's daily snapshot of the journal goes (``core/journal/backup``)."""
    return backups_dir / f"{DAILY_BACKUP_PREFIX}{today.isoformat()}{BACKUP_SUFFIX}"


def daily_backup_due(journal_path: Path, backups_dir: Path, today: date) -> bool:
    """True when the journal exists and has no snapshot of ``today`` yet (one ``stat``).

    Here, not in ``backup``: every CLI command that opens the journal asks,
    and ``reflect list`` need not import the backup code to hear "no".
    """
    return not daily_backup_path(backups_dir, today).exists() and journal_path.exists()


def builtin_content_dir() -> Path:
    """The content shipped with the app.

    In a wheel it is packaged as ``reflect_tui/_builtin_content``; in a
    source checkout (editable install, tests) it is ``content/`` at the
    project root.
    """
    packaged = Path(__file__).resolve().parent.parent / "_builtin_content"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "content"


def content_layer_dirs(
    locations: Locations,
    extra: Sequence[str | os.PathLike[str]] = (),
    env: Mapping[str, str] | None = None,
) -> list[Path]:
    """The content layers above the built-in one, lowest priority first.

    Order: each folder in ``REFLECT_CONTENT_PATH`` (an organisation's
    shared content), then the user's content folder, then ``--content``.
    Folders that do not exist are left out silently only for the user
    folder (most users never create it); others are kept so the loader can
    report them.
    """
    env = os.environ if env is None else env
    layers: list[Path] = []
    for part in env.get(ENV_CONTENT_PATH, "").split(os.pathsep):
        if part.strip():
            layers.append(Path(part.strip()).expanduser())
    if locations.user_content_dir.is_dir():
        layers.append(locations.user_content_dir)
    layers.extend(Path(p).expanduser() for p in extra)
    return layers


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) as 0700; an existing one loses group/other access only.

    Tightening never ADDS rights: a folder the user made read-only (0500)
    stays read-only, so the app cannot quietly write where it was told not
    to (it used to chmod such a folder to 0700 and write into it). Writing
    then fails with a clear "read-only" message; reading still works.
    """
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    current = stat.S_IMODE(path.stat().st_mode)
    if current & ~PRIVATE_DIR_MODE:
        path.chmod(current & PRIVATE_DIR_MODE)
    return path


def can_write_beside(path: Path) -> bool:
    """Could SQLite write ``path`` and create its ``-wal``/``-shm`` beside it?

    False on a read-only file system, in a read-only folder, or for a
    read-only file: then the journal can only be opened for reading.
    """
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except OSError:
        return False
    try:
        mode = folder.stat().st_mode
    except OSError:
        return False
    # The owner's write bit is checked too, not only access(): root may write
    # anywhere, but a folder its owner made 0500 is meant to stay unchanged.
    if not mode & stat.S_IWUSR or not os.access(folder, os.W_OK | os.X_OK):
        return False
    if not path.exists():
        return True
    return bool(path.stat().st_mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def create_private_file(path: Path) -> None:
    """Pre-create ``path`` as 0600 regardless of umask, if it is missing.

    SQLite and ``open()`` honour the umask; creating the file ourselves
    first with ``O_EXCL`` means it is never world-readable, not even for a
    moment.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)
    os.chmod(path, PRIVATE_FILE_MODE)


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` atomically to ``path`` with mode 0600.

    Writes a temp file beside it, fsyncs, then renames: a crash or a full
    disk leaves either the old file or the new one, never half of one.
    """
    write_private_chunks(path, (data,))


def write_private_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """``write_private_file`` for data that arrives in pieces (a streamed export).

    Same promise: temp file 0600 beside the target, fsync, rename; an error
    in the middle (a full disk, a failing producer) removes the temp file.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
        for data in chunks:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    os.replace(tmp, path)
