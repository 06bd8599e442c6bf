"""``reflect content init``: start an organisation layer from commented examples.

Why from files and not from code: the examples are what a trainer reads and
edits, so they live as YAML beside this module (``layer_template/``), with the
comments a trainer needs; ``content check`` must pass on them as written (a test
checks it against the built-in content). The template includes an
``examples/`` folder with one example note, so a trainer sees where the
coach's example notes for an own tip go.
"""

from __future__ import annotations

from pathlib import Path

from reflect_tui.core.errors import ReflectError
from reflect_tui.core.os_messages import os_reason

TEMPLATE_DIR = Path(__file__).resolve().parent / "layer_template"


def template_files() -> list[Path]:
    """The template files relative to the template folder (``examples/`` too), sorted."""
    return sorted(p.relative_to(TEMPLATE_DIR) for p in TEMPLATE_DIR.rglob("*.yaml"))


def init_layer(target: Path) -> list[Path]:
    """Write the example files into ``target`` (created if needed); never overwrite.

    Returns the files written. Refuses, before writing anything, when any of
    them already exists, so a second ``init`` cannot clobber a trainer's work.
    """
    if target.exists() and not target.is_dir():
        raise ReflectError(f"{target} bestaat al en is geen map")
    sources = template_files()
    existing = [s for s in sources if (target / s).exists()]
    if existing:
        names = ", ".join(p.as_posix() for p in existing)
        raise ReflectError(
            f"in {target} staan al bestanden met deze namen: {names}; niets geschreven"
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
        written = []
        for source in sources:
            destination = target / source
            destination.parent.mkdir(parents=True, exist_ok=True)
            text = (TEMPLATE_DIR / source).read_text(encoding="utf-8")
            destination.write_text(text, encoding="utf-8")
            written.append(destination)
    except OSError as exc:
        raise ReflectError(f"kan niet schrijven in {target}: {os_reason(exc)}") from exc
    return written
