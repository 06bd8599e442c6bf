"""Navigation keys as terminals really send them.

The step keys are alt+→ and alt+←. Most terminals (GNOME Terminal, iTerm2,
Windows Terminal, tmux) send them as ``ESC [1;3C`` / ``ESC [1;3D``, which
Textual reads as ``alt+right`` / ``alt+left``. macOS Terminal sends ⌥→ and ⌥←
as ``ESC f`` / ``ESC b`` (the Emacs word keys) by default, and Textual maps
those two sequences to ``ctrl+right`` / ``ctrl+left`` (word moves in a text
field), so ⌥→ never moved to the next step there. We read them as the
alt+arrow the user pressed. A real ctrl+→ (``ESC [1;5C``) stays a word move.

Textual 8 has no public hook for this; its sequence table is a module-level
dict read on every key, so one entry each is changed in place, once.
"""

from __future__ import annotations

from typing import NamedTuple


class _Key(NamedTuple):
    """Stands in for a ``textual.keys.Keys`` member: the parser reads ``.value``."""

    value: str


OPTION_ARROWS = {"\x1bf": "alt+right", "\x1bb": "alt+left"}


def read_option_arrows_as_alt() -> None:
    """Make ``ESC f`` / ``ESC b`` arrive as alt+right / alt+left (idempotent)."""
    from textual import _ansi_sequences

    table = _ansi_sequences.ANSI_SEQUENCES_KEYS
    for sequence, key in OPTION_ARROWS.items():
        table[sequence] = (_Key(key),)  # type: ignore[index]


def dutch_builtin_bindings() -> None:
    """Give Textual's own English key descriptions that reach our footer Dutch ones.

    Why: an open Select menu put "esc Dismiss menu" in the footer (Textual's
    ``SelectOverlay`` binding). Textual merges a class's bindings once, when
    the class is made, so the merged table is rebuilt here (idempotent).
    """
    from textual.widgets._select import SelectOverlay

    from reflect_tui.tui import strings

    SelectOverlay.BINDINGS = [("escape", "dismiss", strings.KEY_CLOSE_MENU)]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()
