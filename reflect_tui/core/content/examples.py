"""Example notes in a content layer: reading and checking ``examples/*.yaml``.

Why a folder of its own: content files sit directly in a layer folder and are
read at every start-up; about a thousand example notes are only needed when
the coach first runs (``core/coach/examples.py`` builds its model from them),
so they live in ``examples/`` beside the content files and are read lazily.
Examples add up over the layers; a tip that a higher layer redefines loses
the examples a lower layer wrote for it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reflect_tui.core.content.layers import is_content_name
from reflect_tui.core.os_messages import os_reason

_FIELDS = frozenset({"tips", "text", "kind"})
EXAMPLES_FOLDER = "examples"  # inside a layer folder; content files never sit in a subfolder


@dataclass(frozen=True, slots=True)
class Example:
    """One example note and the tips that fit it, best first."""

    tips: tuple[str, ...]
    text: str
    kind: str | None = None
    file: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class ExampleProblem:
    """Why an example was skipped: where, and one Dutch line (for ``reflect content check``)."""

    file: str
    line: int
    message: str


@dataclass
class ExampleSet:
    """Examples read from some layers, and what was wrong with the rest."""

    examples: list[Example] = field(default_factory=list)
    problems: list[ExampleProblem] = field(default_factory=list)


def _load_yaml(path: Path) -> Any:
    """The file's YAML nodes (with line numbers); the C parser when present."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        return yaml.compose(handle, Loader=loader)


def _error_line(path: Path, exc: Exception) -> int:
    """The line of a YAML error: its mark, or (a bad character) its position in the text."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return int(mark.line) + 1
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        try:
            return path.read_text(encoding="utf-8")[:position].count("\n") + 1
        except (OSError, UnicodeDecodeError):
            return 1
    return 1


def _scalar(node: Any) -> str | None:
    """A plain value's text; None for a list, a mapping or a YAML null (``~``, ``null``)."""
    from yaml import ScalarNode

    if not isinstance(node, ScalarNode):
        return None
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return str(node.value)


def read_examples_file(
    path: Path,
    known_tips: Iterable[str] | None = None,
    switched_off: Iterable[str] = (),
    known_kinds: Iterable[str] | None = None,
) -> ExampleSet:
    """Every usable example of one file; a problem line for each one that is not.

    ``known_tips``: when given, tip ids outside it are reported (and left out
    of the example; an example left without tips is skipped). Ids in
    ``switched_off`` (tips a layer disabled) are left out without a word: the
    built-in examples of a tip an organisation switched off are no mistake.
    ``known_kinds``: when given, a ``kind`` outside it is reported (the
    example still counts, without a kind).
    """
    from yaml import MappingNode, SequenceNode, YAMLError

    off = set(switched_off)
    kinds = set(known_kinds) if known_kinds is not None else None
    known = set(known_tips) if known_tips is not None else None
    result = ExampleSet()
    label = str(path)
    try:
        root = _load_yaml(path)
    except OSError as exc:
        reason = os_reason(exc)
        result.problems.append(ExampleProblem(label, 1, f"kan het bestand niet lezen: {reason}"))
        return result
    except UnicodeDecodeError:
        result.problems.append(ExampleProblem(label, 1, "het bestand is geen UTF-8-tekst"))
        return result
    except YAMLError as exc:
        result.problems.append(ExampleProblem(label, _error_line(path, exc), "geen geldige YAML"))
        return result
    if root is None:
        return result
    items = None
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if _scalar(key) == "examples":
                items = value
    if not isinstance(items, SequenceNode):
        line = root.start_mark.line + 1
        result.problems.append(ExampleProblem(label, line, "verwacht een lijst 'examples:'"))
        return result
    for item in items.value:
        line = item.start_mark.line + 1
        if not isinstance(item, MappingNode):
            result.problems.append(
                ExampleProblem(label, line, "een voorbeeld moet 'tips' en 'text' hebben")
            )
            continue
        fields = {_scalar(k): v for k, v in item.value}
        for name in fields:
            if name not in _FIELDS:
                result.problems.append(
                    ExampleProblem(label, line, f"onbekend veld '{name}' (wel: tips, text, kind)")
                )
        text = _scalar(fields.get("text")) if "text" in fields else None
        tips_node = fields.get("tips")
        tips: list[str] = []
        if isinstance(tips_node, SequenceNode):
            tips = [t for t in (_scalar(n) for n in tips_node.value) if t]
        elif tips_node is not None and _scalar(tips_node):
            tips = [str(_scalar(tips_node))]
        if not text or not text.strip():
            result.problems.append(ExampleProblem(label, line, "dit voorbeeld heeft geen 'text'"))
            continue
        if known is not None:
            named = bool(tips)
            tips = [t for t in tips if t not in off]
            for tip_id in tips:
                if tip_id not in known:
                    result.problems.append(
                        ExampleProblem(label, line, f"onbekende tip '{tip_id}' in 'tips'")
                    )
            if named and not any(t in known for t in tips):
                continue  # said above (unknown tips), or only switched-off tips
            tips = [t for t in tips if t in known]
        if not tips:
            result.problems.append(ExampleProblem(label, line, "dit voorbeeld noemt geen tip"))
            continue
        kind = _scalar(fields["kind"]) if "kind" in fields else None
        if kind is not None and kinds is not None and kind not in kinds:
            result.problems.append(
                ExampleProblem(label, line, f"onbekende soort casus '{kind}' in 'kind'")
            )
            kind = None
        result.examples.append(Example(tuple(dict.fromkeys(tips)), text, kind, label, line))
    return result


