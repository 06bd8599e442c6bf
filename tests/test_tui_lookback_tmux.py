"""End to end in a real terminal: find a reflection by another form of a word, open it.

A person types ``boom`` in the journal screen of the installed ``reflect``;
the reflection that only says ``bomen`` must be found (Dutch stemming, the
same analysis as ``reflect search``), and Enter must open it in the guided
flow. Helpers and robustness rules: ``test_tui_e2e_tmux``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pytest
from journal_fixtures.helpers import CLOCK
from journal_fixtures.lookback import lookback_reflections
from test_tui_e2e_tmux import (  # noqa: F401  (terminal: fixture)
    TMUX,
    Terminal,
    reflect_command,
    squash,
    terminal,
)

from reflect_tui.core.journal.store import JournalStore
from reflect_tui.core.paths import resolve_locations
from reflect_tui.tui import strings

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


def test_find_by_a_stemmed_word_and_open_it(terminal: Terminal) -> None:  # noqa: F811
    locations = resolve_locations(None, terminal.env)
    with JournalStore.open(locations.journal_path, CLOCK) as store:
        store.import_reflections(lookback_reflections())
    terminal.start(reflect_command())
    terminal.wait_for(strings.HOME_NEW_BUTTON)
    terminal.show("j", "Straatfeest", "8 reflecties")
    terminal.type("boom")
    screen = terminal.wait_until(
        "the search to narrow the list to two reflections",
        lambda s: "2 reflecties" in squash(s),
    )
    assert "Project groene straat" in screen  # says "bomen" only
    assert "Bewonersavond Lindelaan" in screen  # says "boom"
    assert "Straatfeest" not in screen
    terminal.focus_key("Enter")  # from the search field to the list
    terminal.keys("Enter")  # open the highlighted (newest) one in the guided flow
    screen = terminal.wait_for(strings.STEP_INTAKE, "Project groene straat")
    terminal.keys("C-q")
    assert terminal.exit_status() == 0
