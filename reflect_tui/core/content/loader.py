"""Layered content loading: built-in, organisation, user, ``--content``.

Why layers are validated one by one: a trainer's broken file in a shared
organisation folder must not stop a civil servant's app. Each layer above
the built-in one is read, validated and merged on its own; if it has any
error, or introduces a reference the merged content cannot resolve, the
whole layer is skipped with a one-line notice and the app runs on the
rest. The built-in layer is the floor: if it is broken, that is a bug in
the app and a ``ReflectError``.

``check_paths`` and ``check_layers`` are the trainer's view: they never
skip, they report every error of every layer.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reflect_tui.core.content.errors import ContentError, format_errors, printable
from reflect_tui.core.content.layers import (
    CONTENT_SUFFIXES,  # noqa: F401  (re-exported: benchmarks and tests use it)
    LoadResult,
    display_path,
    is_content_name,
)
from reflect_tui.core.content.model import COLLECTIONS, Content
from reflect_tui.core.content.validate import Entry, Hinter, check_refs, validate_file
from reflect_tui.core.content.yamlsafe import ParsedFile, gc_paused, read_file
from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason
from reflect_tui.core.paths import Locations, builtin_content_dir, content_layer_dirs
from reflect_tui.core.wording import counted

FOLDER_PATH = "(map)"

# The notice a civil servant sees when a layer is skipped: what happened and
# whom to tell, in plain words. The file, line and field of each error are
# for the trainer, who sees them with ``reflect content check`` (named here).
LAYER_SKIPPED = (
    "De inhoud van je organisatie in {folder} kon niet worden geladen; {fallback}. "
    "Meld dit aan je trainer of beheerder: die ziet wat er mis is met "
    "'reflect content check {command}'."
)
FALLBACK_BUILTIN = "reflect gebruikt de ingebouwde inhoud"
FALLBACK_REST = "reflect werkt verder zonder deze map"

Merged = dict[str, dict[str, Entry]]


@dataclass(frozen=True)
class CheckResult:
    """Every error of a layer stack, and the content built from what was valid."""

    errors: tuple[ContentError, ...]
    content: Content


@dataclass
class Layer:
    """One content folder (or single file), read and validated on its own."""

    label: str
    # Where the layer lives, absolute: what ``Content.layers`` lists. The
    # label (relative to the working folder) is for error lines only; it
    # would also go stale in the content cache, read from another folder.
    source: str = ""
    files: list[ParsedFile] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    # Items without a usable id: not merged, their references still checked.
    unnamed: list[Entry] = field(default_factory=list)


def read_layer(path: Path) -> Layer:
    """Read every ``*.yaml`` file of a folder (or one file) and validate each."""
    label = display_path(path)
    layer = Layer(label, os.path.abspath(path))
    if path.is_dir():
        try:
            names = sorted(p for p in path.iterdir() if is_content_name(p.name) and p.is_file())
        except OSError as exc:
            layer.errors.append(
                ContentError(label, 1, 1, FOLDER_PATH, f"kan de map niet lezen: {os_reason(exc)}")
            )
            return layer
        files = [(p, display_path(p)) for p in names]
    elif path.exists():
        files = [(path, label)]
    else:
        layer.errors.append(
            ContentError(label, 1, 1, FOLDER_PATH, "deze map of dit bestand bestaat niet")
        )
        return layer
    seen: dict[tuple[str, str], Entry] = {}
    for file_path, display in files:
        parsed = read_file(file_path, display)
        layer.files.append(parsed)
        layer.errors.extend(parsed.errors)
        if parsed.root is None:
            continue
        with gc_paused():  # many small objects, no cycles (see ``gc_paused``)
            entries, errors = validate_file(parsed.root, display)
        layer.errors.extend(errors)
        for entry in entries:
            if not entry.named:
                layer.unnamed.append(entry)
                continue
            key = (entry.collection, entry.id)
            first = seen.get(key)
            if first is not None:
                layer.errors.append(
                    ContentError(
                        entry.file,
                        entry.line,
                        entry.col,
                        entry.path,
                        f"id '{entry.id}' komt al voor in deze laag (op {first.where})",
                    )
                )
                continue
            seen[key] = entry
            layer.entries.append(entry)
    return layer


def merge(base: Merged | None, layer: Layer) -> tuple[Merged, list[ContentError]]:
    """``base`` with ``layer`` on top: add new ids, replace same ids, drop disabled ones."""
    merged: Merged = {name: dict(base[name]) if base else {} for name in COLLECTIONS}
    errors: list[ContentError] = []
    hinters: dict[str, Hinter] = {}
    for entry in layer.entries:
        items = merged[entry.collection]
        if entry.disabled:
            if entry.id in items:
                del items[entry.id]
            elif base is not None:
                errors.append(
                    ContentError(
                        entry.file,
                        entry.line,
                        entry.col,
                        entry.path,
                        f"kan '{entry.id}' niet uitzetten: geen lagere laag heeft dit id"
                        + hinters.setdefault(entry.collection, Hinter(base[entry.collection])).hint(
                            entry.id
                        ),
                    )
                )
            continue
        items[entry.id] = entry
    return merged, errors


def build_content(merged: Merged, layers: Sequence[Layer]) -> Content:
    """The frozen Content of the merged entries, versioned by what it holds.

    The version is a hash of the merged content itself (its JSON shape), not
    of the files read: the same content from a copied folder, a layer that
    repeats built-in items, other comments or line endings has one version.
    Hashing the files' bytes gave identical content different versions.
    """

    def items(name: str) -> tuple[Any, ...]:
        # ``Entry.item`` is whatever the validator built for that collection.
        return tuple(e.item for e in merged[name].values() if e.item is not None)

    content = Content(
        practices=items("practices"),
        principles=items("principles"),
        lsd_steps=items("lsd_steps"),
        activities=items("activities"),
        barriers=items("barriers"),
        helps=items("helps"),
        case_kinds=items("case_kinds"),
        prompts=items("prompts"),
        tips=items("tips"),
        learning_suggestions=items("learning_suggestions"),
        intervision_methods=items("intervision_methods"),
        sets=items("sets"),
        layers=tuple(layer.source for layer in layers),
    )
    return replace(content, version=content_version(content))


def content_version(content: Content) -> str:
    """A short hash of the content's JSON shape (the same for the same content)."""
    from reflect_tui.core.content.export import content_to_json

    canonical = json.dumps(content_to_json(content), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def is_builtin_layer(source: str) -> bool:
    """Whether ``source`` (an entry of ``Content.layers``) is the built-in layer."""
    return source == os.path.abspath(builtin_content_dir())


def _builtin_layer() -> tuple[Layer, Merged]:
    layer = read_layer(builtin_content_dir())
    errors = list(layer.errors)
    merged, merge_errors = merge(None, layer)
    errors.extend(merge_errors)
    if not errors:
        errors.extend(check_refs(merged))
    if errors:
        raise ReflectError(
            f"de ingebouwde inhoud is ongeldig ({counted(len(errors), 'fout', 'fouten')}): "
            f"{format_errors(errors)}; "
            "controleer met 'reflect content check'"
        )
    return layer, merged


def load_builtin() -> Content:
    """The built-in layer alone; a ReflectError if it is broken."""
    layer, merged = _builtin_layer()
    return build_content(merged, [layer])


def load_content(
    locations: Locations,
    extra: Sequence[str | os.PathLike[str]] = (),
    env: Mapping[str, str] | None = None,
) -> LoadResult:
    """All layers merged; broken or missing layers above the built-in one are skipped."""
    with gc_paused():  # hundreds of thousands of nodes, no cycles: see ``gc_paused``
        return _load_content(locations, extra, env)


def _load_content(
    locations: Locations,
    extra: Sequence[str | os.PathLike[str]],
    env: Mapping[str, str] | None,
) -> LoadResult:
    builtin, merged = _builtin_layer()
    used = [builtin]
    notices: list[str] = []
    skipped: list[tuple[int, Layer]] = []  # (place among the notices, layer)
    for folder in content_layer_dirs(locations, extra, env):
        label = display_path(folder)
        if not folder.exists():
            notices.append(f"inhoudslaag {label} overgeslagen: de map bestaat niet")
            continue
        layer = read_layer(folder)
        candidate, merge_errors = merge(merged, layer)
        # The merged content was clean before this layer, so every reference
        # error now is one this layer introduced.
        errors = [*layer.errors, *merge_errors, *check_refs(candidate)]
        if errors:
            skipped.append((len(notices), layer))
            notices.append("")  # worded below, once it is known which layers loaded
            continue
        if not layer.files:
            notices.append(f"inhoudslaag {label} bevat geen .yaml-bestanden")
        merged = candidate
        used.append(layer)
    if skipped:
        import shlex  # only here: a start-up with good layers never needs it

        fallback = FALLBACK_BUILTIN if len(used) == 1 else FALLBACK_REST
        for at, layer in skipped:
            notices[at] = LAYER_SKIPPED.format(
                folder=layer.label, fallback=fallback, command=shlex.quote(layer.source)
            )
    # One line each, whatever odd characters a folder name holds.
    return LoadResult(build_content(merged, used), tuple(printable(n) for n in notices))


def check_layers(paths: Sequence[Path]) -> CheckResult:
    """Every error of the built-in layer plus ``paths`` stacked on top of it.

    Unlike ``load_content`` nothing is skipped: valid items of a layer with
    errors still take part, so its cross-references are checked too.
    """
    with gc_paused():  # see ``load_content``
        return _check_layers(paths)


def _check_layers(paths: Sequence[Path]) -> CheckResult:
    builtin = builtin_content_dir()
    layers = [read_layer(builtin)]
    for path in paths:
        if _same_path(path, builtin):
            continue  # already the base layer
        layers.append(read_layer(path))
    errors: list[ContentError] = []
    merged: Merged | None = None
    for layer in layers:
        errors.extend(layer.errors)
        if not layer.files and not layer.errors:
            # Almost always the wrong folder; say so rather than print "OK".
            errors.append(
                ContentError(layer.label, 1, 1, FOLDER_PATH, "deze map bevat geen .yaml-bestanden")
            )
        merged, merge_errors = merge(merged, layer)
        errors.extend(merge_errors)
    assert merged is not None
    errors.extend(check_refs(merged, unnamed=[e for layer in layers for e in layer.unnamed]))
    content = build_content(merged, layers)
    switched_off = {
        e.id for layer in layers for e in layer.entries if e.collection == "tips" and e.disabled
    }
    errors.extend(_example_errors(content, switched_off))
    return CheckResult(tuple(_sorted_unique(errors, layers)), content)


# The ``path`` of every problem in a layer's example notes.
EXAMPLES_PATH = "examples"


def _example_errors(content: Content, switched_off: set[str]) -> list[ContentError]:
    """Problems in the layers' example notes (``examples/*.yaml``), against the merged tips."""
    from reflect_tui.core.content.examples import read_examples

    known = [tip.id for tip in content.tips]
    kinds = [kind.id for kind in content.case_kinds]
    found = read_examples(content.layers, known, switched_off - set(known), kinds)
    return [
        ContentError(display_path(Path(p.file)), p.line, 1, EXAMPLES_PATH, p.message)
        for p in found.problems
    ]


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a symlink loop: certainly not the built-in folder
        return False


def check_paths(paths: Sequence[Path]) -> list[ContentError]:
    """Errors of ``paths`` (folders or files) checked on top of the built-in content."""
    return list(check_layers(paths).errors)


def _sorted_unique(errors: list[ContentError], layers: Sequence[Layer]) -> list[ContentError]:
    """Drop repeats (a file checked twice); order by layer and file, then position."""
    file_order: dict[str, int] = {}
    for layer in layers:
        file_order.setdefault(layer.label, len(file_order))
        for parsed in layer.files:
            file_order.setdefault(parsed.display, len(file_order))
    unique: dict[str, ContentError] = {}
    for error in errors:
        file_order.setdefault(error.file, len(file_order))
        unique.setdefault(str(error), error)
    return sorted(unique.values(), key=lambda e: (file_order[e.file], e.line, e.col))
