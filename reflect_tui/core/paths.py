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
#
# ``pathlib`` is kept off that path too: with what it imports (``urllib.parse`` and
# ``ipaddress``, ``fnmatch``, ``ntpath``) it was ~18 M instructions, a sixth of a
# plain ``reflect list`` at 1,000 reflections. So the functions those commands
# use work on plain strings with ``os.path`` (and accept a ``Path`` as well), the
# journal's file is handed out as a string by ``journal_file``, and ``Path`` is
# imported where a ``Path`` is made. The same test checks that pathlib stays out.

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Mapping, Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path
    from typing import NamedTuple, TypeAlias, TypeVar

    StrPath: TypeAlias = str | os.PathLike[str]
    AnyPath = TypeVar("AnyPath", str, Path)
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
    the journal. The rule itself is ``resolve_folders``.
    """
    from pathlib import Path

    data, config, cache = resolve_folders(data_dir, env)
    return Locations(data_dir=Path(data), config_dir=Path(config), cache_dir=Path(cache))


def resolve_folders(
    data_dir: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> tuple[str, str, str]:
    """The data, config and cache folders of ``resolve_locations``, as absolute strings."""
    env = os.environ if env is None else env
    home = env.get(ENV_HOME)
    if home:
        base = os.path.expanduser(home)
        data, config, cache = base, os.path.join(base, "config"), os.path.join(base, "cache")
    else:
        data, config, cache = user_folders()
    if data_dir is not None:
        data = os.path.expanduser(os.fspath(data_dir))
    return absolute(data), absolute(config), absolute(cache)


# The XDG variables platformdirs reads on Linux, each with its default below HOME.
_XDG = (
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_CACHE_HOME", ".cache"),
)


def user_folders() -> tuple[str, str, str]:
    """The app's data, config and cache folders as platformdirs names them (``user_*_dir``).

    Why not always platformdirs: importing it (with pathlib, tempfile and more)
    was ~37 M instructions, 40 % of a ``reflect list`` for everyone without
    ``REFLECT_HOME``. On Linux, in the plain case every platformdirs 4 release
    agrees on (each XDG variable unset, empty or an absolute path; an absolute
    ``HOME``; not Android), the folders are worked out here; any other case asks
    platformdirs itself. Both read ``os.environ``; a test holds the two equal.
    """
    if sys.platform == "linux" and not hasattr(sys, "getandroidapilevel"):
        home = os.environ.get("HOME", "")
        found = []
        for name, default in _XDG:
            value = os.environ.get(name, "")
            if value and os.path.isabs(value):
                found.append(os.path.join(value, APP_NAME))
            elif not value and os.path.isabs(home):
                found.append(os.path.join(home, default, APP_NAME))
        if len(found) == len(_XDG) and "ANDROID_DATA" not in os.environ:
            return found[0], found[1], found[2]
    import platformdirs  # local: keeps import of this module cheap

    return (
        platformdirs.user_data_dir(APP_NAME, appauthor=False),
        platformdirs.user_config_dir(APP_NAME, appauthor=False),
        platformdirs.user_cache_dir(APP_NAME, appauthor=False),
    )


def absolute(path: StrPath) -> str:
    """``Path(path).absolute()`` as a string: joined to the working folder, nothing resolved.

    Not ``os.path.abspath``: that also drops ``..`` (wrong past a symbolic link),
    which ``Path.absolute`` leaves alone.
    """
    text = os.fspath(path)
    return text if os.path.isabs(text) else os.path.join(os.getcwd(), text)


def journal_file(
    data_dir: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> str:
    """``resolve_locations(...).journal_path`` as a string (the scripted read commands)."""
    return os.path.join(resolve_folders(data_dir, env)[0], JOURNAL_FILENAME)


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


def backups_dir_beside(journal_path: StrPath) -> Path:
    """The backups folder of the journal at ``journal_path`` (``backups/`` beside it).

    One rule for every journal, also one opened with ``--data-dir``: delete
    scrubs this folder, restore and the "restore a backup" messages look in it.
    """
    from pathlib import Path

    return Path(backups_folder(journal_path))


def backups_folder(journal_path: StrPath) -> str:
    """``backups_dir_beside`` as a string (the scripted read commands need no ``Path``)."""
    return os.path.join(os.path.dirname(os.fspath(journal_path)), "backups")


DAILY_BACKUP_PREFIX = "daily-"
BACKUP_SUFFIX = ".sqlite3"


def daily_backup_path(backups_dir: Path, today: date) -> Path:
    """Where today's daily snapshot of the journal goes (``core/journal/backup``)."""
    return backups_dir / _daily_backup_name(today)


