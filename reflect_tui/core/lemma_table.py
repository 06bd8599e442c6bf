"""simplemma's Dutch lemmas as a sorted file, looked up without loading it.

Why: decoding simplemma's compressed dictionary costs about a second per
process (measured: 1.3 s of a 3 s ``reflect search`` on a loaded machine),
and ``reflect search`` or the coach need only a few hundred words of it. The
first process that needs it decodes it once and writes ``form<TAB>lemma``
lines, sorted by their UTF-8 bytes, to the cache folder (0600, atomically,
named after the simplemma version so an upgrade builds a new one). Every
later process maps the file and finds a word by binary search: a few
microseconds a word, nothing to load. The file holds only the public
dictionary, never anything a user wrote.
"""

from __future__ import annotations

import mmap
import os
import sys
from collections.abc import Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from typing import Any

HEADER = b"reflect-lemmas-nl 1\n"


class LemmaTable:
    """Read-only ``get(form) -> lemma | None`` over a sorted, memory-mapped file."""

    def __init__(self, path: str) -> None:
        with open(path, "rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if self._map[: len(HEADER)] != HEADER:
            self._map.close()
            raise ValueError("not a lemma table")
        self._start = len(HEADER)

    def get(self, form: str) -> str | None:
        key = form.encode("utf-8") + b"\t"
        data, lo, hi = self._map, self._start, len(self._map)
        # Invariant: the line we look for starts at or after lo and before hi.
        while lo < hi:
            mid = (lo + hi) // 2
            line_start = data.rfind(b"\n", lo, mid) + 1 or lo
            line_start = max(line_start, lo)
            line_end = data.find(b"\n", line_start, hi)
            if line_end < 0:
                line_end = hi
            line = data[line_start:line_end]
            if line.startswith(key):
                return line[len(key) :].decode("utf-8")
            if line < key:
                lo = line_end + 1
            else:
                hi = line_start
        return None


def _decoded() -> Mapping[str, Any]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary("nl")


def table_bytes(forms: Mapping[str, Any]) -> bytes:
    """The file's content: header, then sorted ``form<TAB>lemma`` lines."""
    lines = []
    for form, lemma in forms.items():
        f, lem = form.encode("utf-8"), str(lemma).encode("utf-8")
        if b"\t" in f or b"\n" in f or b"\n" in lem:
            continue
        lines.append(f + b"\t" + lem)
    lines.sort()
    return HEADER + b"\n".join(lines) + b"\n"


def _source_stamp() -> str | None:
    """Size and mtime of simplemma's Dutch data file: a new version builds a new table.

    Found with ``find_spec`` (no import: importing simplemma costs 0.4 s of
    regex compiling for its language detector).
    """
    spec = find_spec("simplemma")
    if spec is None or spec.origin is None:
        return None
    folder = os.path.dirname(spec.origin)
    data = os.path.join(folder, "strategies", "dictionaries", "data", "nl.plzma")
    try:
        st = os.stat(data)
    except OSError:
        return None
    return f"{st.st_size}-{int(st.st_mtime)}"


def find_spec(name: str) -> ModuleSpec | None:
    """Where the top-level module ``name`` would be imported from, without importing it.

    What ``importlib.util.find_spec`` does for a module not imported yet: ask
    each finder on ``sys.meta_path`` (PEP 451). Written here because importing
    ``importlib.util`` (with ``importlib`` and ``warnings``) was ~5 M
    instructions of a ``reflect search`` process, more than the search itself.
    """
    module = sys.modules.get(name)
    if module is not None:
        return getattr(module, "__spec__", None)
    for finder in sys.meta_path:
        find = getattr(finder, "find_spec", None)
        spec = find(name, None) if find is not None else None
        if spec is not None:
            return spec  # type: ignore[no-any-return]
    return None


def table_path() -> str | None:
    """Where the table lives: the cache folder ``paths`` decides (a string: no pathlib
    on the path of ``reflect search``, see ``core/paths.py``)."""
    from reflect_tui.core.paths import resolve_folders

    stamp = _source_stamp()
    if stamp is None:
        return None
    cache = resolve_folders(None, os.environ)[2]
    return os.path.join(cache, f"lemmas-nl-{stamp}.txt")


def open_lemma_table() -> LemmaTable | Mapping[str, Any]:
    """The table from the cache, building it on first use; the decoded dict if that fails."""
    from reflect_tui.core.paths import ensure_private_dir, write_private_file

    path = table_path()
    if path is not None:
        try:
            return LemmaTable(path)
        except (OSError, ValueError):
            pass
    forms = _decoded()
    if path is None:
        return forms
    from pathlib import Path

    try:
        ensure_private_dir(os.path.dirname(path))
        write_private_file(Path(path), table_bytes(forms))
        return LemmaTable(path)
    except (OSError, ValueError):
        return forms  # a read-only or full cache folder: work from memory
