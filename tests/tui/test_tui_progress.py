"""The progress line: phases that stay put, a question count inside LSD."""

from __future__ import annotations

from textual.widgets import SelectionList
from tui_helpers import NARROW, next_step, session, visible_text

from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings
from reflect_tui.tui.widgets.progress import StepProgress


async def test_progress_names_the_phase_and_does_not_jump(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("n")
        await pilot.pause()
        s = session(app)
        progress = s.query_one(StepProgress)
        first = visible_text(progress)
        strip = first.splitlines()[0]
        for name in strings.PHASE_NAMES.values():
            assert name in strip  # all seven phases fit on one line at 80 columns
        await next_step(pilot)
        choices = s.query_one("#practices", SelectionList)
        choices.deselect_all()
        choices.select("situatie")
        choices.select("relaties")
        await pilot.pause()
        text = visible_text(progress)
        assert text.splitlines()[0].split() == strip.split()  # the same phases
        assert by_count(strings.PROGRESS_PRACTICES, 6, k=2) in text
        await next_step(pilot)
        await next_step(pilot)
        assert s.flow.current.key == "lsd:situatie:samenvatten"
        assert strings.PROGRESS_LSD.format(i=2, n=6) in visible_text(progress)


async def test_narrow_terminal_shows_only_the_current_phase(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        strip = visible_text(session(app).query_one(StepProgress)).splitlines()[0]
        name = strings.PHASE_NAMES["intake"]
        assert strip == strings.PHASE_NARROW.format(name=name, i=1, n=7)
