"""A cache of the validated content, so a normal start-up skips the YAML.

Why: parsing and validating every layer (and importing PyYAML and the
validator) was a large part of the terminal UI's start-up, while the files
change only when a trainer edits them. After a successful load the merged
content and its notices are written as JSON (never pickle: the file is
data, not code) to a private file in the cache folder. The next start
compares the *state* of every source (each layer folder and file: path as
shown, size, mtime, ctime, inode, mode; the app version; the content
package's own source files) with the state stored in the file's first
line; only an exact match is used. Anything else (a changed, added or
removed file, another working folder, a corrupt or unreadable cache)
silently falls back to the real load, which rewrites the cache.

Two steps, so the UI can draw its first frame sooner: ``prepare_content``
only compares the state (stat calls and one short line). On a miss it
loads for real at once, so a broken built-in layer still stops the app
before the UI exists; on a match it returns a ``PendingContent`` whose
``load`` builds the model later (and falls back to the real load if the
file went bad in between).

A stat-based check can miss an edit that keeps a file's size and both of
its timestamps, which in practice means a deliberately reset clock; the
trainer's ``reflect content check`` never uses this cache.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from reflect_tui import __version__
from reflect_tui.core.content.layers import LoadResult, display_path, is_content_name
from reflect_tui.core.paths import (
    Locations,
    builtin_content_dir,
    content_layer_dirs,
    ensure_private_dir,
    write_private_file,
)

# Bump when the cache file's shape or the meaning of its fields changes.
SCHEMA = 1
# The content package's code: when any of it changes (a developer's edit),
# so may the content built from the same files.
_CODE_FILES = (
    "cache.py",
    "errors.py",
    "export.py",
    "layers.py",
    "loader.py",
    "model.py",
    "validate.py",
    "yaml_hints.py",
    "yaml_messages.py",
    "yamlsafe.py",
)
# The header line is small; a longer first line is not ours.
_MAX_HEADER = 1 << 20


def _stat_state(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def _layer_state(folder: Path) -> list[Any]:
    """What the loader would see of one layer, as comparable JSON data."""
    state: list[Any] = [str(folder), display_path(folder), _stat_state(folder)]
    if not folder.is_dir():
        return state
    files: list[list[Any]] = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if is_content_name(entry.name):
                    path = Path(entry.path)
                    files.append([entry.name, display_path(path), _stat_state(path)])
    except OSError as exc:
        state.append(f"unreadable: {exc.errno}")
        return state
    state.append(sorted(files))
    return state


def source_state(
    locations: Locations,
    extra: Sequence[str | os.PathLike[str]] = (),
    env: Mapping[str, str] | None = None,
) -> list[Any]:
    """Everything the merged content depends on, cheap to compute (stat calls only)."""
    code_dir = Path(__file__).resolve().parent
    folders = [builtin_content_dir(), *content_layer_dirs(locations, extra, env)]
    return [
        SCHEMA,
        __version__,
        [[name, _stat_state(code_dir / name)] for name in _CODE_FILES],
        [_layer_state(folder) for folder in folders],
    ]


def _header(state: list[Any]) -> bytes:
    """The first line of the cache file: the state it was written for.

    ``repr`` of lists of str, int and None is exact and one line (newlines
    in a path are escaped), and is only ever compared, never evaluated;
    unlike ``json`` it needs no import before the first frame.
    """
    return f"reflect-content-cache {SCHEMA} {state!r}\n".encode("utf-8", "surrogateescape")


def cache_matches(path: Path, state: list[Any]) -> bool:
    """Whether the cache file at ``path`` was written for exactly ``state``."""
    try:
        with path.open("rb") as handle:
            return handle.readline(_MAX_HEADER) == _header(state)
    except OSError:
        return False


def read_cache(path: Path, state: list[Any]) -> LoadResult | None:
    """The cached result if it was written for exactly ``state``; otherwise None."""
    import json

    from reflect_tui.core.content.export import content_from_json

    try:
        with path.open("rb") as handle:
            if handle.readline(_MAX_HEADER) != _header(state):
                return None
            data = json.loads(handle.read())
        content = content_from_json(
            data["content"], str(data["version"]), tuple(str(x) for x in data["layers"])
        )
        notices = tuple(str(n) for n in data["notices"])
    except Exception:  # any problem at all is a miss: the real load follows
        return None
    return LoadResult(content, notices)


def write_cache(path: Path, state: list[Any], result: LoadResult) -> None:
    """Store ``result`` for ``state`` (0600 file, 0700 folder); failures are ignored."""
    import json

    from reflect_tui.core.content.export import content_to_json

    data = {
        "version": result.content.version,
        "layers": list(result.content.layers),
        "notices": list(result.notices),
        "content": content_to_json(result.content),
    }
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with contextlib.suppress(OSError):  # a read-only or full disk: just no cache
        ensure_private_dir(path.parent)
        write_private_file(path, _header(state) + body)


class PendingContent(NamedTuple):
    """Content known to be in the cache, built when ``load`` is called."""

    locations: Locations
    extra: tuple[str | os.PathLike[str], ...]
    env: Mapping[str, str] | None
    state: list[Any]

    def load(self) -> LoadResult:
        """The cached content; the real load (which rewrites the cache) if it went bad."""
        cached = read_cache(self.locations.content_cache_path, self.state)
        if cached is not None:
            return cached
        return _load_and_store(self.locations, self.extra, self.env, self.state)


def _load_and_store(
    locations: Locations,
    extra: Sequence[str | os.PathLike[str]],
    env: Mapping[str, str] | None,
    state: list[Any],
) -> LoadResult:
    from reflect_tui.core.content.loader import load_content

    result = load_content(locations, extra, env)  # a broken built-in layer raises
    from reflect_tui.core.content.yamlsafe import gc_paused

    with gc_paused():  # a big layer is a big tree of dicts, no cycles
        write_cache(locations.content_cache_path, state, result)
    return result


def prepare_content(
    locations: Locations,
    extra: Sequence[str | os.PathLike[str]] = (),
    env: Mapping[str, str] | None = None,
) -> LoadResult | PendingContent:
    """The loaded content on a cache miss; a ``PendingContent`` when the cache is current.

    The state is taken *before* a real load, so a file edited during it
    leaves a cache that the next start sees as stale.
    """
    state = source_state(locations, extra, env)
    if cache_matches(locations.content_cache_path, state):
        return PendingContent(locations, tuple(extra), env, state)
    return _load_and_store(locations, extra, env, state)


def load_content_cached(
    locations: Locations,
    extra: Sequence[str | os.PathLike[str]] = (),
    env: Mapping[str, str] | None = None,
) -> LoadResult:
    """``loader.load_content``, answered from the cache when no source changed."""
    prepared = prepare_content(locations, extra, env)
    return prepared.load() if isinstance(prepared, PendingContent) else prepared
