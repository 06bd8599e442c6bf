"""Fresh-eyes finding 18: "het essay" explained, and reason lines that begin alike."""

from __future__ import annotations

from coach_fixtures.helpers import TODAY, learning, make_content, reflection
from journal_fixtures.helpers import open_store
from journal_fixtures.lookback import lookback_reflections
from test_insights import TODAY as INSIGHTS_TODAY

from reflect_tui.cli.coach_cmd import render_suggest
from reflect_tui.cli.stats_cmd import ESSAY_NOTE, render
from reflect_tui.core.coach.learning import learning_suggestions
from reflect_tui.core.content.loader import load_builtin
from reflect_tui.core.insights import compute


def test_suggest_reason_lines_all_begin_with_a_capital() -> None:
    """``Collega's hinderden …`` stood beside ``je liet Doorvragen leeg …``."""
    skipped = learning("doorvragen", "step_skipped", ids=("doorvragen",), min_count=2, window=3)
    hindered = learning("collegas", "barrier_recurring", ids=("collegas",), min_count=2, window=3)
    empty = {("relaties", "luisteren"): "gehoord", ("relaties", "doorvragen"): "  "}
    journal = [
        reflection(i, days_ago=i, practices=["relaties"], barriers=["collegas"], answers=empty)
        for i in range(3)
    ]
    content = make_content(learning_suggestions=[skipped, hindered])
    matches = learning_suggestions(content, journal, TODAY)
    assert {m.reasons[0][:2] for m in matches} >= {"je", "Co"}  # the core phrases differ
    text = render_suggest(matches, has_journal=True)
    lines = [li.strip()[2:] for li in text.splitlines() if li.strip().startswith("- ")]
    assert lines and all(li[:1].isupper() for li in lines), lines


def test_stats_says_what_the_essay_is(tmp_path) -> None:
    with open_store(tmp_path) as store:
        store.import_reflections(lookback_reflections())
        text = render(compute(store, INSIGHTS_TODAY), load_builtin())
    assert ESSAY_NOTE in text and "tekst waarop deze app is gebouwd" in text
    assert text.index(ESSAY_NOTE) < text.index("essay 1")
