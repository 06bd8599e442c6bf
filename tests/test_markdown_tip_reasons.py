"""A tip's reason is its own paragraph under the tip's title (issue 16).

Tester: the read view showed "1. Maak ruimte voor emoties Waarom: Je schreef ...":
the reason line right under the title was part of the same paragraph.
"""

from __future__ import annotations

from journal_fixtures.helpers import sample_reflection
from markdown_it import MarkdownIt

from reflect_tui.core.journal.markdown import render_reflection
from reflect_tui.core.journal.model import ShownTip


def test_the_reason_is_a_paragraph_of_its_own_under_the_title() -> None:
    reflection = sample_reflection()
    reflection.tips = [ShownTip("emoties", 1, ["Je schreef over boosheid."])]
    tokens = MarkdownIt().parse(render_reflection(reflection))
    paragraphs = [t.content for t in tokens if t.type == "inline"]
    assert "emoties" in paragraphs
    assert "Waarom: Je schreef over boosheid." in paragraphs
