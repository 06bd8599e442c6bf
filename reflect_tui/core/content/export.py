"""The machine-readable face of the content (``reflect content show --json``).

Why a separate module: the JSON shape is a contract shared by the CLI, the
TUI and a future web view, so it is built in one place from the model and
never from the YAML. Every collection is a list of objects with an ``id``;
id lists stay lists, ``practice`` of an intake or closing prompt is null,
rating anchors get string keys ("1".."5") because JSON has no int keys.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from reflect_tui.core.content.model import COLLECTIONS, Content


def to_plain(value: Any) -> Any:
    """Model objects, tuples and mappings as JSON-ready dicts, lists and scalars."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if hasattr(value, "items"):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def content_to_json(content: Content) -> dict[str, Any]:
    """A dict with exactly the eleven collection keys, in contract order."""
    return {name: [to_plain(item) for item in getattr(content, name)] for name in COLLECTIONS}


def content_counts(content: Content) -> dict[str, int]:
    """How many items each collection holds (for summaries)."""
    return {name: len(getattr(content, name)) for name in COLLECTIONS}