def _daily_backup_name(today: date) -> str:
    return f"{DAILY_BACKUP_PREFIX}{today.isoformat()}{BACKUP_SUFFIX}"


def daily_backup_due(
    journal_path: StrPath, backups_dir: StrPath, today: date, *, new_journal: bool = False
) -> bool:
    """True when the journal exists and has no snapshot of ``today`` yet (one ``stat``).

    Here, not in ``backup``: every CLI command that opens the journal asks,
    and ``reflect list`` need not import the backup code to hear "no".
    ``new_journal``: the journal was made by this very open and nothing was
    written to it since (``JournalStore.fresh``). It holds nothing to protect,
    so no snapshot (eight syncs of the disk, in the way of a new journal's first
    import); the next open today finds none and snapshots what was put in it.
    """
    if new_journal:
        return False
    snapshot = os.path.join(os.fspath(backups_dir), _daily_backup_name(today))
    return not os.path.exists(snapshot) and os.path.exists(journal_path)


def builtin_content_dir() -> Path:
    """The content shipped with the app.

    In a wheel it is packaged as ``reflect_tui/_builtin_content``; in a
    source checkout (editable install, tests) it is ``content/`` at the
    project root.
    """
    from pathlib import Path

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
    from pathlib import Path

    env = os.environ if env is None else env
    layers: list[Path] = []
    for part in env.get(ENV_CONTENT_PATH, "").split(os.pathsep):
        if part.strip():
            layers.append(Path(part.strip()).expanduser())
    if locations.user_content_dir.is_dir():
        layers.append(locations.user_content_dir)
    layers.extend(Path(p).expanduser() for p in extra)
    return layers


def ensure_private_dir(path: AnyPath) -> AnyPath:
    """Create ``path`` (and parents) as 0700; an existing one loses group/other access only.

    Tightening never ADDS rights: a folder the user made read-only (0500)
    stays read-only, so the app cannot quietly write where it was told not
    to (it used to chmod such a folder to 0700 and write into it). Writing
    then fails with a clear "read-only" message; reading still works.
    """
    os.makedirs(path, mode=PRIVATE_DIR_MODE, exist_ok=True)  # as Path.mkdir(parents=True)
    current = stat.S_IMODE(os.stat(path).st_mode)
    if current & ~PRIVATE_DIR_MODE:
        os.chmod(path, current & PRIVATE_DIR_MODE)
    return path


def can_write_beside(path: StrPath) -> bool:
    """Could SQLite write ``path`` and create its ``-wal``/``-shm`` beside it?

    False on a read-only file system, in a read-only folder, or for a
    read-only file: then the journal can only be opened for reading.
    """
    folder = os.path.dirname(os.fspath(path)) or "."
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return False
    except OSError:
        return False
    try:
        mode = os.stat(folder).st_mode
    except OSError:
        return False
    # The owner's write bit is checked too, not only access(): root may write
    # anywhere, but a folder its owner made 0500 is meant to stay unchanged.
    if not mode & stat.S_IWUSR or not os.access(folder, os.W_OK | os.X_OK):
        return False
    if not os.path.exists(path):
        return True
    return bool(os.stat(path).st_mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def create_private_file(path: StrPath) -> None:
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
