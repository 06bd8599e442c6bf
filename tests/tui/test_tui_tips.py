"""The summary's tips are the coach's tips: same ids, same order as `reflect coach`, kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tui_helpers import CLOCK, WIDE, next_step, session

from reflect_tui.cli.main import main
from reflect_tui.core.journal.model import Answer
from reflect_tui.core.journal.store import JournalStore
from reflect_tui.tui.screens.read import ReadScreen
from reflect_tui.tui.widgets.tip_card import TipRow

TEXT = (
    "De bewoners waren boos over de kap van de bomen; ik luisterde eerst en vatte samen. "
    "Collega's van groen hielden vast aan de planning en reageerden traag."
)


def _coach_json(data_dir: Path, rid: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "coach", "--reflection", rid, "--json"]) == 0
    return list(json.loads(capsys.readouterr().out)["tips"])


async def test_summary_tips_equal_reflect_coach_and_are_kept(
    make_app, content, journal_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with JournalStore.open(journal_path, CLOCK) as store:
        draft = store.create_draft("Bomenkap in de wijk")
        draft.practices = ["relaties"]
        draft.barriers = ["collegas"]
        draft.answers = [Answer("relaties", "luisteren", "Wat hoorde je?", TEXT)]
        store.save(draft)
        rid = draft.id
        # Another case that was coached lately: its tips rotate for this one too.
        store.record_tips_shown([content.tips[0].id], None)
    before = _coach_json(data_dir, rid, capsys)  # nothing kept yet: a ranking
    assert before and all(t["score"] is not None for t in before)

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.open_reflection(rid)
        await pilot.pause()
        s = session(app)
        for _ in range(20):
            if s.flow.current.key == "summary":
                break
            await next_step(pilot)
        assert s.flow.current.key == "summary"
        await pilot.pause()
        cards = list(s.query(TipRow))
        kept = s.flow.reflection.tips
        shown_titles = [c._title for c in cards[: len(kept)]]
        await pilot.press("a")  # finish: saved with the tips
        await pilot.pause()
        # Reopened, the finished reflection shows the kept tips again.
        app.open_reflection(rid)
        await pilot.pause()
        assert isinstance(app.screen, ReadScreen)
        reread = app.screen._markdown
        assert "Tips bij deze reflectie" in reread
        assert all(title in reread for title in shown_titles)

    # The summary showed what `reflect coach --reflection ID` gives, in that order ...
    assert [t.tip for t in kept] == [t["id"] for t in before]
    assert shown_titles == [t["title"] for t in before]
    assert [t.reasons for t in kept] == [t["reasons"] for t in before]
    # ... and after the summary, the CLI gives the kept tips (no new ranking).
    after = _coach_json(data_dir, rid, capsys)
    assert [(t["id"], t["rank"], t["reasons"]) for t in after] == [
        (t.tip, t.rank, t.reasons) for t in kept
    ]
    assert all(t["score"] is None for t in after)

    with JournalStore.open(journal_path, CLOCK) as store:
        assert store.get(rid).tips == kept
    # `reflect show` (Markdown and JSON) shows them too.
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "show", rid]) == 0
    shown_md = capsys.readouterr().out
    assert "Tips bij deze reflectie" in shown_md
    assert shown_titles[0] in shown_md
    assert main(["--data-dir", str(data_dir), "show", rid, "--format", "json"]) == 0
    as_json = json.loads(capsys.readouterr().out)
    assert [t["tip"] for t in as_json["tips"]] == [t.tip for t in kept]


async def test_arriving_at_the_summary_enter_opens_a_tip_and_does_not_finish(
    make_app, journal_path: Path
) -> None:
    """Fresh-eyes finding: the focus sat on "Afronden (a)" under the hint "Kies een
    tip en druk op Enter", so Enter finished the reflection and left the session."""
    with JournalStore.open(journal_path, CLOCK) as store:
        draft = store.create_draft("Bomenkap in de wijk")
        draft.practices = ["relaties"]
        draft.barriers = ["collegas"]
        draft.answers = [Answer("relaties", "luisteren", "Wat hoorde je?", TEXT)]
        store.save(draft)
        rid = draft.id
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        app.open_reflection(rid)
        await pilot.pause()
        s = session(app)
        while s.flow.current.key != "summary":
            await next_step(pilot)
        await pilot.pause()
        first = s.query(TipRow).first()
        assert app.focused is first
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is s and s.flow.reflection.status == "draft"
        assert first.expanded
        await pilot.press("a")  # finishing stays on its own key
        await pilot.pause()
        assert app.screen is not s
    with JournalStore.open(journal_path, CLOCK) as store:
        assert store.get(rid).status == "complete"