def example_files(layers: Sequence[str]) -> list[Path]:
    """The examples files of these layer folders, lowest layer first, by name within one."""
    files: list[Path] = []
    for layer in layers:
        folder = Path(layer) / EXAMPLES_FOLDER
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue  # no examples folder (or a single-file layer)
        files.extend(p for p in (folder / name for name in names) if _is_content_file(p))
    return files


def _is_content_file(path: Path) -> bool:
    """The loader's rule: a visible ``*.yaml`` or ``*.yml`` that is a regular file.

    Why ``is_file``: a named pipe called ``x.yaml`` in a layer blocked the
    coach (and the TUI's warm-up, holding the model's lock) on its first read.
    """
    return is_content_name(path.name) and path.is_file()


def examples_fingerprint(layers: Sequence[str | Path]) -> str:
    """A hash of these layers' example files (names and bytes), to tell an edit.

    Why apart from the content's version: the version hashes the merged
    content files, which are read at start-up; the examples are read only
    when the coach first runs, so they are not in it. A live reload compares
    this fingerprint to see that an ``examples/`` edit changed the coach. A
    file that cannot be read counts by its name alone (``content check``
    reports it).
    """
    import hashlib

    digest = hashlib.sha256()
    for path in example_files([str(layer) for layer in layers]):
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\0unreadable")
        digest.update(b"\0")
    return digest.hexdigest()


def read_examples(
    layers: Sequence[str],
    known_tips: Iterable[str] | None = None,
    switched_off: Iterable[str] = (),
    known_kinds: Iterable[str] | None = None,
) -> ExampleSet:
    """The examples of every layer, together (a layer adds examples, it replaces none).

    A tip that a higher layer redefines (same id, its own text) is not the tip
    a lower layer's examples were written for: those examples no longer count
    for it (the higher layer may give its own).
    """
    known = list(known_tips) if known_tips is not None else None
    off = list(switched_off)
    kinds = list(known_kinds) if known_kinds is not None else None
    result = ExampleSet()
    # Each layer's tip ids read once; the ids redefined above a layer are
    # then the union of the sets above it (built top-down).
    defined = [_tips_defined_in([layer]) for layer in layers]
    above: list[set[str]] = []
    replaced: set[str] = set()
    for ids in reversed(defined):
        above.append(set(replaced))
        replaced |= ids
    above.reverse()
    for layer, replaced in zip(layers, above, strict=True):
        for path in example_files([layer]):
            found = read_examples_file(path, known, off, kinds)
            for example in found.examples:
                tips = tuple(t for t in example.tips if t not in replaced)
                if tips:
                    result.examples.append(replace(example, tips=tips))
            result.problems.extend(found.problems)
    return result


def _tips_defined_in(layers: Sequence[str]) -> set[str]:
    """The tip ids these layers define or redefine (their content files' ``tips`` lists)."""
    from yaml import MappingNode, SequenceNode, YAMLError

    ids: set[str] = set()
    for layer in layers:
        path = Path(layer)
        try:
            files = (
                [p for p in (path / n for n in sorted(os.listdir(path))) if _is_content_file(p)]
                if path.is_dir()
                else [path]
                if path.is_file()
                else []
            )
        except OSError:
            continue
        for file in files:
            try:
                root = _load_yaml(file)
            except (OSError, UnicodeDecodeError, YAMLError):
                continue  # a broken layer is skipped by the content loader too
            if not isinstance(root, MappingNode):
                continue
            for key, value in root.value:
                if _scalar(key) != "tips" or not isinstance(value, SequenceNode):
                    continue
                for item in value.value:
                    if isinstance(item, MappingNode):
                        ids.update(
                            str(_scalar(v))
                            for k, v in item.value
                            if _scalar(k) == "id" and _scalar(v)
                        )
    return ids
