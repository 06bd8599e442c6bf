"""What the loader and the content cache both know about layers, without parsing.

Why a separate module: the cache decides whether a start-up may skip the
YAML entirely, so it must list a layer's files and show paths exactly as
the loader does while importing neither ``yaml`` nor the validator.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the model is imported only where content is built
    from reflect_tui.core.content.model import Content

CONTENT_SUFFIXES = (".yaml", ".yml")


class LoadResult(NamedTuple):
    """The merged content plus one notice per skipped layer or missing folder."""

    content: Content
    notices: tuple[str, ...]


def is_content_name(name: str) -> bool:
    """Whether a file name in a layer folder is read as content (hidden files are not)."""
    return Path(name).suffix in CONTENT_SUFFIXES and not name.startswith(".")


def display_path(path: Path) -> str:
    """How a path is shown in errors: relative to the working folder when inside it."""
    if path.is_absolute():
        try:
            return str(path.relative_to(Path.cwd()))
        except (ValueError, OSError):  # elsewhere, or the working folder is gone
            return str(path)
    return str(path)
