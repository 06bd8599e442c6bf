"""Live reload of content while a trainer edits it: the rule, without the watching.

Why a class of its own in core: the preview (``reflect content preview``) and
the app with ``--watch`` both need the same promise — a change that checks
clean replaces the content, a broken one keeps the last good content and
reports every error (``FILE:LINE:COL: path: message``) until it is fixed.
The TUI only watches files and shows the outcome; a browser view could do
the same with this class.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from reflect_tui.core.content.errors import ContentError
from reflect_tui.core.content.examples import examples_fingerprint
from reflect_tui.core.content.layers import is_content_name
from reflect_tui.core.content.loader import check_layers
from reflect_tui.core.content.model import Content


class ReloadOutcome(NamedTuple):
    """What one reload gave: the content now in force, and the errors if any.

    ``changed`` is True when ``content`` is new (a different version than
    before, or the same version with edited example notes); with errors,
    ``content`` is the last good one and ``changed`` is False.
    """

    content: Content
    errors: tuple[ContentError, ...]
    changed: bool


class ContentReloader:
    """Re-checks a stack of layers on demand and remembers the last good content."""

    def __init__(self, layers: Sequence[Path], current: Content) -> None:
        self.layers = tuple(layers)
        self.current = current
        # The examples are not in the content's version (they are read lazily,
        # by the coach); the coach's model is cached per Content object, so an
        # examples-only edit must still hand out a new Content.
        self._examples = examples_fingerprint(self.layers)

    def watch_paths(self) -> list[Path]:
        """The folders (or single files) to watch: the layers that exist."""
        return [p for p in self.layers if p.exists()]

    @staticmethod
    def is_content_change(path: str | Path) -> bool:
        """Only YAML content files count; an editor's swap or backup file does not."""
        name = Path(path).name
        return is_content_name(name) and not name.startswith("~")

    def reload(self) -> ReloadOutcome:
        """Check the whole stack again; keep the last good content on any error."""
        # A folder that disappeared (a trainer renaming it) is no error here.
        examples = examples_fingerprint(self.layers)
        result = check_layers(self.watch_paths())
        if result.errors:
            return ReloadOutcome(self.current, tuple(result.errors), False)
        changed = result.content.version != self.current.version or examples != self._examples
        self._examples = examples
        if changed:
            self.current = result.content
        return ReloadOutcome(self.current, (), changed)
